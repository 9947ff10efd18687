import { batch, computed, type ReadonlySignal, signal, type Signal } from "@preact/signals";
import { isOverdue, progressByUnit } from "../../../src/domain/checklists";
import type { Change } from "../../../src/schema/changes";
import type { ChecklistItem } from "../../../src/schema/checklists";
import { explain } from "../../lib/errors";
import { getJson } from "../../lib/api";
import type { StreamFeed } from "../../lib/live";
import { now } from "../../i18n";

/**
 * One incident's checklist, kept live. Each item is its own signal, so a change re-renders only
 * that row; the list of ids (per unit) changes only when items are added by an activation.
 */
export class ChecklistModel {
  readonly items = new Map<string, Signal<ChecklistItem>>();
  /** Item ids per unit, in unit then template order. */
  readonly idsByUnit = signal<Map<string, string[]>>(new Map());
  readonly loaded = signal(false);
  readonly error = signal<string | null>(null);
  readonly asOf = signal("");
  readonly seq = signal(0);
  readonly onsetAt = signal("");
  /** Bumped on any item change, for the counts that span units. */
  private readonly touched = signal(0);
  private pending: Change[] = [];
  private loading: Promise<void> | null = null;
  private readonly unsubscribe: () => void;
  refs = 0;

  constructor(
    readonly incidentId: string,
    feed: StreamFeed,
  ) {
    // Listen before loading: changes that arrive meanwhile are queued and applied past the view's seq.
    this.unsubscribe = feed.subscribe((c) => this.receive(c));
    void this.load();
  }

  load(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const view = await getJson("/api/incidents/:id/checklists", { param: { id: this.incidentId } });
        batch(() => {
          const ids = new Map<string, string[]>();
          const seen = new Set<string>();
          for (const item of view.items) {
            seen.add(item.id);
            const s = this.items.get(item.id);
            if (s) s.value = item;
            else this.items.set(item.id, signal(item));
            const list = ids.get(item.unitId) ?? [];
            list.push(item.id);
            ids.set(item.unitId, list);
          }
          for (const id of [...this.items.keys()]) if (!seen.has(id)) this.items.delete(id);
          this.idsByUnit.value = ids;
          this.asOf.value = view.asOf;
          this.seq.value = view.seq;
          this.onsetAt.value = view.onsetAt;
          this.error.value = null;
          this.loaded.value = true;
          this.touched.value++;
        });
      } catch (e) {
        this.error.value = explain(e);
      } finally {
        this.loading = null;
      }
      const queued = this.pending;
      this.pending = [];
      for (const c of queued) this.receive(c);
    })();
    return this.loading;
  }

  private receive(c: Change) {
    if (this.loading) {
      this.pending.push(c);
      return;
    }
    if (c.seq <= this.seq.value) return;
    this.seq.value = c.seq;
    if (c.entityType === "checklist_item" && c.after) this.put(c.after);
    // Activations and additions bring new rows: read the view again (rare, unlike item changes).
    else if (c.entityType === "checklist_activation" || c.entityType === "checklist_addition") void this.load();
    else if (c.entityType === "incident") {
      // A corrected onset moves every deadline: read them again.
      if (c.before?.onsetAt !== c.after?.onsetAt) void this.load();
    }
  }

  /** Takes a newer copy of an item (from the live feed, a write's answer or a 409's `current`). */
  put(item: ChecklistItem) {
    const s = this.items.get(item.id);
    if (!s) return void this.load();
    if (item.version >= s.value.version) {
      s.value = item;
      this.touched.value++;
    }
  }

  itemsOf(unitId: string): Signal<ChecklistItem>[] {
    return (this.idsByUnit.value.get(unitId) ?? []).map((id) => this.items.get(id)!).filter(Boolean);
  }

  /** Progress per unit and element, recomputed when an item changes or the clock ticks. */
  readonly progress = computed(() => {
    this.touched.value;
    const all = [...this.idsByUnit.value.values()].flat().map((id) => this.items.get(id)!.value);
    return progressByUnit(all, now.value);
  });

  /** The worst first: overdue items, longest overdue first. */
  readonly overdue: ReadonlySignal<ChecklistItem[]> = computed(() => {
    this.touched.value;
    const at = now.value;
    return [...this.items.values()]
      .map((s) => s.value)
      .filter((i) => isOverdue(i, at))
      .sort((a, b) => Date.parse(a.deadlineAt!) - Date.parse(b.deadlineAt!));
  });

  readonly blocked: ReadonlySignal<ChecklistItem[]> = computed(() => {
    this.touched.value;
    return [...this.items.values()].map((s) => s.value).filter((i) => i.state === "blocked");
  });

  dispose() {
    this.unsubscribe();
  }
}

const models = new Map<string, ChecklistModel>();

/** The shared model of an incident's checklists (tab and summary use the same one); release when done. */
export function checklistModel(incidentId: string, feed: StreamFeed): ChecklistModel {
  let m = models.get(incidentId);
  if (!m) {
    m = new ChecklistModel(incidentId, feed);
    models.set(incidentId, m);
  }
  m.refs++;
  return m;
}

export function releaseChecklistModel(m: ChecklistModel) {
  if (--m.refs > 0) return;
  m.dispose();
  models.delete(m.incidentId);
}

import { batch, computed, type ReadonlySignal, signal, type Signal } from "@preact/signals";
import { isOverdue, progressByUnit } from "../../../src/domain/checklists";
import type { ChecklistItem } from "../../../src/schema/checklists";
import { explain } from "../../lib/errors";
import { getJson } from "../../lib/api";
import type { StreamFeed } from "../../lib/live";
import { createLiveModel, LiveCollection } from "../../lib/live-model";
import { now } from "../../i18n";

/**
 * One incident's checklist, kept live on the one live model. Each item is its own signal, so a
 * change re-renders only that row; the list of ids (per unit) changes only when items are added
 * by an activation or an addition, which read the view again.
 */
export class ChecklistModel {
  private readonly rows = new LiveCollection<ChecklistItem>((i) => i.id);
  /** Item ids per unit, in unit then template order. */
  readonly idsByUnit = signal<Map<string, string[]>>(new Map());
  readonly asOf = signal("");
  readonly onsetAt = signal("");
  private readonly live = createLiveModel({
    load: () => this.read(),
    changes: {
      checklist_item: (c) => (c.after ? this.put(c.after) : undefined),
      // Activations and additions bring new rows: read the view again (rare, unlike item changes).
      checklist_activation: "reload",
      checklist_addition: "reload",
      // A corrected onset moves every deadline: read them again.
      incident: (c) => (c.before?.onsetAt !== c.after?.onsetAt ? "reload" : undefined),
    },
  });
  readonly loaded = this.live.loaded;
  readonly seq = this.live.seq;
  /** Why the view could not be read, in words, or null. */
  readonly error = computed(() => (this.live.failed.value ? explain(this.live.error.value) : null));
  readonly load = this.live.reload;
  refs = 0;

  constructor(
    readonly incidentId: string,
    feed: StreamFeed,
  ) {
    this.live.attach(feed);
  }

  private async read() {
    const view = await getJson("/api/incidents/:id/checklists", { param: { id: this.incidentId } });
    batch(() => {
      const ids = new Map<string, string[]>();
      for (const item of view.items) ids.set(item.unitId, [...(ids.get(item.unitId) ?? []), item.id]);
      this.rows.replaceAll(view.items);
      this.idsByUnit.value = ids;
      this.asOf.value = view.asOf;
      this.onsetAt.value = view.onsetAt;
    });
    return { seq: view.seq };
  }

  /** Takes a newer copy of an item (from the live feed, a write's answer or a 409's `current`). */
  put(item: ChecklistItem) {
    if (!this.rows.get(item.id)) return void this.load();
    this.rows.upsert(item);
  }

  itemsOf(unitId: string): Signal<ChecklistItem>[] {
    const byId = this.rows.byId.value;
    return (this.idsByUnit.value.get(unitId) ?? []).flatMap((id) => byId.get(id) ?? []);
  }

  /** Every item, in unit then template order. */
  private readonly all = computed(() => [...this.idsByUnit.value.keys()].flatMap((u) => this.itemsOf(u).map((s) => s.value)));

  /** Progress per unit and element, recomputed when an item changes or the clock ticks. */
  readonly progress = computed(() => progressByUnit(this.all.value, now.value));

  /** The worst first: overdue items, longest overdue first. */
  readonly overdue: ReadonlySignal<ChecklistItem[]> = computed(() => {
    const at = now.value;
    return this.all.value.filter((i) => isOverdue(i, at)).sort((a, b) => Date.parse(a.deadlineAt!) - Date.parse(b.deadlineAt!));
  });

  readonly blocked: ReadonlySignal<ChecklistItem[]> = computed(() => this.all.value.filter((i) => i.state === "blocked"));

  dispose() {
    this.live.detach();
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

import { batch, computed, signal, type ReadonlySignal, type Signal } from "@preact/signals";
import type { AttentionEntry } from "../../../src/domain/attention";
import type { Incident } from "../../../src/schema/incidents";
import type { Overview, UnitGlance } from "../../../src/schema/overview";
import { ENTITY_TYPES } from "../../../src/schema/streams";
import { type ChangeRules, type ChangeSource, createLiveModel } from "../../lib/live-model";

type Fetch = (path: string) => Promise<Overview>;

/** Sets a signal only when the value really differs, so what shows it re-renders only then. */
function put<T>(s: Signal<T>, next: T): boolean {
  if (JSON.stringify(s.peek()) === JSON.stringify(next)) return false;
  s.value = next;
  return true;
}

/** The picture reads every area: a change of any kind may move it. */
const everyKind = (rule: (c: { seq: number }) => void): ChangeRules => Object.fromEntries(ENTITY_TYPES.map((k) => [k, rule]));

const notFound = (e: unknown) => (e as { status?: number } | null)?.status === 404;

/**
 * The HQ overview of one incident, kept live on the one live model. The server computes the picture (one read across
 * every area); this store holds it as many small signals — one per unit, one per attention entry —
 * so a change to one item re-renders only the card and the entries that show it.
 */
export class OverviewModel {
  /** A picture is shown (set by the first one taken in). */
  readonly loaded = signal(false);
  private readonly live = createLiveModel({
    load: async () => {
      this.apply(await this.fetchOverview(`/api/incidents/${this.incidentId}/overview${this.query}`));
      return { seq: this.seq.peek() };
    },
    // Not row by row: the server computes the picture, so a change past it means reading it again, shortly.
    changes: everyKind((c) => this.changed(c.seq)),
  });
  /** The incident does not exist (404). */
  readonly missing = computed(() => notFound(this.live.error.value));
  readonly failed = computed(() => this.live.failed.value && !this.missing.value);
  readonly seq = signal(0);
  readonly asOf = signal("");
  readonly incident = signal<Incident | null>(null);
  /** The attention queue's keys, most urgent first; changes only when entries come, go or reorder. */
  readonly entryKeys = signal<string[]>([]);
  readonly counts = signal<{ total: number; urgent: number; byKind: Record<string, number> }>({ total: 0, urgent: 0, byKind: {} });
  readonly tabs = signal<Overview["tabs"] | null>(null);
  readonly unitIds = signal<string[]>([]);
  readonly functions = signal<Overview["functions"]>([]);
  readonly hospital = signal<Overview["hospital"]>({ status: null, warnings: [] });
  readonly settings = signal<Overview["settings"]>({ ackMinutes: 10, silentMinutes: 60 });
  private readonly units = new Map<string, Signal<UnitGlance>>();
  private readonly entries = new Map<string, Signal<AttentionEntry>>();
  private readonly arrivals = new Set<(fresh: AttentionEntry[]) => void>();
  /** The highest seq the live feed has announced; a picture at or past it needs no re-read. */
  private announced = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly incidentId: string,
    private readonly fetchOverview: Fetch,
    private readonly query = "",
  ) {}

  unit(id: string): ReadonlySignal<UnitGlance> | undefined {
    return this.units.get(id);
  }

  entry(key: string): ReadonlySignal<AttentionEntry> | undefined {
    return this.entries.get(key);
  }

  /** Called with the entries that appeared in a later picture (not on the first one): the alerts' input. */
  onArrival(fn: (fresh: AttentionEntry[]) => void): () => void {
    this.arrivals.add(fn);
    return () => this.arrivals.delete(fn);
  }

  /** Follows the incident's stream: listens first, then reads the picture. */
  attach(feed: ChangeSource) {
    return this.live.attach(feed);
  }

  /** Reads the picture now; a read asked for while one runs follows it, so none is lost. */
  refresh(): Promise<void> {
    return this.live.reload();
  }

  /**
   * A change at `seq` reached the console: read the picture again shortly (a burst becomes one
   * read), unless the picture already reflects it — the catch-up of changes the first read
   * included costs nothing.
   */
  changed(seq: number, delayMs = 150) {
    this.announced = Math.max(this.announced, seq);
    if (this.loaded.peek() && seq <= this.seq.peek()) return;
    this.schedule(delayMs);
  }

  /** Coalesces a burst of live changes into one read shortly after the first. */
  schedule(delayMs = 150) {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.loaded.peek() && this.announced <= this.seq.peek() && delayMs > 0) return;
      void this.refresh();
    }, delayMs);
  }

  dispose() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.arrivals.clear();
    this.live.detach();
  }

  /** Takes in a picture; an older one than what is shown is ignored. Returns the parts that changed. */
  apply(o: Overview): string[] {
    if (this.loaded.peek() && o.seq < this.seq.peek()) return [];
    const changed: string[] = [];
    const first = !this.loaded.peek();
    const fresh: AttentionEntry[] = [];
    batch(() => {
      this.seq.value = o.seq;
      this.asOf.value = o.asOf;
      for (const u of o.units) {
        const s = this.units.get(u.unitId);
        if (!s) this.units.set(u.unitId, signal(u));
        else if (put(s, u)) changed.push(`unit:${u.unitId}`);
      }
      if (put(this.unitIds, o.units.map((u) => u.unitId))) changed.push("unitIds");
      const keys = o.attention.entries.map((e) => e.key);
      for (const e of o.attention.entries) {
        const s = this.entries.get(e.key);
        if (!s) {
          this.entries.set(e.key, signal(e));
          fresh.push(e);
        } else if (put(s, e)) changed.push(`entry:${e.key}`);
      }
      const kept = new Set(keys);
      for (const k of this.entries.keys()) if (!kept.has(k)) this.entries.delete(k);
      if (put(this.entryKeys, keys)) changed.push("entryKeys");
      if (put(this.counts, { total: o.attention.total, urgent: o.attention.urgent, byKind: o.attention.byKind })) changed.push("counts");
      if (put(this.tabs, o.tabs)) changed.push("tabs");
      if (put(this.functions, o.functions)) changed.push("functions");
      if (put(this.hospital, o.hospital)) changed.push("hospital");
      put(this.settings, o.settings);
      put(this.incident, o.incident);
      this.loaded.value = true;
    });
    if (!first && fresh.length > 0) for (const fn of this.arrivals) fn(fresh);
    return changed;
  }
}

import { batch, computed, type Signal, signal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { initialRelocation } from "../../../src/domain/relocation";
import type { Change } from "../../../src/schema/changes";
import type { Relocation, RelocationMove } from "../../../src/schema/relocation-board";
import type { LiaisonMessage } from "../../../src/schema/relocation-liaison";
import { getJson } from "../../lib/api";
import type { StreamFeed } from "../../lib/live";
import { upsert } from "../../models/rows";
import { standing } from "./standing";

/**
 * One incident's relocation board and liaison log, kept live from the incident's stream. The
 * incident tab and the overview card share it while either is on screen.
 */
export class IncidentRelocation {
  readonly rows = signal(new Map<string, Signal<Relocation>>());
  readonly moves = signal<RelocationMove[]>([]);
  readonly messages = signal(new Map<string, Signal<LiaisonMessage>>());
  private readonly loadedAckMinutes = signal(10);
  /** The acknowledgement limit, following the standing settings as an admin changes them. */
  readonly ackMinutes = computed(() => standing.settings.value?.liaisonAckMinutes ?? this.loadedAckMinutes.value);
  readonly loaded = signal(false);
  readonly failed = signal(false);
  private off: (() => void) | null = null;
  refs = 0;

  constructor(readonly incidentId: string) {}

  attach(feed: StreamFeed) {
    if (this.refs++ > 0) return;
    this.off = feed.subscribe((c) => this.apply(c));
    void this.load();
  }

  detach() {
    if (--this.refs > 0) return;
    this.off?.();
    models.delete(this.incidentId);
  }

  async load() {
    try {
      const [board, liaison] = await Promise.all([
        getJson("/api/incidents/:id/relocation", { param: { id: this.incidentId } }),
        getJson("/api/incidents/:id/liaison", { param: { id: this.incidentId } }),
      ]);
      batch(() => {
        board.rows.forEach((r) => upsert(this.rows, r.functionId, r));
        this.moves.value = mergeMoves(board.moves, this.moves.value);
        liaison.items.forEach((m) => upsert(this.messages, m.id, m));
        this.loadedAckMinutes.value = liaison.ackMinutes;
        this.loaded.value = true;
        this.failed.value = false;
      });
    } catch {
      this.failed.value = true;
    }
  }

  apply(c: Change) {
    if (!c.after) return;
    if (c.entityType === "relocation") upsert(this.rows, c.entityId, c.after as Relocation);
    else if (c.entityType === "relocation_move") this.moves.value = mergeMoves([c.after as RelocationMove], this.moves.value);
    else if (c.entityType === "liaison_message") upsert(this.messages, c.entityId, c.after as LiaisonMessage);
  }

  /** The row of a function, or its never-moved start when the board has none yet. */
  row(functionId: string, onsetAt: string): Relocation {
    const held = this.rows.value.get(functionId)?.value;
    if (held) return held;
    const fn = standing.functions.value.get(functionId)?.value;
    return initialRelocation(this.incidentId, { id: functionId, primarySiteId: fn?.primarySiteId ?? null }, onsetAt);
  }

  messageList(): LiaisonMessage[] {
    return [...this.messages.value.values()].map((s) => s.value);
  }
}

const mergeMoves = (a: RelocationMove[], b: RelocationMove[]) => {
  const byId = new Map([...b, ...a].map((m) => [m.id, m]));
  return [...byId.values()].sort((x, y) => y.at.localeCompare(x.at));
};

const models = new Map<string, IncidentRelocation>();

/** The shared model of an incident, attached to its feed while the calling view is mounted. */
export function useIncidentRelocation(incidentId: string, feed: StreamFeed): IncidentRelocation {
  let model = models.get(incidentId);
  if (!model) {
    model = new IncidentRelocation(incidentId);
    models.set(incidentId, model);
  }
  const m = model;
  useEffect(() => {
    m.attach(feed);
    standing.acquire();
    return () => {
      m.detach();
      standing.release();
    };
  }, [m, feed]);
  return m;
}

export function useStanding() {
  useEffect(() => {
    standing.acquire();
    return () => standing.release();
  }, []);
  return standing;
}

import { batch, computed, signal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { initialRelocation } from "../../../src/domain/relocation";
import type { Relocation, RelocationMove } from "../../../src/schema/relocation-board";
import type { LiaisonMessage } from "../../../src/schema/relocation-liaison";
import { getAllPages, getJson } from "../../lib/api";
import type { StreamFeed } from "../../lib/live";
import { createLiveModel, LiveCollection } from "../../lib/live-model";
import { standing } from "./standing";

/**
 * One incident's relocation board and liaison log, kept live from the incident's stream. The
 * incident tab and the overview card share it while either is on screen.
 */
export class IncidentRelocation {
  readonly rows = new LiveCollection<Relocation>((r) => r.functionId);
  private readonly moveLog = new LiveCollection<RelocationMove>((m) => m.id, () => true);
  /** Newest first. */
  readonly moves = computed(() => [...this.moveLog.all.value].sort((x, y) => y.at.localeCompare(x.at)));
  readonly messages = new LiveCollection<LiaisonMessage>((m) => m.id);
  private readonly loadedAckMinutes = signal(10);
  /** The acknowledgement limit, following the standing settings as an admin changes them. */
  readonly ackMinutes = computed(() => standing.settings.value?.liaisonAckMinutes ?? this.loadedAckMinutes.value);
  private readonly live = createLiveModel({
    load: () => this.read(),
    changes: {
      relocation: { into: this.rows },
      relocation_move: { into: this.moveLog },
      liaison_message: { into: this.messages },
    },
  });
  readonly loaded = this.live.loaded;
  readonly failed = this.live.failed;
  readonly load = this.live.reload;
  refs = 0;

  constructor(readonly incidentId: string) {}

  attach(feed: StreamFeed) {
    if (this.refs++ > 0) return;
    this.live.attach(feed);
  }

  detach() {
    if (--this.refs > 0) return;
    this.live.detach();
    models.delete(this.incidentId);
  }

  private async read() {
    const [board, liaison] = await Promise.all([
      getJson("/api/incidents/:id/relocation", { param: { id: this.incidentId } }),
      // The whole log: an unacknowledged message must never fall off the end of a page.
      getAllPages("/api/incidents/:id/liaison", { param: { id: this.incidentId } }),
    ]);
    batch(() => {
      board.rows.forEach((r) => this.rows.upsert(r));
      board.moves.forEach((m) => this.moveLog.upsert(m));
      liaison.items.forEach((m) => this.messages.upsert(m));
      this.loadedAckMinutes.value = liaison.ackMinutes;
    });
  }

  /** The row of a function, or its never-moved start when the board has none yet. */
  row(functionId: string, onsetAt: string): Relocation {
    const held = this.rows.get(functionId);
    if (held) return held;
    const fn = standing.functions.byId.value.get(functionId)?.value;
    return initialRelocation(this.incidentId, { id: functionId, primarySiteId: fn?.primarySiteId ?? null }, onsetAt);
  }

  messageList(): LiaisonMessage[] {
    return this.messages.all.value;
  }
}

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

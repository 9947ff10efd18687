import { effect, signal } from "@preact/signals";
import { useEffect, useState } from "preact/hooks";
import type { CorrectiveAction } from "../../../src/schema/drills-report";
import type { Me } from "../../../src/schema/session";
import { getAllPages } from "../../lib/api";
import type { StreamFeed } from "../../lib/live";
import { createLiveModel } from "../../lib/live-model";
import { DrillModel, followHq } from "./model";

/** The drills of one incident, each its own live model on the incident's stream. */
class IncidentDrills {
  readonly models = signal<DrillModel[]>([]);
  private readonly live = createLiveModel({
    load: () => this.read(),
    // A drill planned in this incident joins the list; the drills already in it follow their own changes.
    changes: { drill: (c) => (c.op === "create" ? "reload" : undefined) },
  });
  readonly loaded = this.live.loaded;
  readonly failed = this.live.failed;

  constructor(
    readonly incidentId: string,
    private readonly feed: StreamFeed,
  ) {
    void this.live.attach(feed);
  }

  /** Keeps the drills already followed; a new one is shown once it has been read whole. */
  private async read() {
    const { items } = await getAllPages("/api/drills", { query: { incidentId: this.incidentId } });
    const held = new Map(this.models.peek().map((m) => [m.id, m]));
    const next = items.map((d) => held.get(d.id) ?? new DrillModel(d));
    const added = next.filter((m) => !held.has(m.id));
    await Promise.all(added.map((m) => m.attach(this.feed)));
    const failed = added.find((m) => m.failed.peek());
    if (failed) {
      for (const m of added) m.dispose();
      throw failed.error.peek();
    }
    for (const m of held.values()) if (!next.includes(m)) m.dispose();
    this.models.value = next;
  }

  dispose() {
    this.live.detach();
    for (const m of this.models.peek()) m.dispose();
  }
}

/**
 * The drills of one incident as live models, kept current from the incident's stream, with the
 * HQ's reach (open HQ screens, tags not yet had) from the room. Null until first read; empty
 * when that read failed.
 */
export function useIncidentDrills(incidentId: string, feed: StreamFeed, me: Me) {
  const [models, setModels] = useState<DrillModel[] | null>(null);
  useEffect(() => {
    const drills = new IncidentDrills(incidentId, feed);
    const offShown = effect(() => setModels(drills.loaded.value ? drills.models.value : drills.failed.value ? [] : null));
    const offHq = followHq(feed, () => drills.models.peek());
    return () => {
      offShown();
      offHq();
      drills.dispose();
    };
  }, [incidentId]);
  return models;
}

/** Open corrective actions of every drill, overdue first; read again when one changes in this stream. */
export function useOpenActions(feed: StreamFeed) {
  const [actions, setActions] = useState<CorrectiveAction[]>([]);
  useEffect(() => {
    const open = signal<CorrectiveAction[]>([]);
    const live = createLiveModel({
      load: async () => void (open.value = (await getAllPages("/api/corrective-actions", { query: { open: "1" } })).items),
      changes: { corrective_action: "reload" },
    });
    const offShown = effect(() => setActions(open.value));
    void live.attach(feed);
    return () => {
      offShown();
      live.detach();
    };
  }, []);
  return actions;
}

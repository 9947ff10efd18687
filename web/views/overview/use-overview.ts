import { effect } from "@preact/signals";
import { useEffect, useState } from "preact/hooks";
import { getJson } from "../../lib/api";
import { upsertIncident } from "../../models/incidents";
import type { StreamFeed } from "../../lib/live";
import { OverviewModel } from "./model";

/** Time alone turns things overdue (deadlines, acknowledgement times, silent units): re-read this often. */
const CLOCK_REFRESH_MS = 30_000;

type Held = { model: OverviewModel; refs: number; release: () => void };
const held = new Map<string, Held>();

/** The shared overview of an incident (tabs, overview and wall read one store); release when done. */
export function holdOverview(incidentId: string, feed: StreamFeed): { model: OverviewModel; release: () => void } {
  const id = incidentId;
  let h = held.get(id);
  if (!h) {
    const model = new OverviewModel(incidentId, () => getJson("/api/incidents/:id/overview", { param: { id: incidentId } }));
    const clock = setInterval(() => void model.refresh(), CLOCK_REFRESH_MS);
    // The overview carries the incident itself: the page needs no separate read of it.
    const stopIncident = effect(() => {
      const i = model.incident.value;
      if (i) upsertIncident(i);
    });
    void model.attach(feed);
    const entry: Held = {
      model,
      refs: 0,
      release: () => {
        if (--entry.refs > 0) return;
        stopIncident();
        clearInterval(clock);
        model.dispose();
        held.delete(id);
      },
    };
    h = entry;
    held.set(id, h);
  }
  h.refs++;
  return { model: h.model, release: h.release };
}

export function useOverview(incidentId: string, feed: StreamFeed): OverviewModel {
  const [hold] = useState(() => holdOverview(incidentId, feed));
  useEffect(() => hold.release, [hold]);
  return hold.model;
}

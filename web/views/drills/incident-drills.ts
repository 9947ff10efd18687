import { useEffect, useState } from "preact/hooks";
import type { CorrectiveAction } from "../../../src/schema/drills-report";
import type { Me } from "../../../src/schema/session";
import { getJson } from "../../lib/api";
import type { StreamFeed } from "../../lib/live";
import { type DrillModel, followHq, loadDrill } from "./model";

/**
 * The drills of one incident as live models, kept current from the incident's stream, with the
 * HQ's reach (open HQ screens, tags not yet had) from the room.
 */
export function useIncidentDrills(incidentId: string, feed: StreamFeed, me: Me) {
  const [models, setModels] = useState<DrillModel[] | null>(null);
  useEffect(() => {
    let current: DrillModel[] = [];
    let alive = true;
    const load = async () => {
      const { items } = await getJson("/api/drills", { query: { incidentId } });
      const next = await Promise.all(items.map((d) => current.find((m) => m.drill.value.id === d.id) ?? loadDrill(d.id)));
      if (!alive) return;
      current = next;
      setModels(next);
    };
    void load().catch(() => setModels([]));
    const off = feed.subscribe((c) => {
      for (const m of current) m.apply(c);
      if (c.entityType === "drill" && c.op === "create") void load().catch(() => {});
    });
    const offHq = followHq(feed, () => current);
    return () => {
      alive = false;
      off();
      offHq();
    };
  }, [incidentId]);
  return models;
}

/** Open corrective actions of every drill, overdue first; refreshed when one changes in this stream. */
export function useOpenActions(feed: StreamFeed) {
  const [actions, setActions] = useState<CorrectiveAction[]>([]);
  useEffect(() => {
    const load = () => void getJson("/api/corrective-actions", { query: { open: "1" } }).then((r) => setActions(r.items)).catch(() => {});
    load();
    return feed.subscribe((c) => {
      if (c.entityType === "corrective_action") load();
    });
  }, []);
  return actions;
}

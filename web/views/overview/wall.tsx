import { signal } from "@preact/signals";
import { useEffect, useState } from "preact/hooks";
import type { Me } from "../../../src/schema/session";
import { ConnectionIndicator } from "../../components/connection";
import { LazyView } from "../../components/lazy";
import { Timeline } from "../../components/timeline";
import { openStream, type StreamFeed } from "../../lib/live";
import { formatJst, t } from "../../i18n";
import { Link } from "../../router";
import { useIncidentRelocation } from "../relocation/incident-model";
import { AlertControls, useAlerts } from "./alert-controls";
import { AttentionQueue } from "./attention";
import type { OverviewModel } from "./model";
import { FunctionsPanel, HospitalPanel, UnitGrid } from "./panels";
import { useOverview } from "./use-overview";
import "./overview.css";

const PANELS = ["attention", "units", "map", "hospital", "chronology"] as const;
type Panel = (typeof PANELS)[number];
/** The wall shows this many recent changes: enough to read from across the room, bounded for days of running. */
const WALL_CHRONOLOGY = 25;

/** A second-by-second clock for the wall only (the console's shared clock ticks every 15 s). */
const wallClock = signal(Date.now());

/**
 * The HQ's large screen: dark, large type, no navigation, every panel together or one at a time on
 * a timer (`?cycle=20` seconds), the JST clock, the connection state and the seq. `?panels=` picks
 * and orders the panels (e.g. `attention,units,hospital`).
 */
export default function WallDisplay({ id, me }: { id: string; me: Me }) {
  const [feed, setFeed] = useState<StreamFeed | null>(null);
  useEffect(() => {
    const f = openStream(id);
    setFeed(f);
    document.body.classList.add("wall-mode");
    const tick = setInterval(() => (wallClock.value = Date.now()), 1000);
    return () => {
      clearInterval(tick);
      document.body.classList.remove("wall-mode");
      f.release();
    };
  }, [id]);
  if (!feed) return null;
  return <WallBody key={id} id={id} feed={feed} me={me} />;
}

function WallBody({ id, feed, me }: { id: string; feed: StreamFeed; me: Me }) {
  const model = useOverview(id, feed);
  useAlerts(model);
  const params = new URLSearchParams(location.search);
  const cycleSeconds = Number(params.get("cycle") ?? 0);
  const picked = (params.get("panels") ?? "").split(",").filter((p): p is Panel => (PANELS as readonly string[]).includes(p));
  const panels: readonly Panel[] = picked.length > 0 ? picked : PANELS;
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (!(cycleSeconds >= 5)) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % panels.length), cycleSeconds * 1000);
    return () => clearInterval(timer);
  }, [cycleSeconds, panels.length]);
  const shown: readonly Panel[] = cycleSeconds >= 5 ? [panels[index % panels.length]!] : panels;
  const incident = model.incident.value;

  return (
    <main id="main" class={`wall ${cycleSeconds >= 5 ? "wall-cycling" : "wall-together"}`} data-testid="wall">
      <header class="wall-head">
        <h1>{incident ? incident.title : t("loading")}</h1>
        <p class="wall-clock" aria-label={t("overview.wall.clock")}>
          {formatJst(new Date(wallClock.value).toISOString(), { timeOnly: true })}
        </p>
        <ConnectionIndicator feed={feed} />
        <AlertControls />
        <Link href={`/incidents/${id}`} class="btn">
          {t("overview.wall.exit")}
        </Link>
      </header>
      <div class="wall-panels">
        {shown.map((p) => (
          <div key={p} class={`wall-panel wall-${p}`}>
            <WallPanel panel={p} model={model} feed={feed} me={me} />
          </div>
        ))}
      </div>
    </main>
  );
}

function WallPanel({ panel, model, feed, me }: { panel: Panel; model: OverviewModel; feed: StreamFeed; me: Me }) {
  switch (panel) {
    case "attention":
      return <AttentionQueue model={model} me={me} limit={15} />;
    case "units":
      return <UnitGrid model={model} />;
    case "map":
      return <WallMap model={model} feed={feed} />;
    case "hospital":
      return (
        <>
          <HospitalPanel model={model} />
          <FunctionsPanel model={model} />
        </>
      );
    case "chronology":
      return <Timeline changes={feed.changes.value.slice(-WALL_CHRONOLOGY)} />;
  }
}

const loadMap = () => import("../relocation/map");

function WallMap({ model, feed }: { model: OverviewModel; feed: StreamFeed }) {
  const relocation = useIncidentRelocation(model.incidentId, feed);
  const incident = model.incident.value;
  return (
    <section class="card wall-map" aria-label={t("overview.wall.map")}>
      <h2>{t("overview.wall.map")}</h2>
      <LazyView load={loadMap} props={{ model: relocation, onsetAt: incident?.onsetAt }} />
    </section>
  );
}

import { useEffect, useState } from "preact/hooks";
import { flaggedFor } from "../../../src/domain/liaison";
import { LazyView } from "../../components/lazy";
import { now, t } from "../../i18n";
import type { IncidentTabProps } from "../areas";
import { Board, FunctionCard } from "./board";
import { useIncidentRelocation } from "./incident-model";
import { boardEntries } from "./labels";
import { flagViewer, LiaisonPanel } from "./liaison";
import type { MapProps } from "./map";
import "./relocation.css";

type View = "board" | "map" | "liaison";
const VIEWS: View[] = ["board", "map", "liaison"];
const TABLET_KEY = "keizoku.relocation.tablet";

// Leaflet and the map arrive only when someone opens the map.
const loadMap = () => import("./map");

/** The incident's relocation tab: the board, the map and the liaison log, live. */
export default function RelocationTab({ incident, feed, me }: IncidentTabProps) {
  const model = useIncidentRelocation(incident.id, feed);
  const [view, setView] = useState<View>(() => (sessionStorage.getItem("keizoku.relocation.view") as View | null) ?? "board");
  const [tablet, setTablet] = useState(() => localStorage.getItem(TABLET_KEY) === "1");
  const [selected, setSelected] = useState<string | null>(null);
  // Tablet mode is the whole screen's: the page's own chrome (menus, incident controls) steps back.
  useEffect(() => {
    document.documentElement.classList.toggle("tablet-mode", tablet);
    return () => document.documentElement.classList.remove("tablet-mode");
  }, [tablet]);

  const choose = (v: View) => {
    setView(v);
    sessionStorage.setItem("keizoku.relocation.view", v);
  };
  const toggleTablet = () => {
    localStorage.setItem(TABLET_KEY, tablet ? "0" : "1");
    setTablet(!tablet);
  };

  if (model.failed.value && !model.loaded.value) {
    return (
      <p role="alert" class="error">
        {t("relocation.loadFailed")}{" "}
        <button class="btn" onClick={() => void model.load()}>
          {t("relocation.retry")}
        </button>
      </p>
    );
  }

  const entries = boardEntries(model, incident.onsetAt, now.value);
  const overdue = entries.filter((e) => e.status.overdueMinutes > 0).length;
  const flagged = flaggedFor(model.messageList(), flagViewer(me), now.value, model.ackMinutes.value).length;

  return (
    <div class={`reloc-tab${tablet ? " tablet" : ""}`}>
      <div class="reloc-toolbar">
        <div class="actions" role="tablist" aria-label={t("relocation.views")}>
          {VIEWS.map((v) => (
            <button key={v} role="tab" aria-selected={view === v} class={`btn${view === v ? " btn-primary" : ""}`} onClick={() => choose(v)}>
              {t(`relocation.view.${v}`)}
              {v === "board" && overdue > 0 && <span class="badge overdue">{t("relocation.count.overdue", { n: overdue })}</span>}
              {v === "liaison" && flagged > 0 && <span class="badge overdue">{t("relocation.count.flagged", { n: flagged })}</span>}
            </button>
          ))}
        </div>
        <button class="btn" aria-pressed={tablet} onClick={toggleTablet}>
          {tablet ? t("relocation.tablet.off") : t("relocation.tablet.on")}
        </button>
      </div>
      {view === "board" && <Board incident={incident} model={model} me={me} tablet={tablet} />}
      {view === "map" && (
        <section class="card" aria-labelledby="reloc-map-h">
          <h2 id="reloc-map-h">{t("relocation.map.title")}</h2>
          <LazyView<MapProps> load={loadMap} props={{ model, onsetAt: incident.onsetAt, onSelectFunction: setSelected }} />
          {selected && (
            <ul class="fn-cards selected-card" aria-live="polite">
              <FunctionCard functionId={selected} incident={incident} model={model} me={me} tablet={tablet} />
            </ul>
          )}
        </section>
      )}
      {view === "liaison" && <LiaisonPanel incident={incident} model={model} me={me} />}
    </div>
  );
}

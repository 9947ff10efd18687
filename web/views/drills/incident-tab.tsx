import { mayManageDrill } from "../../../src/domain/drills";
import type { IncidentTabProps } from "../areas";
import { t } from "../../i18n";
import { Link } from "../../router";
import { DrillLinks, LiveBoard, MilestoneBrief, StatusControls } from "./board";
import { HospitalBoard } from "./hospital";
import { useIncidentDrills } from "./incident-drills";
import "./drills.css";

/** The incident's hospital tab: its drills live, and the hospital status board. */
export default function DrillsTab({ incident, feed, me }: IncidentTabProps) {
  const models = useIncidentDrills(incident.id, feed, me);
  return (
    <div class="drills-tab">
      <HospitalBoard incidentId={incident.id} feed={feed} me={me} />
      <section class="card" aria-labelledby="tab-drills-h">
        <div class="page-head">
          <h2 id="tab-drills-h">{t("drills.inThisIncident")}</h2>
          {incident.kind === "drill" && me.role !== "viewer" && (
            <Link href="/drills/new" class="btn">
              ＋ {t("drills.plan")}
            </Link>
          )}
        </div>
        {models === null ? (
          <p class="muted">{t("loading")}</p>
        ) : models.length === 0 ? (
          <p class="muted">{incident.kind === "drill" ? t("drills.noneInIncident") : t("drills.realIncident")}</p>
        ) : (
          models.map((m) => (
            <article key={m.drill.value.id} class="card drill-in-tab">
              <h3>
                <Link href={`/drills/${m.drill.value.id}`}>{m.drill.value.title}</Link>
              </h3>
              {m.drill.value.kind === "triage" && m.drill.value.status !== "planned" && <LiveBoard model={m} compact={m.drill.value.status !== "running"} />}
              {m.drill.value.kind === "fire" && <MilestoneBrief model={m} />}
              {mayManageDrill(me, m.drill.value) && <StatusControls model={m} me={me} />}
              <DrillLinks d={m.drill.value} me={me} />
            </article>
          ))
        )}
      </section>
    </div>
  );
}

import type { IncidentTabProps } from "../areas";
import { HqReach } from "./hq-reach";
import { formatDate, t } from "../../i18n";
import { navigate } from "../../router";
import { Elapsed, MilestoneBrief } from "./board";
import { useHospitalStatus } from "./hospital";
import { useIncidentDrills, useOpenActions } from "./incident-drills";
import { CountsRow } from "./triage";
import "./drills.css";

/**
 * What the disaster HQ reads first about the hospital: status shortfalls, drills running now
 * (untagged casualties first), and the improvement actions that are overdue.
 */
export default function DrillsSummary({ incident, feed, me }: IncidentTabProps) {
  const models = useIncidentDrills(incident.id, feed, me) ?? [];
  const { view } = useHospitalStatus(incident.id, feed);
  const actions = useOpenActions(feed);
  const overdue = actions.filter((a) => a.overdue);
  // Most casualties still untagged first: that is where help is needed.
  const running = models.filter((m) => m.drill.value.status === "running").sort((a, b) => b.board.value.untagged - a.board.value.untagged);
  const awaitingReport = models.filter((m) => m.drill.value.status === "ended");
  const warnings = view?.warnings ?? [];
  const open = () => navigate(`/incidents/${incident.id}/drills`);

  return (
    <section class="card drills-summary" aria-labelledby="drills-summary-h">
      <h2 id="drills-summary-h">
        <a
          href={`/incidents/${incident.id}/drills`}
          onClick={(e) => {
            e.preventDefault();
            open();
          }}
        >
          {t("drills.summary.title")}
        </a>
      </h2>
      {overdue.length > 0 && (
        <div class="summary-block danger" role="status">
          <strong>⚠ {t("drills.overdueActions", { n: overdue.length })}</strong>
          <ul>
            {overdue.slice(0, 3).map((a) => (
              <li key={a.id}>
                {a.action}（{a.owner}・{t("drills.dueOn", { date: formatDate(a.dueDate) })}）
              </li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div class="summary-block warn">
          <strong>⚠ {t("drills.hospital.title")}</strong>
          <ul>
            {warnings.slice(0, 3).map((w) => (
              <li key={w.field}>
                {t(`drills.hospital.${w.field}`)}：{t(`drills.hospital.warn.${w.field}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {running.map((m) => (
        <div key={m.drill.value.id} class="summary-block">
          <strong>▶ {m.drill.value.title}</strong>
          {m.drill.value.kind === "triage" ? (
            <>
              {" "}
              <Elapsed drill={m.drill.value} />
              <CountsRow counts={m.board.value.overall} untagged={m.board.value.untagged} />
              <HqReach model={m} always={false} />
            </>
          ) : (
            <MilestoneBrief model={m} />
          )}
        </div>
      ))}
      {awaitingReport.length > 0 && <p>{t("drills.awaitingReport", { n: awaitingReport.length })}</p>}
      {overdue.length === 0 && warnings.length === 0 && running.length === 0 && awaitingReport.length === 0 && (
        <p class="muted">{view?.status ? t("drills.summary.allClear") : t("drills.summary.nothing")}</p>
      )}
    </section>
  );
}

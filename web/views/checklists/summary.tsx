import { useEffect, useMemo } from "preact/hooks";
import { formatCountdown, localized, now, t } from "../../i18n";
import { unitName } from "../../models/session";
import { navigate } from "../../router";
import type { IncidentTabProps } from "../areas";
import { StateBadge } from "./item-row";
import { checklistModel, releaseChecklistModel } from "./model";
import { ProgressBar } from "./unit-card";
import "./checklists.css";

const WORST = 5;

/** What the HQ reads first: how many items are overdue or blocked, and the worst of them. */
export default function ChecklistsSummary({ incident, feed }: IncidentTabProps) {
  const model = useMemo(() => checklistModel(incident.id, feed), [incident.id, feed]);
  useEffect(() => () => releaseChecklistModel(model), [model]);
  const open = () => navigate(`/incidents/${incident.id}/checklists`);

  if (!model.loaded.value) return <section class="card">{model.error.value ?? t("checklists.loading")}</section>;
  const units = model.progress.value;
  const total = units.reduce((s, u) => s + u.total, 0);
  const done = units.reduce((s, u) => s + u.done, 0);
  const overdue = model.overdue.value;
  const blocked = model.blocked.value;
  const worstUnits = units
    .filter((u) => u.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue)
    .slice(0, 3);
  const text = (i: { textJa: string; textEn: string }) => localized(i.textJa, i.textEn);

  return (
    <section class={`card cl-summary${overdue.length > 0 ? " cl-unit-overdue" : ""}`} aria-labelledby="cl-summary-title">
      <h2 id="cl-summary-title">{t("checklists.summary.title")}</h2>
      {units.length === 0 ? (
        <p class="muted">{t("checklists.none")}</p>
      ) : (
        <>
          <p class="cl-counts">
            <span class={`badge ${overdue.length > 0 ? "overdue" : "ok"}`}>▲ {t("checklists.summary.overdue", { n: overdue.length })}</span>{" "}
            <span class={`badge ${blocked.length > 0 ? "warn" : "ok"}`}>■ {t("checklists.summary.blocked", { n: blocked.length })}</span>
          </p>
          <ProgressBar p={{ done, total }} label={t("checklists.summary.done", { done, total })} />
          {worstUnits.length > 0 && (
            <p class="cl-worst-units">
              {t("checklists.summary.byUnit")}{" "}
              {worstUnits.map((u) => (
                <span key={u.unitId} class="badge overdue">
                  {unitName(u.unitId)} {u.overdue}
                </span>
              ))}
            </p>
          )}
          {overdue.length + blocked.length === 0 ? (
            <p class="muted">{t("checklists.summary.allClear")}</p>
          ) : (
            <ul class="cl-worst">
              {[...overdue, ...blocked.filter((b) => !overdue.includes(b))].slice(0, WORST).map((i) => (
                <li key={i.id}>
                  <StateBadge state={i.state} /> <strong>{unitName(i.unitId)}</strong> {text(i)}
                  {i.deadlineAt && <span class="cl-countdown"> {formatCountdown(i.deadlineAt, now.value)}</span>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <button class="btn" onClick={open}>
        {t("checklists.summary.open")}
      </button>
    </section>
  );
}

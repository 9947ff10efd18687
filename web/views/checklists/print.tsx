import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { isOverdue } from "../../../src/domain/checklists";
import type { ChecklistView } from "../../../src/schema/checklists";
import type { Incident } from "../../../src/schema/incidents";
import { getJson } from "../../lib/api";
import { explain } from "../../lib/errors";
import { formatJst, localized, t } from "../../i18n";
import { unitName } from "../../models/session";
import { StateBadge } from "./item-row";
import { ProgressBar } from "./unit-card";

/** An A4 print of the checklist status, stamped with the time and sequence number it shows. */
export function PrintView({ incidentId, unitId }: { incidentId: string; unitId: string | null }) {
  const view = useSignal<ChecklistView | null>(null);
  const incident = useSignal<Incident | null>(null);
  const error = useSignal<string | null>(null);

  useEffect(() => {
    const param = { id: incidentId };
    Promise.all([getJson("/api/incidents/:id/checklists", { param, query: unitId ? { unitId } : {} }), getJson("/api/incidents/:id", { param })])
      .then(([v, i]) => {
        view.value = v;
        incident.value = i;
      })
      .catch((e) => (error.value = explain(e)));
  }, [incidentId, unitId]);

  if (error.value) return <p class="error">{error.value}</p>;
  if (!view.value || !incident.value) return <p class="muted">{t("loading")}</p>;
  const v = view.value;
  const text = (s: { textJa: string; textEn: string }) => localized(s.textJa, s.textEn);

  return (
    <article class="cl-print">
      <div class="actions cl-no-print">
        <button class="btn btn-primary" onClick={() => print()}>
          {t("checklists.print.button")}
        </button>
        <button class="btn" onClick={() => history.back()}>
          {t("checklists.print.back")}
        </button>
      </div>
      <header>
        <h1>{t("checklists.print.title")}</h1>
        <p>{t("checklists.print.incident", { title: incident.value.title, onset: formatJst(incident.value.onsetAt) })}</p>
        <p class="cl-print-stamp">
          <strong>{t("checklists.asOf", { time: formatJst(v.asOf), seq: v.seq })}</strong>
        </p>
      </header>
      {v.units.map((u) => (
        <section key={u.unitId} class="cl-print-unit">
          <h2>
            {unitName(u.unitId)} <span class="cl-print-counts">{t("checklists.progress", { done: u.done, total: u.total })}</span>
            {u.overdue > 0 && <span class="badge overdue"> ▲ {t("checklists.overdueCount", { n: u.overdue })}</span>}
          </h2>
          <ProgressBar p={u} label={unitName(u.unitId)} />
          <table class="cl-print-table">
            <thead>
              <tr>
                <th>{t("checklists.print.col.element")}</th>
                <th>{t("checklists.print.col.item")}</th>
                <th>{t("checklists.print.col.state")}</th>
                <th>{t("checklists.print.col.deadline")}</th>
                <th>{t("checklists.print.col.owner")}</th>
                <th>{t("checklists.print.col.memo")}</th>
              </tr>
            </thead>
            <tbody>
              {v.items
                .filter((i) => i.unitId === u.unitId)
                .map((i) => (
                  <tr key={i.id} class={isOverdue(i, v.asOf) ? "overdue" : ""}>
                    <td>{localized(i.sectionTitleJa, i.sectionTitleEn)}</td>
                    <td>{text(i)}</td>
                    <td>
                      <StateBadge state={i.state} />
                      {isOverdue(i, v.asOf) && <strong> ▲{t("checklists.filter.overdue")}</strong>}
                    </td>
                    <td>{i.deadlineAt ? formatJst(i.deadlineAt) : "—"}</td>
                    <td>{i.ownerName ?? ""}</td>
                    <td>{[i.reason, i.note].filter(Boolean).join(" / ")}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </article>
  );
}

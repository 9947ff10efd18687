import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { ReadinessAcrossUnits } from "../../../src/schema/readiness-units";
import { getJson } from "../../lib/api";
import { explain } from "../../lib/errors";
import { formatJst, localized, t } from "../../i18n";

/** 平常時の備え: every unit's overdue checks, last drill, open corrective actions; printable on A4. */
export function ReadinessUnitsView() {
  const view = useSignal<ReadinessAcrossUnits | null>(null);
  const error = useSignal<string | null>(null);
  useEffect(() => {
    getJson("/api/readiness/units")
      .then((v) => (view.value = v))
      .catch((e) => (error.value = explain(e)));
  }, []);
  if (error.value) return <p class="error">{error.value}</p>;
  if (!view.value) return <p class="muted">{t("loading")}</p>;
  const v = view.value;
  return (
    <section class="card rec-print" aria-labelledby="ready-h">
      <div class="actions rec-no-print">
        <button class="btn btn-primary" onClick={() => print()}>
          {t("readiness.units.print")}
        </button>
      </div>
      <h2 id="ready-h">{t("readiness.units.title")}</h2>
      <p class="rec-stamp">{t("readiness.units.asOf", { time: formatJst(v.asOf), seq: v.seq })}</p>
      <table class="rec-table" data-testid="readiness-units">
        <thead>
          <tr>
            <th>{t("report.unit")}</th>
            <th>{t("readiness.units.checks")}</th>
            <th>{t("readiness.units.lastDrill")}</th>
            <th>{t("readiness.units.actions")}</th>
            <th>{t("readiness.units.neverList")}</th>
          </tr>
        </thead>
        <tbody>
          {v.units.map((u) => (
            <tr key={u.unitId} class={u.actions.overdue > 0 || u.checks.overdue > 0 ? "overdue" : ""}>
              <th scope="row">{localized(u.nameJa, u.nameEn)}</th>
              <td>
                {u.checks.overdue > 0 && <span class="badge overdue">▲ {t("readiness.units.overdue", { n: u.checks.overdue })}</span>}{" "}
                {u.checks.neverVerified > 0 && <span class="badge warn">{t("readiness.units.never", { n: u.checks.neverVerified })}</span>}{" "}
                <span class="muted">{t("readiness.units.ofTotal", { n: u.checks.total })}</span>
              </td>
              <td class="rec-drill">
                {u.lastDrill ? (
                  <>
                    {u.lastDrill.title}
                    <br />
                    <span class="muted">{formatJst(u.lastDrill.endedAt)}</span>
                    {u.lastDrill.accuracy !== null && <> ・ {t("readiness.units.accuracy", { pct: Math.round(u.lastDrill.accuracy * 100) })}</>}
                  </>
                ) : (
                  <span class="muted">{t("readiness.units.noDrill")}</span>
                )}
              </td>
              <td class="rec-actions">
                {u.actions.overdue > 0 && <span class="badge overdue">▲ {t("readiness.units.actionsOverdue", { n: u.actions.overdue })}</span>}{" "}
                {t("readiness.units.actionsOpen", { n: u.actions.open })}
              </td>
              <td class="rec-never">
                {u.neverVerified.length === 0 ? (
                  "—"
                ) : (
                  <ul>
                    {u.neverVerified.map((i) => (
                      <li key={i.id}>{localized(i.textJa, i.textEn)}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

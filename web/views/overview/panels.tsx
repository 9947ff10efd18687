import type { HospitalStatus } from "../../../src/schema/hospital";
import { formatDuration, formatJst, localized, now, t } from "../../i18n";
import { Link } from "../../router";
import type { OverviewModel } from "./model";

/** Every unit of the city at a glance: BCP progress, overdue, last report, functions, attention. */
export function UnitGrid({ model }: { model: OverviewModel }) {
  const ids = model.unitIds.value;
  return (
    <section class="card unit-grid-card" aria-labelledby="units-h">
      <h2 id="units-h">{t("overview.units.title", { n: ids.length })}</h2>
      <ul class="unit-grid" data-testid="unit-grid">
        {ids.map((id) => (
          <UnitCard key={id} model={model} unitId={id} />
        ))}
      </ul>
    </section>
  );
}

export function UnitCard({ model, unitId }: { model: OverviewModel; unitId: string }) {
  const s = model.unit(unitId);
  if (!s) return null;
  const u = s.value;
  const c = u.checklist;
  const pct = c && c.total > 0 ? Math.round((c.closed / c.total) * 100) : 0;
  const state = u.urgent > 0 ? "rank-0" : (c?.overdue ?? 0) > 0 || (u.functions?.late ?? 0) > 0 ? "late" : u.participating ? "active" : "idle";
  return (
    <li class={`unit-card ${state}`} data-unit={u.unitId}>
      <h3>{localized(u.nameJa, u.nameEn)}</h3>
      {c ? (
        <>
          <div class="bar" role="img" aria-label={t("overview.units.checklist", { closed: c.closed, total: c.total })}>
            <span style={{ width: `${pct}%` }} />
          </div>
          <p class="unit-figures">
            <span>{t("overview.units.checklist", { closed: c.closed, total: c.total })}</span>{" "}
            {c.overdue > 0 && <span class="badge overdue">{t("overview.units.overdue", { n: c.overdue })}</span>}{" "}
            {c.blocked > 0 && <span class="badge warn">{t("overview.units.blocked", { n: c.blocked })}</span>}
          </p>
        </>
      ) : (
        <p class="muted unit-figures">{t("overview.units.noChecklist")}</p>
      )}
      {u.functions && (
        <p class="unit-figures">
          {t("overview.units.functions", { working: u.functions.working, total: u.functions.total })}{" "}
          {u.functions.late > 0 && <span class="badge overdue">{t("overview.units.late", { n: u.functions.late })}</span>}
        </p>
      )}
      <p class="unit-report muted">
        {u.lastReportAt ? t("overview.units.lastReport", { time: formatJst(u.lastReportAt, { short: true }) }) : t("overview.units.noReport")}
      </p>
      {u.attention > 0 && <p class={`badge ${u.urgent > 0 ? "rank-0" : "warn"}`}>{t("overview.units.attention", { n: u.attention })}</p>}
    </li>
  );
}

/** The water & sewer department's HQ functions: where each is and whether it is late. */
export function FunctionsPanel({ model }: { model: OverviewModel }) {
  const fns = model.functions.value.filter((f) => f.unitId === "water");
  if (fns.length === 0) return null;
  return (
    <section class="card functions-panel" aria-labelledby="fns-h" data-testid="functions-panel">
      <h2 id="fns-h">
        <Link href={`/incidents/${model.incidentId}/relocation`}>{t("overview.functions.title")}</Link>
      </h2>
      <ul class="fn-list">
        {fns.map((f) => (
          <li key={f.id} class={f.overdueMinutes > 0 ? "late" : f.working ? "working" : ""}>
            <span class="fn-name">{localized(f.nameJa, f.nameEn)}</span>
            <span class={`badge state-${f.state}`}>
              {f.working ? "● " : f.overdueMinutes > 0 ? "▲ " : "○ "}
              {t(`relocation.state.${f.state}`)}
            </span>
            {f.siteNameJa && <span class="muted">{localized(f.siteNameJa, f.siteNameEn)}</span>}
            {f.overdueMinutes > 0 && <span class="badge overdue">{t("overview.functions.late", { span: formatDuration(f.overdueMinutes * 60_000) })}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

const sumBeds = (s: HospitalStatus, keys: ("general" | "icu")[]) => keys.map((k) => (s.beds[k] === null || s.beds[k] === undefined ? "—" : String(s.beds[k]))).join("/");

/** The hospital's status as last reported, with what falls short. Unknown stays unknown. */
export function HospitalPanel({ model }: { model: OverviewModel }) {
  const { status: s, warnings } = model.hospital.value;
  const warned = new Set(warnings.map((w) => w.field));
  const figure = (field: string, label: string, value: string) => (
    <div class={warned.has(field) ? "overdue" : ""}>
      <dt>{label}</dt>
      <dd>
        {warned.has(field) ? "⚠ " : ""}
        {value}
      </dd>
    </div>
  );
  return (
    <section class="card hospital-panel" aria-labelledby="hosp-h" data-testid="hospital-panel">
      <h2 id="hosp-h">
        <Link href={`/incidents/${model.incidentId}/drills`}>{t("overview.hospitalPanel.title")}</Link>
      </h2>
      {!s ? (
        <p class="muted">{t("overview.hospitalPanel.none")}</p>
      ) : (
        <>
          <dl class="hosp-figures">
            {figure("power", t("overview.hospitalPanel.power"), t(`drills.hospital.power.${s.power}`))}
            {figure("waterSupply", t("overview.hospitalPanel.water"), t(`drills.hospital.water.${s.waterSupply}`))}
            {figure(
              "generatorFuelHours",
              t("overview.hospitalPanel.fuel"),
              s.generatorFuelHours === null ? "—" : t("overview.hospitalPanel.hours", { n: s.generatorFuelHours }),
            )}
            {figure("beds", t("overview.hospitalPanel.beds"), sumBeds(s, ["general", "icu"]))}
            {figure("surgeCapacity", t("overview.hospitalPanel.surge"), s.surgeCapacity === null ? "—" : String(s.surgeCapacity))}
          </dl>
          <p class={`muted ${warned.has("updatedAt") ? "overdue" : ""}`}>
            {t("overview.hospitalPanel.updated", { time: formatJst(s.updatedAt, { short: true }), by: s.updatedBy })}・
            {formatDuration(now.value - Date.parse(s.updatedAt))}
          </p>
        </>
      )}
    </section>
  );
}

import type { Signal } from "@preact/signals";
import { InundationBadge } from "./inundation";
import { useState } from "preact/hooks";
import { checkFailed } from "../../../src/domain/relocation";
import { mayCheckReadiness, mayEditSite } from "../../../src/domain/relocation-rules";
import type { ReadinessCheck, ReadinessStatus, Site, SiteStatus } from "../../../src/schema/relocation";
import type { Me } from "../../../src/schema/session";
import { mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { formatJst, t } from "../../i18n";
import { unitName } from "../../models/session";
import { Link } from "../../router";
import { blockerLabel } from "./board";
import { blockersOf, checkLabel, siteName, SITE_STATUS_SHAPE } from "./labels";
import { standing } from "./standing";
import { FormError } from "../../components/form-error";

const STATUSES: SiteStatus[] = ["operational", "degraded", "unusable"];
const KIND_ORDER: Site["kind"][] = ["office", "hospital", "alternate_site", "depot", "treatment_plant", "sewage_plant", "pump_station", "reservoir", "other"];

/** Facilities with operating status, inundation and readiness; then the GSI evacuation places. */
export function SitesPage({ me }: { me: Me }) {
  const all = [...standing.sites.byId.value.values()];
  const facilities = all.filter((s) => s.value.source === "city").sort((a, b) => KIND_ORDER.indexOf(a.value.kind) - KIND_ORDER.indexOf(b.value.kind));
  const shelters = all.filter((s) => s.value.source === "gsi").map((s) => s.value);
  return (
    <section aria-labelledby="sites-h">
      <h2 id="sites-h">{t("relocation.sites.title")}</h2>
      <table class="reloc-table">
        <thead>
          <tr>
            <th scope="col">{t("relocation.sites.name")}</th>
            <th scope="col">{t("relocation.sites.kind")}</th>
            <th scope="col">{t("relocation.sites.status")}</th>
            <th scope="col">{t("relocation.sites.inundation")}</th>
            <th scope="col">{t("relocation.sites.readiness")}</th>
          </tr>
        </thead>
        <tbody>
          {facilities.map((s) => (
            <SiteRow key={s.value.id} site={s} me={me} />
          ))}
        </tbody>
      </table>
      <details class="card">
        <summary>{t("relocation.sites.shelters", { n: shelters.length, flooded: shelters.filter((s) => s.inInundation === true).length, unassessed: shelters.filter((s) => s.inInundation === null).length })}</summary>
        <p class="muted small">{standing.attribution.value}</p>
        <table class="reloc-table">
          <thead>
            <tr>
              <th scope="col">{t("relocation.sites.name")}</th>
              <th scope="col">{t("relocation.sites.kind")}</th>
              <th scope="col">{t("relocation.sites.address")}</th>
              <th scope="col">{t("relocation.sites.designations")}</th>
              <th scope="col">{t("relocation.sites.inundation")}</th>
            </tr>
          </thead>
          <tbody>
            {shelters.map((s) => (
              <tr key={s.id}>
                <td>{s.nameJa}</td>
                <td>{t(`relocation.siteKind.${s.kind}`)}</td>
                <td>{s.address}</td>
                <td>{s.designations}</td>
                <td><InundationBadge site={s} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

function SiteRow({ site, me }: { site: Signal<Site>; me: Me }) {
  const s = site.value;
  const [error, setError] = useState<string | null>(null);
  const checks = standing.checksOf(s.id);
  const blockers = blockersOf(s.id);
  async function setStatus(status: SiteStatus) {
    setError(null);
    try {
      await mutate("PATCH", "/api/sites/:id", { param: { id: s.id }, body: { version: s.version, status } });
    } catch (err) {
      setError(explain(err));
    }
  }
  return (
    <tr data-site={s.id}>
      <th scope="row">
        <Link href={`/relocation/sites/${s.id}`}>{siteName(s)}</Link>
        <div class="muted small">
          {s.address}・{s.unitId ? unitName(s.unitId) : ""}
        </div>
        {s.note && <div class="muted small">{s.note}</div>}
      </th>
      <td>{t(`relocation.siteKind.${s.kind}`)}</td>
      <td>
        {mayEditSite(me, s) ? (
          <select aria-label={t("relocation.sites.status")} value={s.status} onChange={(e) => setStatus(e.currentTarget.value as SiteStatus)}>
            {STATUSES.map((st) => (
              <option key={st} value={st}>
                {SITE_STATUS_SHAPE[st]} {t(`relocation.siteStatus.${st}`)}
              </option>
            ))}
          </select>
        ) : (
          <span>
            {SITE_STATUS_SHAPE[s.status]} {t(`relocation.siteStatus.${s.status}`)}
          </span>
        )}
        {error && <p class="error">{error}</p>}
      </td>
      <td><InundationBadge site={s} /></td>
      <td>
        {checks.length === 0 ? (
          "—"
        ) : blockers.length > 0 ? (
          <span class="badge overdue">{t("relocation.blockers", { checks: blockers.map(blockerLabel).join("・") })}</span>
        ) : (
          <span class={`badge ${checks.every((c) => c.status === "ok") ? "ok" : "warn"}`}>
            {t("relocation.sites.readyCount", { ok: checks.filter((c) => c.status === "ok").length, total: checks.length })}
          </span>
        )}
      </td>
    </tr>
  );
}

const CHECK_STATUSES: ReadinessStatus[] = ["ok", "failed", "unchecked"];
const CHECK_SHAPE: Record<ReadinessStatus, string> = { ok: "✓", failed: "✕", unchecked: "？" };

/** One site's readiness checklist, walked on arrival with large buttons. */
export function SiteReadiness({ id, me }: { id: string; me: Me }) {
  const site = standing.site(id);
  if (!standing.loaded.value) return <p class="muted">{t("loading")}</p>;
  if (!site) return <p role="alert">{t("relocation.sites.notFound")}</p>;
  const functions = [...standing.functions.byId.value.values()].map((f) => f.value);
  const mayCheck = mayCheckReadiness(me, site, functions);
  const keys = standing.checksOf(id).map((c) => `${c.siteId}:${c.key}`);
  return (
    <section aria-labelledby="readiness-h" class="readiness tablet">
      <p>
        <Link href="/relocation/sites">{t("relocation.sites.back")}</Link>
      </p>
      <h2 id="readiness-h">{t("relocation.readiness.title", { site: siteName(site) })}</h2>
      <p class="muted">
        {SITE_STATUS_SHAPE[site.status]} {t(`relocation.siteStatus.${site.status}`)}
        <InundationBadge site={site} />
      </p>
      {keys.length === 0 && <p class="muted">{t("relocation.readiness.none")}</p>}
      <ul class="checks">
        {keys.map((k) => (
          <CheckRow key={k} check={standing.readiness.byId.value.get(k)!} mayCheck={mayCheck} />
        ))}
      </ul>
    </section>
  );
}

function CheckRow({ check, mayCheck }: { check: Signal<ReadinessCheck>; mayCheck: boolean }) {
  const c = check.value;
  const [value, setValue] = useState(c.value === null ? "" : String(c.value));
  const [note, setNote] = useState(c.note);
  const [error, setError] = useState<string | null>(null);
  const fuel = standing.settings.value?.fuelHoursRequired ?? 72;
  const failed = checkFailed(c, fuel);
  const numeric = c.key === "fuel" || c.key === "staff";

  async function record(status: ReadinessStatus) {
    setError(null);
    try {
      await mutate("PUT", "/api/sites/:id/readiness/:key", { param: { id: c.siteId, key: c.key }, body: {
        version: c.version,
        status,
        ...(numeric ? { value: value === "" ? null : Number(value) } : {}),
        note,
      } });
    } catch (err) {
      setError(explain(err));
    }
  }

  return (
    <li class={`check${failed ? " overdue" : ""}`} data-check={c.key}>
      <div class="fn-head">
        <h3>{checkLabel(c.key)}</h3>
        {c.critical && <span class="badge">{t("relocation.readiness.critical")}</span>}
        <span class={`badge ${failed ? "overdue" : c.status === "ok" ? "ok" : "warn"}`}>
          {CHECK_SHAPE[failed ? "failed" : c.status]} {t(`relocation.readiness.${failed ? "failed" : c.status}`)}
        </span>
      </div>
      <p class="muted small">{t(`relocation.check.${c.key}.hint`, { hours: fuel })}</p>
      {c.checkedAt && <p class="muted small">{t("relocation.readiness.checked", { name: c.checkedByName ?? "", time: formatJst(c.checkedAt) })}</p>}
      {mayCheck && (
        <>
          <div class="form-grid">
            {numeric && (
              <label>
                {t(c.key === "fuel" ? "relocation.readiness.hours" : "relocation.readiness.people")}
                <input type="number" inputMode="numeric" min={0} value={value} onInput={(e) => setValue(e.currentTarget.value)} />
              </label>
            )}
            <label>
              {t("relocation.form.note")}
              <input maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
            </label>
          </div>
          <div class="actions">
            {CHECK_STATUSES.map((st) => (
              <button key={st} class={`btn move-btn${c.status === st ? " btn-primary" : ""}`} aria-pressed={c.status === st} onClick={() => record(st)}>
                {CHECK_SHAPE[st]} {t(`relocation.readiness.set.${st}`)}
              </button>
            ))}
          </div>
        </>
      )}
      <FormError message={error} />
    </li>
  );
}

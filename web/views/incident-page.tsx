import { useEffect, useState } from "preact/hooks";
import { mayWriteForUnit } from "../../src/domain/access";
import type { Incident, IncidentPatch } from "../../src/schema/incidents";
import type { Me } from "../../src/schema/session";
import { ConnectionIndicator } from "../components/connection";
import { LazyView } from "../components/lazy";
import { ApiFailure } from "../lib/api";
import { explain } from "../lib/errors";
import { openStream, type StreamFeed } from "../lib/live";
import { formatDuration, formatJst, now, t } from "../i18n";
import { changeIncident, incidentsById, loadIncident, upsertIncident } from "../models/incidents";
import { Link } from "../router";
import { areas, hasTab } from "./areas";
import type { OverviewModel } from "./overview/model";
import { holdOverview } from "./overview/use-overview";

const loadOverview = () => import("./overview/overview");

const PHASES = ["warning", "initial", "emergency", "recovery"] as const;
const POSTURES = ["attention", "warning", "emergency"] as const;

export function IncidentPage({ id, tab, me }: { id: string; tab: string; me: Me }) {
  const [feed, setFeed] = useState<StreamFeed | null>(null);
  const [overview, setOverview] = useState<OverviewModel | null>(null);
  const incident = incidentsById.value.get(id);

  useEffect(() => {
    const f = openStream(id);
    // The overview (one read across every area) also brings the incident and the tab counts.
    const held = holdOverview(id, f);
    setFeed(f);
    setOverview(held.model);
    // The incident row itself changes through this stream too (phase, status).
    const off = f.subscribe((c) => {
      if (c.entityType === "incident" && c.after) upsertIncident(c.after);
    });
    return () => {
      off();
      held.release();
      f.release();
    };
  }, [id]);

  const missing = overview?.missing.value ?? false;
  if (missing)
    return (
      <main id="main" class="page">
        <p role="alert">{t("incident.notFound")}</p>
        <Link href="/">{t("incident.back")}</Link>
      </main>
    );
  if (!incident || !feed || !overview)
    return (
      <main id="main" class="page">
        <p class="muted">{t("loading")}</p>
      </main>
    );

  const props = { incident, feed, me };
  const active = areas.filter(hasTab).find((a) => a.id === tab);
  return (
    <main id="main" class={active ? "page" : "page page-wide"}>
      <IncidentHeader incident={incident} feed={feed} me={me} />
      <nav class="tabs" aria-label={t("tabs.label")}>
        <Link href={`/incidents/${id}`} aria-current={active ? undefined : "page"}>
          {t("tab.overview")}
          <TabCount model={overview} area="overview" />
        </Link>
        {areas.filter(hasTab).map((a) => (
          <Link key={a.id} href={`/incidents/${id}/${a.id}`} aria-current={a.id === tab ? "page" : undefined}>
            {t(a.tabLabel)}
            <TabCount model={overview} area={a.id} />
          </Link>
        ))}
      </nav>
      {active ? (
        <LazyView load={active.tab} props={props} />
      ) : (
        <LazyView load={loadOverview} props={props} />
      )}
    </main>
  );
}

/** The count a tab carries: overdue (checklists), unacknowledged (liaison), needing attention (overview, drills). */
function TabCount({ model, area }: { model: OverviewModel; area: string }) {
  const tabs = model.tabs.value;
  if (!tabs) return null;
  const count: Record<string, readonly [string, number, boolean]> = {
    overview: ["tab.count.attention", tabs.overview.attention, tabs.overview.urgent > 0],
    checklists: ["tab.count.overdue", tabs.checklists.overdue, tabs.checklists.overdue > 0],
    relocation: ["tab.count.unacknowledged", tabs.relocation.unacknowledged, tabs.relocation.unacknowledged > 0],
    drills: ["tab.count.attention", tabs.drills.attention, tabs.drills.attention > 0],
  };
  const c = count[area];
  // An area without a count of its own (records) carries none rather than someone else's.
  if (!c) return null;
  const [key, n, loud] = c;
  return (
    <span class={`badge tab-count ${loud ? "overdue" : ""}`} data-testid={`tab-count-${area}`}>
      {t(key, { n })}
    </span>
  );
}

function IncidentHeader({ incident: i, feed, me }: { incident: Incident; feed: StreamFeed; me: Me }) {
  const [error, setError] = useState<string | null>(null);
  const closed = i.status === "closed";
  const mayEdit = mayWriteForUnit(me, i.leadUnitId) && !closed;
  const began = i.phases.at(-1)?.beganAt;

  async function change(patch: Omit<IncidentPatch, "version">) {
    setError(null);
    try {
      await changeIncident(i.id, { version: i.version, ...patch });
    } catch (err) {
      setError(explain(err));
      if (err instanceof ApiFailure && err.status === 409) await loadIncident(i.id);
    }
  }

  return (
    <header class="incident-head card">
      <div>
        <span class={`badge kind-${i.kind}`}>{t(`kind.${i.kind}`)}</span> <span class="badge">{t(`hazard.${i.hazard}`)}</span>{" "}
        <span class={`badge status-${i.status}`}>{t(`status.${i.status}`)}</span>
        <h1>{i.title}</h1>
        <p class="muted">
          {t("incidents.onset", { time: formatJst(i.onsetAt) })} ・{" "}
          {t("incident.elapsed", { span: formatDuration(now.value - new Date(i.onsetAt).getTime()) })}
          {began && <> ・ {t("incident.phaseSince", { phase: t(`phase.${i.phase}`), time: formatJst(began) })}</>}
        </p>
        {closed && (
          <p class="closed-banner" role="status">
            {t("incident.closedBanner", { time: i.closedAt ? formatJst(i.closedAt) : "—" })}
          </p>
        )}
      </div>
      <div class="incident-controls">
        <ConnectionIndicator feed={feed} />
        <label>
          {t("incident.phase")}
          <select name="phase" value={i.phase} disabled={!mayEdit} onChange={(e) => change({ phase: e.currentTarget.value as Incident["phase"] })}>
            {PHASES.map((p) => (
              <option key={p} value={p}>
                {t(`phase.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("incident.posture")}
          <select
            name="posture"
            value={i.posture ?? ""}
            disabled={!mayEdit}
            onChange={(e) => change({ posture: e.currentTarget.value as NonNullable<Incident["posture"]> })}
          >
            {!i.posture && <option value="">{t("posture.none")}</option>}
            {POSTURES.map((p) => (
              <option key={p} value={p}>
                {t(`posture.${p}`)}
              </option>
            ))}
          </select>
        </label>
        {mayEdit && (
          <button class="btn" onClick={() => confirm(t("incident.confirmClose", { title: i.title })) && change({ status: "closed" })}>
            {t("incident.close")}
          </button>
        )}
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
      </div>
    </header>
  );
}

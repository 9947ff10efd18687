import { useEffect, useState } from "preact/hooks";
import { mayManageDrill } from "../../../src/domain/drills";
import type { Drill } from "../../../src/schema/drills";
import type { CorrectiveAction } from "../../../src/schema/drills-report";
import { getAllPages } from "../../lib/api";
import { openStream } from "../../lib/live";
import { formatDate, formatJst, t } from "../../i18n";
import { Link } from "../../router";
import type { PageProps } from "../areas";
import { ActionsTable } from "./actions";
import { StatusBadge } from "./board";
import { DrillPage } from "./drill-page";
import { PlanForm } from "./plan";
import { ScenarioDetail, ScenarioList } from "./scenarios";
import "./drills.css";

/** `/drills/*`: the hospital training coordinators' workspace. */
export default function DrillsPage({ me, rest }: PageProps) {
  const parts = rest.split("/").filter(Boolean);
  if (parts[0] === "new") return <PlanForm />;
  if (parts[0] === "scenarios") return parts[1] ? <ScenarioDetail id={parts[1]} me={me} /> : <ScenarioList me={me} />;
  if (parts[0] === "actions") return <ActionsPage me={me} />;
  if (parts[0]) return <DrillPage key={parts[0]} id={parts[0]} view={parts[1] ?? ""} me={me} />;
  return <DrillHome me={me} />;
}

function DrillHome({ me }: { me: PageProps["me"] }) {
  const [drills, setDrills] = useState<Drill[] | null>(null);
  const [actions, setActions] = useState<CorrectiveAction[]>([]);
  useEffect(() => {
    const load = () => void getAllPages("/api/drills").then((r) => setDrills(r.items)).catch(() => {});
    const loadActions = () => void getAllPages("/api/corrective-actions", { query: { open: "1" } }).then((r) => setActions(r.items)).catch(() => {});
    load();
    loadActions();
    const feed = openStream("standing");
    const off = feed.subscribe((c) => {
      if (c.entityType === "drill") load();
      if (c.entityType === "corrective_action") loadActions();
    });
    return () => {
      off();
      feed.release();
    };
  }, []);

  const overdue = actions.filter((a) => a.overdue);
  const groups: Array<[string, Drill[]]> = drills
    ? [
        ["drills.group.running", drills.filter((d) => d.status === "running")],
        ["drills.group.planned", drills.filter((d) => d.status === "planned")],
        ["drills.group.review", drills.filter((d) => d.status === "ended")],
        ["drills.group.done", drills.filter((d) => d.status === "reviewed" || d.status === "cancelled")],
      ]
    : [];

  return (
    <>
      <div class="page-head">
        <h1>{t("drills.title.page")}</h1>
        <nav class="actions" aria-label={t("drills.links")}>
          {me.role !== "viewer" && (
            <Link href="/drills/new" class="btn btn-primary">
              ＋ {t("drills.plan")}
            </Link>
          )}
          <Link href="/drills/scenarios" class="btn">
            {t("drills.scenarios")}
          </Link>
          <Link href="/drills/actions" class="btn">
            {t("drills.improvementPlan")}
          </Link>
        </nav>
      </div>
      {overdue.length > 0 && (
        <section class="card overdue-card" role="status">
          <h2>⚠ {t("drills.overdueActions", { n: overdue.length })}</h2>
          <ul>
            {overdue.slice(0, 5).map((a) => (
              <li key={a.id}>
                <Link href={`/drills/${a.drillId}/report`}>{a.action}</Link> — {a.owner}・{t("drills.dueOn", { date: formatDate(a.dueDate) })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {drills === null ? (
        <p class="muted">{t("loading")}</p>
      ) : (
        groups.map(([key, list]) =>
          list.length === 0 ? null : (
            <section key={key} aria-label={t(key)}>
              <h2>{t(key)}</h2>
              <ul class="plain-list drill-list">
                {list.map((d) => (
                  <li key={d.id} class="card drill-row">
                    <Link href={`/drills/${d.id}${d.status === "ended" && mayManageDrill(me, d) ? "/report" : ""}`}>
                      <strong>{d.title}</strong>
                    </Link>{" "}
                    <StatusBadge status={d.status} /> <span class="badge">{t(`drills.kind.${d.kind}`)}</span>
                    {d.incidentId && <span class="badge kind-drill">{t("drills.inIncident")}</span>}
                    <p class="muted">
                      {formatJst(d.scheduledAt)} ・ {d.place}
                      {d.kind === "triage" && <> ・ {t("drills.casualtyN", { n: d.casualtyCount })}</>}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ),
        )
      )}
      {drills?.length === 0 && <p class="muted">{t("drills.none")}</p>}
    </>
  );
}

/** Every drill's corrective actions, overdue first: chased for months after the drills. */
function ActionsPage({ me }: { me: PageProps["me"] }) {
  const [actions, setActions] = useState<CorrectiveAction[] | null>(null);
  const [drills, setDrills] = useState<Map<string, Drill>>(new Map());
  useEffect(() => {
    void getAllPages("/api/corrective-actions").then((r) => setActions(r.items));
    void getAllPages("/api/drills").then((r) => setDrills(new Map(r.items.map((d) => [d.id, d]))));
  }, []);
  return (
    <>
      <div class="page-head">
        <h1>{t("drills.improvementPlan")}</h1>
        <Link href="/drills" class="btn">
          {t("drills.back")}
        </Link>
      </div>
      {actions === null ? (
        <p class="muted">{t("loading")}</p>
      ) : (
        <ActionsTable
          actions={actions}
          editable={(a) => {
            const d = drills.get(a.drillId);
            return !!d && mayManageDrill(me, d);
          }}
          onChange={setActions}
        />
      )}
    </>
  );
}

import { useEffect, useState } from "preact/hooks";
import { mayManageDrill } from "../../../src/domain/drills";
import { secondsToMilestone } from "../../../src/domain/scoring";
import type { DrillCasualty, Milestone } from "../../../src/schema/drills";
import type { DrillScore } from "../../../src/schema/drills-report";
import type { Me } from "../../../src/schema/session";
import { ConnectionIndicator } from "../../components/connection";
import { getJson, mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { openStream, type StreamFeed } from "../../lib/live";
import { formatJst, t } from "../../i18n";
import { Link } from "../../router";
import { DrillLinks, LiveBoard, MilestoneBrief, StatusBadge, StatusControls, UntaggedList } from "./board";
import { streamOf } from "../../../src/schema/streams";
import { type DrillModel, followHq, loadDrill } from "./model";
import { EditPlan } from "./plan";
import { AfterActionReport } from "./report";
import { CasualtyTable } from "./scenarios";
import { ScoreView } from "./score";
import { TagHistory } from "./tag-history";
import { Tablet } from "./tablet";
import { FormError } from "../../components/form-error";

/** One drill's screens: the coordinator's board, the tablet, the scores and the report. */
export function DrillPage({ id, view, me }: { id: string; view: string; me: Me }) {
  const [model, setModel] = useState<DrillModel | null>(null);
  const [feed, setFeed] = useState<StreamFeed | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    let cleanup = () => {};
    loadDrill(id)
      .then((m) => {
        if (!alive) return;
        const f = openStream(streamOf(m.drill.value));
        void m.attach(f);
        const offHq = followHq(f, () => [m]);
        setModel(m);
        setFeed(f);
        cleanup = () => {
          offHq();
          m.dispose();
          f.release();
        };
      })
      .catch((e) => setError(explain(e)));
    return () => {
      alive = false;
      cleanup();
    };
  }, [id]);

  if (error) return <p class="error" role="alert">{error}</p>;
  if (!model || !feed) return <p class="muted">{t("loading")}</p>;
  if (view === "report") return <AfterActionReport drillId={id} me={me} />;
  const d = model.drill.value;

  return (
    <div class={view === "tag" ? "tablet-page" : ""}>
      <div class="page-head no-print">
        <div>
          <Link href="/drills">{t("drills.back")}</Link>
          <h1>
            {d.title} <StatusBadge status={d.status} />
          </h1>
          <p class="muted">
            {t(`drills.kind.${d.kind}`)} ・ {formatJst(d.scheduledAt)} ・ {d.place}
            {d.scenarioTitle && <> ・ {d.scenarioTitle}</>}
          </p>
        </div>
        <ConnectionIndicator feed={feed} />
      </div>
      {view === "tag" ? (
        <Tablet model={model} me={me} />
      ) : view === "score" ? (
        <ScorePanel model={model} />
      ) : (
        <>
          <StatusControls model={model} me={me} />
          <DrillLinks d={d} me={me} onBoard />
          {d.status === "planned" && mayManageDrill(me, d) && <EditPlan drill={d} onSaved={(next) => (model.drill.value = next)} />}
          {d.kind === "triage" ? (
            <>
              <div class="card">
                <LiveBoard model={model} />
              </div>
              <UntaggedList model={model} />
              <TagHistory model={model} />
              <CasualtyPanel model={model} me={me} />
            </>
          ) : (
            <MilestonePanel model={model} me={me} />
          )}
          {d.status === "cancelled" && <p class="muted">{t("drills.cancelledBecause", { reason: d.cancelReason ?? "" })}</p>}
        </>
      )}
    </div>
  );
}

function ScorePanel({ model }: { model: DrillModel }) {
  const d = model.drill.value;
  const [score, setScore] = useState<DrillScore | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!d.startedAt) return;
    getJson("/api/drills/:id/score", { param: { id: d.id } }).then(setScore).catch((e) => setError(explain(e)));
  }, [d.id, d.status]);
  if (!d.startedAt) return <p class="muted">{t("drills.notStarted")}</p>;
  if (error) return <p class="error">{error}</p>;
  if (!score) return <p class="muted">{t("loading")}</p>;
  return (
    <section class="card">
      <h2>{d.status === "running" ? t("drills.provisional") : t("drills.results")}</h2>
      <ScoreView s={score} kind={d.kind} />
      <div class="actions">
        <a class="btn" href={`/api/drills/${d.id}/scores.csv`} download>
          {t("drills.exportCsv")}
        </a>
        <Link href={`/drills/${d.id}/report`} class="btn btn-primary">
          {t("drills.openReport")}
        </Link>
      </div>
    </section>
  );
}

/** Cards of the drill: overridable while planned; afterwards their current tags. */
function CasualtyPanel({ model, me }: { model: DrillModel; me: Me }) {
  const d = model.drill.value;
  const cards = model.casualties.map((c) => c.value);
  return (
    <details class="card" open={d.status === "planned"}>
      <summary>{t("drills.cards", { n: cards.length })}</summary>
      <CasualtyTable
        casualties={cards}
        editable={d.status === "planned" && mayManageDrill(me, d)}
        onOverride={async (c, override) => {
          try {
            const { data } = await mutate("PATCH", "/api/drills/:id/casualties/:casualtyId", { param: { id: d.id, casualtyId: c.id }, body: { version: (c as DrillCasualty).version, override } });
            const row = model.byId.get(c.id);
            if (row) row.value = data;
          } catch (e) {
            alert(explain(e));
          }
        }}
      />
    </details>
  );
}

/** Fire drill: one large button per milestone, stamped when pressed, with the target beside it. */
function MilestonePanel({ model, me }: { model: DrillModel; me: Me }) {
  const d = model.drill.value;
  const [error, setError] = useState<string | null>(null);
  const may = mayManageDrill(me, d) && d.status === "running";
  async function record(m: Milestone) {
    setError(null);
    try {
      const { data } = await mutate("POST", "/api/drills/:id/milestones", { param: { id: d.id }, body: { key: m.key } });
      model.putMilestone(data);
    } catch (e) {
      setError(explain(e));
    }
  }
  return (
    <section class="card">
      <h2>{t("drills.milestones")}</h2>
      <MilestoneBrief model={model} />
      <ul class="milestones">
        {model.milestones.value.map((m) => {
          const elapsed = secondsToMilestone(d.startedAt, m.reachedAt);
          const met = elapsed === null ? null : elapsed <= m.targetSeconds;
          return (
            <li key={m.key} class={met === false ? "missed" : met ? "met" : ""}>
              <button class="btn milestone-btn" disabled={!may} onClick={() => record(m)}>
                {m.reachedAt ? "✓" : "○"} {t(`drills.ms.${m.key}`)}
              </button>
              <span>
                {t("drills.target")} {t("drills.secN", { n: m.targetSeconds })} ・ {t("drills.actual")}{" "}
                {elapsed === null ? "—" : t("drills.secN", { n: elapsed })}{" "}
                {met !== null && <strong>{met ? `✓ ${t("drills.met")}` : `✕ ${t("drills.missed")}`}</strong>}
              </span>
            </li>
          );
        })}
      </ul>
      <FormError message={error} />
    </section>
  );
}

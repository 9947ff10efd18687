import { useEffect, useState } from "preact/hooks";
import { mayManageDrill } from "../../../src/domain/drills";
import type { Drill, Milestone } from "../../../src/schema/drills";
import type { CorrectiveAction, DrillScore, Report } from "../../../src/schema/drills-report";
import type { Me } from "../../../src/schema/session";
import { ApiFailure, getJson, mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { formatJst, t } from "../../i18n";
import { ActionsTable } from "./actions";
import { StatusBadge } from "./board";
import { download } from "./model";
import { ScoreView } from "./score";

type Bundle = { drill: Drill; report: Report | null; score: DrillScore | null; milestones: Milestone[]; actions: CorrectiveAction[] };
const RATINGS = ["P", "S", "M", "U"] as const;
const CAPABILITIES = ["triage", "command", "information", "communication", "patientFlow", "evacuation", "fireResponse"];

/** After-action report and improvement plan (HSEEP shape), printable on A4. */
export function AfterActionReport({ drillId, me }: { drillId: string; me: Me }) {
  const [bundle, setBundle] = useState<Bundle | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    getJson("/api/drills/:id/report", { param: { id: drillId } })
      .then(setBundle)
      .catch((e) => setError(explain(e)));
  useEffect(() => void load(), [drillId]);

  if (error && !bundle) return <p class="error" role="alert">{error}</p>;
  if (!bundle) return <p class="muted">{t("loading")}</p>;
  const { drill: d, report, score } = bundle;
  const editable = mayManageDrill(me, d) && d.status === "ended";

  return (
    <article class="aar">
      <header class="page-head">
        <div>
          <p class="muted">{t("drills.aarKicker")}</p>
          <h1>{d.title}</h1>
          <StatusBadge status={d.status} />
        </div>
        <div class="actions no-print">
          <button class="btn" onClick={() => print()}>
            {t("drills.print")}
          </button>
          <a class="btn" href={`/api/drills/${d.id}/scores.csv`} download>
            {t("drills.exportCsv")}
          </a>
          <button class="btn" onClick={() => download(`drill-${d.id}-report.json`, JSON.stringify(bundle, null, 2), "application/json")}>
            {t("drills.exportJson")}
          </button>
        </div>
      </header>

      <section class="card">
        <h2>1. {t("drills.overview")}</h2>
        <dl class="overview-list">
          <dt>{t("drills.kind")}</dt>
          <dd>{t(`drills.kind.${d.kind}`)}</dd>
          <dt>{t("drills.scheduledAt")}</dt>
          <dd>{formatJst(d.scheduledAt)}</dd>
          <dt>{t("drills.conducted")}</dt>
          <dd>
            {d.startedAt ? formatJst(d.startedAt) : "—"} 〜 {d.endedAt ? formatJst(d.endedAt, { short: true }) : "—"}
          </dd>
          <dt>{t("drills.place")}</dt>
          <dd>{d.place}</dd>
          {d.scenarioTitle && (
            <>
              <dt>{t("drills.scenario")}</dt>
              <dd>{t("drills.scenarioWith", { title: d.scenarioTitle, n: d.casualtyCount })}</dd>
            </>
          )}
          <dt>{t("drills.objectives")}</dt>
          <dd>
            {d.objectives.length === 0 ? (
              "—"
            ) : (
              <ol>
                {d.objectives.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ol>
            )}
          </dd>
          <dt>{t("drills.participants")}</dt>
          <dd>
            {d.participants.length === 0
              ? "—"
              : d.participants.map((p) => `${p.name}（${t(`drills.role.${p.role}`)}）`).join("、")}
          </dd>
        </dl>
      </section>

      {score && (
        <section class="card">
          <h2>2. {t("drills.results")}</h2>
          <ScoreView s={score} kind={d.kind} />
        </section>
      )}

      {report ? (
        <ReportEditor drill={d} report={report} editable={editable} onSaved={(r) => setBundle({ ...bundle, report: r })} reload={load} />
      ) : (
        <p class="muted">{t("drills.reportAfterEnd")}</p>
      )}

      <section class="card">
        <h2>6. {t("drills.improvementPlan")}</h2>
        <ActionsTable
          actions={bundle.actions}
          drill={d}
          editable={mayManageDrill(me, d) && (d.status === "ended" || d.status === "reviewed")}
          onChange={(actions) => setBundle({ ...bundle, actions })}
        />
      </section>
    </article>
  );
}

function ReportEditor(props: { drill: Drill; report: Report; editable: boolean; onSaved: (r: Report) => void; reload: () => void }) {
  const { report, editable } = props;
  const [summary, setSummary] = useState(report.summary);
  const [strengths, setStrengths] = useState(report.strengths.join("\n"));
  const [improvements, setImprovements] = useState(report.improvements);
  const [ratings, setRatings] = useState(report.capabilityRatings);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);

  async function save(e: Event) {
    e.preventDefault();
    setMsg(null);
    try {
      const { data } = await mutate("PATCH", "/api/drills/:id/report", { param: { id: props.drill.id }, body: {
        version: report.version,
        summary,
        strengths: strengths.split("\n").map((s) => s.trim()).filter(Boolean),
        improvements: improvements.filter((i) => i.observation.trim()),
        capabilityRatings: ratings.filter((r) => r.capability.trim()),
      } });
      props.onSaved(data);
      setMsg({ ok: true, text: t("drills.saved") });
    } catch (err) {
      setMsg({ ok: false, text: explain(err) });
      if (err instanceof ApiFailure && err.status === 409) props.reload();
    }
  }

  const capabilityList = (
    <datalist id="capabilities">
      {CAPABILITIES.map((c) => (
        <option key={c} value={t(`drills.cap.${c}`)} />
      ))}
    </datalist>
  );

  return (
    <form onSubmit={save}>
      {capabilityList}
      <section class="card">
        <h2>3. {t("drills.summary")}</h2>
        {editable ? <textarea rows={4} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} aria-label={t("drills.summary")} /> : <p class="prewrap">{summary || "—"}</p>}
        <h3>{t("drills.strengths")}</h3>
        {editable ? (
          <label>
            <span class="muted no-print">{t("drills.onePerLine")}</span>
            <textarea rows={4} value={strengths} onInput={(e) => setStrengths(e.currentTarget.value)} />
          </label>
        ) : (
          <ul>{report.strengths.map((s) => <li key={s}>{s}</li>)}</ul>
        )}
      </section>

      <section class="card">
        <h2>4. {t("drills.areasForImprovement")}</h2>
        <table class="edit-table">
          <thead>
            <tr>
              <th scope="col">{t("drills.capability")}</th>
              <th scope="col">{t("drills.observation")}</th>
              <th scope="col">{t("drills.analysis")}</th>
              {editable && <th scope="col"><span class="sr">{t("drills.remove")}</span></th>}
            </tr>
          </thead>
          <tbody>
            {improvements.map((row, i) => {
              const set = (patch: Partial<typeof row>) => setImprovements(improvements.map((x, k) => (k === i ? { ...x, ...patch } : x)));
              return editable ? (
                <tr key={i}>
                  <td><input list="capabilities" value={row.capability} onInput={(e) => set({ capability: e.currentTarget.value })} aria-label={t("drills.capability")} /></td>
                  <td><textarea rows={2} value={row.observation} onInput={(e) => set({ observation: e.currentTarget.value })} aria-label={t("drills.observation")} /></td>
                  <td><textarea rows={2} value={row.analysis} onInput={(e) => set({ analysis: e.currentTarget.value })} aria-label={t("drills.analysis")} /></td>
                  <td><button type="button" class="btn btn-quiet" onClick={() => setImprovements(improvements.filter((_, k) => k !== i))}>✕ {t("drills.remove")}</button></td>
                </tr>
              ) : (
                <tr key={i}><td>{row.capability}</td><td>{row.observation}</td><td>{row.analysis}</td></tr>
              );
            })}
          </tbody>
        </table>
        {editable && (
          <button type="button" class="btn" onClick={() => setImprovements([...improvements, { capability: "", observation: "", analysis: "" }])}>
            ＋ {t("drills.addImprovement")}
          </button>
        )}
      </section>

      <section class="card">
        <h2>5. {t("drills.capabilityRatings")}</h2>
        <p class="muted">{t("drills.ratingHelp")}</p>
        <table class="edit-table">
          <thead>
            <tr>
              <th scope="col">{t("drills.capability")}</th>
              <th scope="col">{t("drills.rating")}</th>
              <th scope="col">{t("drills.note")}</th>
              {editable && <th scope="col"><span class="sr">{t("drills.remove")}</span></th>}
            </tr>
          </thead>
          <tbody>
            {ratings.map((row, i) => {
              const set = (patch: Partial<typeof row>) => setRatings(ratings.map((x, k) => (k === i ? { ...x, ...patch } : x)));
              return editable ? (
                <tr key={i}>
                  <td><input list="capabilities" value={row.capability} onInput={(e) => set({ capability: e.currentTarget.value })} aria-label={t("drills.capability")} /></td>
                  <td>
                    <select value={row.rating} onChange={(e) => set({ rating: e.currentTarget.value as (typeof RATINGS)[number] })} aria-label={t("drills.rating")}>
                      {RATINGS.map((r) => <option key={r} value={r}>{r}：{t(`drills.rating.${r}`)}</option>)}
                    </select>
                  </td>
                  <td><input value={row.note} onInput={(e) => set({ note: e.currentTarget.value })} aria-label={t("drills.note")} /></td>
                  <td><button type="button" class="btn btn-quiet" onClick={() => setRatings(ratings.filter((_, k) => k !== i))}>✕ {t("drills.remove")}</button></td>
                </tr>
              ) : (
                <tr key={i}><td>{row.capability}</td><td><span class={`rating rating-${row.rating}`}>{row.rating}：{t(`drills.rating.${row.rating}`)}</span></td><td>{row.note}</td></tr>
              );
            })}
          </tbody>
        </table>
        {editable && (
          <button type="button" class="btn" onClick={() => setRatings([...ratings, { capability: "", rating: "S", note: "" }])}>
            ＋ {t("drills.addRating")}
          </button>
        )}
      </section>
      {editable && (
        <div class="actions no-print">
          <button class="btn btn-primary" type="submit">{t("drills.saveReport")}</button>
          {msg && <p class={msg.ok ? "ok-msg" : "error"} role={msg.ok ? "status" : "alert"}>{msg.text}</p>}
        </div>
      )}
      {!editable && props.drill.status === "ended" && <p class="muted no-print">{t("drills.reportReadOnly")}</p>}
    </form>
  );
}

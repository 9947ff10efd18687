import { outcomeOf } from "../../../src/domain/scoring";
import { CATEGORIES } from "../../../src/schema/drills";
import type { DrillScore, TrendPoint } from "../../../src/schema/drills-report";
import { formatDate, t } from "../../i18n";
import { percent, seconds } from "./model";
import { CategoryBadge } from "./triage";

/** The headline figures; under-triage is set apart because it is the dangerous error. */
export function ScoreHeadline({ s }: { s: DrillScore }) {
  return (
    <dl class="figures">
      <div>
        <dt>{t("drills.accuracy")}</dt>
        <dd data-testid="accuracy">{percent(s.accuracy)}</dd>
        <dd class="muted">{t("drills.ofTagged", { n: s.correct, tagged: s.tagged })}</dd>
      </div>
      <div>
        <dt>{t("drills.coverage")}</dt>
        <dd data-testid="coverage">{percent(s.coverage)}</dd>
        <dd class="muted">{t("drills.coverageOf", { tagged: s.tagged, total: s.total, untagged: s.untagged })}</dd>
      </div>
      <div class={`under${s.under > 0 ? " danger" : ""}`}>
        <dt>⚠ {t("drills.underTriage")}</dt>
        <dd data-testid="under">{percent(s.underTriageRate)}</dd>
        <dd>{t("drills.underCount", { n: s.under, tagged: s.tagged })}</dd>
      </div>
      <div>
        <dt>{t("drills.overTriage")}</dt>
        <dd>{percent(s.overTriageRate)}</dd>
        <dd class="muted">{t("drills.overCount", { n: s.over, tagged: s.tagged })}</dd>
      </div>
      <div>
        <dt>{t("drills.timeToAll")}</dt>
        <dd>{s.timeToAllMs === null ? t("drills.notAll", { n: s.untagged }) : `${seconds(s.timeToAllMs)} ${t("drills.sec")}`}</dd>
        <dd class="muted">{t("drills.medianFirst", { s: seconds(s.medianTimeToTagMs) })}</dd>
      </div>
      <div>
        <dt>{t("drills.hqTime")}</dt>
        <dd>{s.hq.medianMs === null ? "—" : `${seconds(s.hq.medianMs)} ${t("drills.sec")}`}</dd>
        <dd class="muted">{t("drills.hqDetail", { received: s.hq.received, tags: s.hq.tags, p90: seconds(s.hq.p90Ms) })}</dd>
      </div>
    </dl>
  );
}

/** Rows: the key; columns: what was tagged. The cells below the diagonal are under-triage. */
export function ConfusionMatrix({ s }: { s: DrillScore }) {
  return (
    <table class="matrix">
      <caption>{t("drills.matrix")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("drills.expectedVsAssigned")}</th>
          {CATEGORIES.map((c) => (
            <th key={c} scope="col">
              <CategoryBadge category={c} small />
            </th>
          ))}
          <th scope="col">{t("drills.untagged")}</th>
        </tr>
      </thead>
      <tbody>
        {s.matrix.map((row) => (
          <tr key={row.expected}>
            <th scope="row">
              <CategoryBadge category={row.expected} small />
            </th>
            {CATEGORIES.map((c) => {
              const n = row.assigned[c];
              const outcome = outcomeOf(row.expected, c);
              const kind = outcome === "correct" ? "hit" : outcome;
              return (
                <td key={c} class={`cell-${kind}${n > 0 ? " has" : ""}`} title={t(`drills.outcome.${outcome}`)}>
                  {n}
                  {kind === "under" && n > 0 && <span class="sr"> {t("drills.outcome.under")}</span>}
                </td>
              );
            })}
            <td class={row.untagged > 0 ? "cell-untagged has" : ""}>{row.untagged}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CasualtyScores({ s }: { s: DrillScore }) {
  const rows = [...s.casualties].sort((a, b) => Number(b.outcome === "under") - Number(a.outcome === "under"));
  return (
    <table class="score-table">
      <caption>{t("drills.perCasualty")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("drills.tagNumber")}</th>
          <th scope="col">{t("drills.expected")}</th>
          <th scope="col">{t("drills.assigned")}</th>
          <th scope="col">{t("drills.result")}</th>
          <th scope="col">{t("drills.firstTagSec")}</th>
          <th scope="col">{t("drills.officer")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.casualtyId} class={`outcome-${c.outcome}`}>
            <th scope="row">{c.tagNumber}</th>
            <td>
              <CategoryBadge category={c.expected} small />
              {c.overrideReason && (
                <span class="override-note">
                  {t("drills.overridden", { start: t(`drills.cat.${c.startCategory}`) })}：{c.overrideReason}
                </span>
              )}
            </td>
            <td>
              <CategoryBadge category={c.assigned} small />
              {c.firstCategory && c.firstCategory !== c.assigned && <span class="muted"> ({t("drills.firstWas", { cat: t(`drills.cat.${c.firstCategory}`) })})</span>}
            </td>
            <td>
              <span class={`outcome outcome-${c.outcome}`}>{c.outcome === "under" ? "⚠ " : ""}{t(`drills.outcome.${c.outcome}`)}</span>
            </td>
            <td>{seconds(c.timeToFirstTagMs)}</td>
            <td class="person">{c.officerName ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OfficerScores({ s }: { s: DrillScore }) {
  if (s.officers.length === 0) return null;
  return (
    <table class="score-table">
      <caption>
        {t("drills.perOfficer")}
        <span class="muted small definition">{t("drills.tagIntervalDefined")}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t("drills.officer")}</th>
          <th scope="col">{t("drills.tags")}</th>
          <th scope="col">{t("drills.assessed")}</th>
          <th scope="col">{t("drills.accuracy")}</th>
          <th scope="col">{t("drills.underTriage")}</th>
          <th scope="col">{t("drills.overTriage")}</th>
          <th scope="col">{t("drills.tagInterval")}</th>
        </tr>
      </thead>
      <tbody>
        {s.officers.map((o) => (
          <tr key={o.officerKey}>
            <th scope="row" class="person">{o.name}</th>
            <td>{o.tags}</td>
            <td>{o.assessed}</td>
            <td>{percent(o.accuracy)}</td>
            <td class={o.under > 0 ? "danger-text" : ""}>{o.under}</td>
            <td>{o.over}</td>
            <td>{seconds(o.medianIntervalMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Accuracy (solid, ●) and under-triage (dashed, ▲) across this and earlier drills of the kind. */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  if (points.length < 2) return <p class="muted">{t("drills.trendNone")}</p>;
  const W = 560;
  const H = 200;
  const pad = { l: 44, r: 44, t: 12, b: 40 };
  const x = (i: number) => pad.l + (i * (W - pad.l - pad.r)) / (points.length - 1);
  const y = (v: number) => pad.t + (1 - v) * (H - pad.t - pad.b);
  const line = (pick: (p: TrendPoint) => number | null) =>
    points
      .map((p, i) => [i, pick(p)] as const)
      .filter(([, v]) => v !== null)
      .map(([i, v], k) => `${k ? "L" : "M"}${x(i).toFixed(1)},${y(v!).toFixed(1)}`)
      .join(" ");
  return (
    <figure class="trend">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t("drills.trendLabel")}>
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line x1={pad.l} x2={W - pad.r} y1={y(v)} y2={y(v)} class="grid" />
            <text x={pad.l - 6} y={y(v) + 4} text-anchor="end" class="axis">
              {v * 100}%
            </text>
          </g>
        ))}
        <path d={line((p) => p.accuracy)} class="acc-line" />
        <path d={line((p) => p.underTriageRate)} class="under-line" />
        {points.map((p, i) => (
          <g key={p.drillId}>
            {p.accuracy !== null && <circle cx={x(i)} cy={y(p.accuracy)} r={p.current ? 6 : 4} class="acc-dot" />}
            {p.underTriageRate !== null && (
              <path d={`M${x(i)},${y(p.underTriageRate) - 5} l5,9 h-10 z`} class="under-dot" />
            )}
            <text x={x(i)} y={H - pad.b + 16} text-anchor="middle" class={`axis${p.current ? " current" : ""}`}>
              {p.endedAt ? formatDate(p.endedAt) : ""}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <span class="legend-acc">● {t("drills.accuracy")}</span> <span class="legend-under">▲ {t("drills.underTriage")}</span>
      </figcaption>
      <table class="sr">
        <caption>{t("drills.trendLabel")}</caption>
        <tbody>
          {points.map((p) => (
            <tr key={p.drillId}>
              <th scope="row">{p.title}</th>
              <td>{percent(p.accuracy)}</td>
              <td>{percent(p.underTriageRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export function MilestoneScores({ s }: { s: DrillScore }) {
  if (s.milestones.length === 0) return null;
  return (
    <table class="score-table">
      <caption>{t("drills.milestones")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("drills.milestone")}</th>
          <th scope="col">{t("drills.target")}</th>
          <th scope="col">{t("drills.actual")}</th>
          <th scope="col">{t("drills.result")}</th>
        </tr>
      </thead>
      <tbody>
        {s.milestones.map((m) => (
          <tr key={m.key}>
            <th scope="row">{t(`drills.ms.${m.key}`)}</th>
            <td>{t("drills.secN", { n: m.targetSeconds })}</td>
            <td>{m.elapsedSeconds === null ? "—" : t("drills.secN", { n: m.elapsedSeconds })}</td>
            <td>
              <span class={`outcome ${m.met === true ? "outcome-correct" : m.met === false ? "outcome-under" : "outcome-untagged"}`}>
                {m.met === true ? `✓ ${t("drills.met")}` : m.met === false ? `✕ ${t("drills.missed")}` : t("drills.notReached")}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ScoreView({ s, kind }: { s: DrillScore; kind: "triage" | "fire" }) {
  return (
    <div class="score">
      {kind === "triage" && <ScoreHeadline s={s} />}
      <MilestoneScores s={s} />
      {kind === "triage" && (
        <>
          {/* A table wider than a tablet scrolls sideways rather than squeezing its words letter by letter. */}
          <div class="table-wrap">
            <ConfusionMatrix s={s} />
          </div>
          <div class="table-wrap">
            <OfficerScores s={s} />
          </div>
          <section class="card no-break">
            <h3>{t("drills.trend")}</h3>
            <TrendChart points={s.trend} />
          </section>
          <div class="table-wrap">
            <CasualtyScores s={s} />
          </div>
        </>
      )}
    </div>
  );
}

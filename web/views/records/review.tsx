import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { mayWriteForUnit } from "../../../src/domain/access";
import type { ReviewBundle } from "../../../src/schema/relocation-review";
import { ApiFailure, getJson, mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { formatDuration, formatJst, localized, t } from "../../i18n";
import type { IncidentTabProps } from "../areas";

const pct = (n: number, d: number) => (d === 0 ? "—" : `${n}/${d}`);
const EMPTY = { capability: "", issue: "", action: "", owner: "", organisation: "", dueDate: "" };

/** 訓練の振り返り: the relocation drill's after-action figures, the trend, and its improvement plan. */
export function ReviewPanel({ incident, me }: IncidentTabProps) {
  const bundle = useSignal<ReviewBundle | null | "none">(null);
  const draft = useSignal(EMPTY);
  const error = useSignal<string | null>(null);
  const load = () =>
    getJson("/api/relocation-reviews/:id", { param: { id: incident.id } })
      .then((b) => (bundle.value = b))
      .catch((e) => (e instanceof ApiFailure && e.status === 404 ? (bundle.value = "none") : (error.value = explain(e))));
  useEffect(() => void load(), [incident.id, incident.status]);

  if (error.value && !bundle.value) return <p class="error">{error.value}</p>;
  if (bundle.value === null) return <p class="muted">{t("loading")}</p>;
  if (bundle.value === "none") return <p class="card muted">{t("review.none")}</p>;
  const { review, trend, actions } = bundle.value;
  const f = review.figures;
  const mayPlan = mayWriteForUnit(me, review.unitId);

  async function add(e: Event) {
    e.preventDefault();
    error.value = null;
    try {
      await mutate("POST", "/api/relocation-reviews/:id/actions", { param: { id: incident.id }, body: draft.value });
      draft.value = EMPTY;
      await load();
    } catch (err) {
      error.value = explain(err);
    }
  }
  async function close(a: { id: string; version: number }) {
    try {
      await mutate("PATCH", "/api/relocation-reviews/:id/actions/:actionId", { param: { id: incident.id, actionId: a.id }, body: { version: a.version, status: "closed" } });
      await load();
    } catch (err) {
      error.value = explain(err);
    }
  }
  const field = (k: keyof typeof EMPTY) => (
    <label>
      {t(`review.field.${k}`)}
      <input
        {...(k === "dueDate" ? { type: "date" as const } : { type: "text" as const })}
        name={k}
        required
        value={draft.value[k]}
        onInput={(e) => {
          draft.value = { ...draft.value, [k]: e.currentTarget.value };
        }}
      />
    </label>
  );

  return (
    <article class="card rec-print" data-testid="relocation-review">
      <div class="actions rec-no-print">
        <button class="btn btn-primary" onClick={() => print()}>
          {t("report.print")}
        </button>
      </div>
      <h2>{t("review.title", { title: review.title })}</h2>
      <p class="rec-stamp">{t("review.span", { from: formatJst(review.onsetAt), to: formatJst(review.endedAt) })}</p>
      <p>
        <span class={`badge ${f.headline.functionsMet < f.headline.functionsTotal ? "overdue" : "ok"}`}>
          {t("review.h.functions", { n: pct(f.headline.functionsMet, f.headline.functionsTotal) })}
        </span>{" "}
        <span class={`badge ${f.headline.businessMet < f.headline.businessTotal ? "overdue" : "ok"}`}>
          {t("review.h.business", { n: pct(f.headline.businessMet, f.headline.businessTotal) })}
        </span>{" "}
        <span class={`badge ${f.headline.readinessFailures ? "overdue" : "ok"}`}>{t("review.h.readiness", { n: f.headline.readinessFailures })}</span>{" "}
        <span class="badge">
          {t("review.h.ack", { m: f.headline.medianMinutesToAck === null ? "—" : formatDuration(f.headline.medianMinutesToAck * 60_000), n: f.headline.unacknowledged })}
        </span>
      </p>

      <h3>{t("review.s.functions")}</h3>
      <table class="rec-table">
        <thead>
          <tr>
            <th>{t("report.function")}</th>
            <th>{t("review.target")}</th>
            <th>{t("review.actual")}</th>
            <th>{t("review.met")}</th>
          </tr>
        </thead>
        <tbody>
          {f.functions.map((x) => (
            <tr key={x.functionId} class={x.met ? "" : "overdue"}>
              <td>{localized(x.nameJa, x.nameEn)}</td>
              <td>{formatDuration(x.targetMinutes * 60_000)}</td>
              <td>{x.minutesToOperational === null ? t("review.never") : formatDuration(x.minutesToOperational * 60_000)}</td>
              <td>{x.met ? t("review.yes") : `▲ ${t("review.no")}`}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t("review.s.readiness", { n: f.readinessFailures.length })}</h3>
      {f.readinessFailures.length === 0 ? (
        <p class="muted">{t("report.noneListed")}</p>
      ) : (
        <ul>
          {f.readinessFailures.map((r) => (
            <li key={`${r.siteId}-${r.checkKey}`}>
              ▲ {r.siteNameJa}：{t(`relocation.check.${r.checkKey}`)} {r.note}
            </li>
          ))}
        </ul>
      )}

      <h3>{t("review.s.business", { n: pct(f.headline.businessMet, f.headline.businessTotal) })}</h3>
      {f.business.length === 0 ? (
        <p class="muted">{t("report.noneListed")}</p>
      ) : (
        <table class="rec-table">
          <tbody>
            {f.business.map((b) => (
              <tr key={b.itemId} class={b.met ? "" : "overdue"}>
                <td>{b.textJa}</td>
                <td>{b.deadlineAt ? formatJst(b.deadlineAt) : "—"}</td>
                <td>{b.doneAt ? formatJst(b.doneAt) : t("review.notDone")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t("review.s.trend")}</h3>
      <table class="rec-table" data-testid="review-trend">
        <thead>
          <tr>
            <th>{t("review.drill")}</th>
            <th>{t("review.h.functionsCol")}</th>
            <th>{t("review.h.businessCol")}</th>
            <th>{t("review.h.readinessCol")}</th>
            <th>{t("review.h.ackCol")}</th>
          </tr>
        </thead>
        <tbody>
          {trend.map((p) => (
            <tr key={p.incidentId} class={p.current ? "rec-current" : ""}>
              <td>
                {p.title}（{formatJst(p.endedAt)}）
              </td>
              <td>{pct(p.headline.functionsMet, p.headline.functionsTotal)}</td>
              <td>{pct(p.headline.businessMet, p.headline.businessTotal)}</td>
              <td>{p.headline.readinessFailures}</td>
              <td>{p.headline.medianMinutesToAck === null ? "—" : formatDuration(p.headline.medianMinutesToAck * 60_000)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t("review.s.actions", { n: actions.filter((a) => a.status !== "closed").length })}</h3>
      <ul class="rec-list" data-testid="review-actions">
        {actions.map((a) => (
          <li key={a.id} class={a.overdue ? "overdue" : ""}>
            <span>
              {a.overdue && <span class="badge overdue">▲ {t("review.overdue")}</span>} {a.issue} → {a.action}（{a.owner}・{a.dueDate}・{t(`review.status.${a.status}`)}）
            </span>
            {mayPlan && a.status !== "closed" && (
              <button class="btn rec-no-print" onClick={() => close(a)}>
                {t("review.closeAction")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {mayPlan && (
        <form class="rec-filters rec-no-print" onSubmit={add}>
          {field("capability")}
          {field("issue")}
          {field("action")}
          {field("owner")}
          {field("organisation")}
          {field("dueDate")}
          <button class="btn btn-primary">{t("review.addAction")}</button>
        </form>
      )}
      {error.value && (
        <p role="alert" class="error">
          {error.value}
        </p>
      )}
    </article>
  );
}

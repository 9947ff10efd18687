import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { mayWriteForUnit } from "../../../src/domain/access";
import { CutNotice, usePages } from "../../components/more-pages";
import { ApiFailure, mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { formatJst, t } from "../../i18n";
import { Link } from "../../router";
import type { IncidentTabProps } from "../areas";

const base = (incidentId: string) => `/api/incidents/${incidentId}/situation-reports`;

/** 状況報告: the numbered reports issued so far, newest first, and producing the next one. */
export function ReportsPanel({ incident, feed, me }: IncidentTabProps) {
  // Newest first, a page at a time: 「さらに表示」 reads older ones.
  const pages = usePages("/api/incidents/:id/situation-reports", { param: { id: incident.id } }, [incident.id]);
  const reports = pages.items;
  const summary = useSignal("");
  /** Now, or an earlier point: a seq of the log or a JST date and time. */
  const point = useSignal<"now" | "seq" | "time">("now");
  const pointSeq = useSignal("");
  const pointTime = useSignal("");
  const message = useSignal<{ kind: "ok" | "error"; text: string } | null>(null);
  const busy = useSignal(false);
  const load = pages.reload;

  useEffect(() => {
    // Another console producing a report shows up here at once.
    return feed.subscribe((c) => {
      if (c.entityType === "situation_report") load();
    });
  }, [incident.id]);
  useEffect(() => {
    if (pages.error) message.value = { kind: "error", text: explain(pages.error) };
  }, [pages.error]);

  const seq = feed.latestSeq.value;
  const next = (reports?.[0]?.number ?? 0) + 1;
  const mayProduce = mayWriteForUnit(me, incident.leadUnitId) && incident.status === "open";

  async function produce(e: Event) {
    e.preventDefault();
    busy.value = true;
    message.value = null;
    try {
      const at =
        point.value === "seq"
          ? { atSeq: Number(pointSeq.value) }
          : point.value === "time"
            ? // The field is read as Japan time whatever the device's own zone.
              { atTime: new Date(`${pointTime.value}:00+09:00`).toISOString() }
            : { asOfSeq: seq };
      const { data } = await mutate("POST", "/api/incidents/:id/situation-reports", { param: { id: incident.id }, body: { ...at, summary: summary.value } });
      summary.value = "";
      message.value = { kind: "ok", text: t("reports.produced", { n: data.number }) };
      load();
    } catch (err) {
      const movedOn = err instanceof ApiFailure && err.code === "moved_on";
      const latest = movedOn ? (err.current as { seq: number }).seq : 0;
      message.value = { kind: "error", text: movedOn ? t("reports.movedOn", { seq: latest }) : explain(err) };
    } finally {
      busy.value = false;
    }
  }

  return (
    <section class="card" aria-labelledby="reports-h">
      <h2 id="reports-h">{t("reports.title")}</h2>
      {mayProduce ? (
        <form class="rec-produce" onSubmit={produce}>
          <label>
            {t("reports.summary")}
            <textarea name="summary" rows={3} maxLength={4000} value={summary.value} onInput={(e) => (summary.value = e.currentTarget.value)} />
          </label>
          <fieldset class="rec-point">
            <legend>{t("reports.point")}</legend>
            {(["now", "seq", "time"] as const).map((p) => (
              <label key={p} class="rec-point-choice">
                <input type="radio" name="point" value={p} checked={point.value === p} onChange={() => (point.value = p)} />
                {t(`reports.point.${p}`)}
              </label>
            ))}
            {point.value === "seq" && (
              <label>
                {t("reports.point.seqLabel", { seq })}
                <input name="atSeq" type="number" required min={1} max={seq} value={pointSeq.value} onInput={(e) => (pointSeq.value = e.currentTarget.value)} />
              </label>
            )}
            {point.value === "time" && (
              <label>
                {t("reports.point.timeLabel")}
                <input name="atTime" type="datetime-local" required value={pointTime.value} onInput={(e) => (pointTime.value = e.currentTarget.value)} />
              </label>
            )}
          </fieldset>
          <p class="muted">{point.value === "now" ? t("reports.asOfSeq", { seq }) : t("reports.point.note")}</p>
          <button class="btn btn-primary" disabled={busy.value}>
            {t("reports.produce", { n: next })}
          </button>
        </form>
      ) : (
        incident.status === "closed" && <p class="muted">{t("reports.closed")}</p>
      )}
      {message.value && (
        <p role={message.value.kind === "error" ? "alert" : "status"} class={message.value.kind === "error" ? "error" : "ok-note"}>
          {message.value.text}
        </p>
      )}
      {reports === null ? (
        <p class="muted">{t("loading")}</p>
      ) : reports.length === 0 ? (
        <p class="muted">{t("reports.none")}</p>
      ) : (
        <ul class="rec-list" data-testid="situation-reports">
          {reports.map((r) => (
            <li key={r.number}>
              <span>
                {t("reports.heading", { number: t("reports.number", { n: r.number }), time: formatJst(r.asOf), seq: r.seq, name: r.producedBy.name })}
                {r.producedAt !== r.asOf && t("reports.producedLater", { time: formatJst(r.producedAt) })}
              </span>
              <span class="actions">
                <Link class="btn" href={`/records/report/${incident.id}/${r.number}`}>
                  {t("reports.open")}
                </Link>
                <a class="btn" href={`${base(incident.id)}/${r.number}/csv`} download>
                  {t("reports.csv")}
                </a>
                <a class="btn" href={`${base(incident.id)}/${r.number}`} target="_blank" rel="noopener">
                  {t("reports.json")}
                </a>
              </span>
            </li>
          ))}
        </ul>
      )}
      <CutNotice shown={pages.items?.length ?? 0} cut={pages.cut} busy={pages.busy} onMore={() => void pages.more()} />
    </section>
  );
}

import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { SituationReport } from "../../../src/schema/situation-reports";
import { getJson } from "../../lib/api";
import { explain } from "../../lib/errors";
import { formatDuration, formatJst, has, localized, t } from "../../i18n";

const STATE_KEY: Record<string, string> = {
  todo: "checklists.state.todo",
  in_progress: "checklists.state.in_progress",
  blocked: "checklists.state.blocked",
};

/**
 * 状況報告 第N報 as an A4 page, exactly as stored: every name and figure comes from the report
 * itself, never from the incident as it is now.
 */
export function ReportPrint({ incidentId, number }: { incidentId: string; number: number }) {
  const report = useSignal<SituationReport | null>(null);
  const error = useSignal<string | null>(null);
  useEffect(() => {
    getJson("/api/incidents/:id/situation-reports/:number", { param: { id: incidentId, number: String(number) } })
      .then((r) => (report.value = r))
      .catch((e) => (error.value = explain(e)));
  }, [incidentId, number]);

  if (error.value) return <p class="error">{error.value}</p>;
  if (!report.value) return <p class="muted">{t("loading")}</p>;
  const r = report.value;
  const c = r.content;
  const unit = (id: string) => (c.unitNames[id] ? localized(c.unitNames[id]!.ja, c.unitNames[id]!.en) : id);
  const none = <p class="muted">{t("report.noneListed")}</p>;

  return (
    <article class="rec-print" data-testid="report-print">
      <div class="actions rec-no-print">
        <button class="btn btn-primary" onClick={() => print()}>
          {t("report.print")}
        </button>
        <button class="btn" onClick={() => history.back()}>
          {t("report.back")}
        </button>
      </div>
      <header>
        <h1>{t("report.title", { title: c.incident.title, n: r.number })}</h1>
        <p class="rec-stamp">
          <strong>{t("report.stamp", { time: formatJst(r.asOf), seq: r.seq, name: r.producedBy.name, unit: unit(r.producedBy.unitId) })}</strong>
          {/* A report of an earlier point says when it was produced, too. */}
          {r.producedAt !== r.asOf && <> {t("reports.producedLater", { time: formatJst(r.producedAt) })}</>}
        </p>
      </header>

      <section>
        <h2>{t("report.s1")}</h2>
        <dl class="rec-facts">
          <dt>{t("report.onset")}</dt>
          <dd>{formatJst(c.incident.onsetAt)}</dd>
          <dt>{t("report.hazard")}</dt>
          <dd>
            {t(`hazard.${c.incident.hazard}`)}（{t(`kind.${c.incident.kind}`)}）
          </dd>
          <dt>{t("report.phases")}</dt>
          <dd>{c.overview.phases.map((p) => `${t(`phase.${p.phase}`)} ${formatJst(p.beganAt)}`).join(" → ")}</dd>
        </dl>
        {c.overview.summary && <p class="rec-summary">{c.overview.summary}</p>}
      </section>

      <section>
        <h2>
          {t("report.s2")}：{c.posture.current ? t(`posture.${c.posture.current}`) : t("posture.none")}
        </h2>
        {c.posture.changes.length > 0 && (
          <p>
            {t("report.postureChanges")}：{c.posture.changes.map((p) => `${t(`posture.${p.posture}`)} ${formatJst(p.since)}`).join(" → ")}
          </p>
        )}
      </section>

      <section>
        <h2>{t("report.s3")}</h2>
        {c.units.length === 0 ? (
          none
        ) : (
          <table class="rec-table">
            <thead>
              <tr>
                <th>{t("report.unit")}</th>
                <th>{t("report.items")}</th>
                <th>{t("report.closedItems")}</th>
                <th>{t("report.inProgress")}</th>
                <th>{t("report.blocked")}</th>
                <th>{t("report.overdue")}</th>
                <th>{t("report.lastReport")}</th>
                <th>{t("report.attention")}</th>
              </tr>
            </thead>
            <tbody>
              {c.units.map((u) => (
                <tr key={u.unitId} class={u.checklist?.overdue ? "overdue" : ""}>
                  <td>{localized(u.nameJa, u.nameEn)}</td>
                  <td>{u.checklist?.total ?? "—"}</td>
                  <td>{u.checklist?.closed ?? "—"}</td>
                  <td>{u.checklist?.inProgress ?? "—"}</td>
                  <td>{u.checklist?.blocked ?? "—"}</td>
                  <td>{u.checklist ? (u.checklist.overdue > 0 ? `▲ ${u.checklist.overdue}` : 0) : "—"}</td>
                  <td>{u.lastReportAt ? formatJst(u.lastReportAt) : t("report.noReport")}</td>
                  <td>{u.attention}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h2>{t("report.s4", { n: c.overdueBusiness.length })}</h2>
        {c.overdueBusiness.length === 0 ? (
          none
        ) : (
          <table class="rec-table">
            <thead>
              <tr>
                <th>{t("report.unit")}</th>
                <th>{t("report.business")}</th>
                <th>{t("report.state")}</th>
                <th>{t("report.deadline")}</th>
                <th>{t("report.overdueBy")}</th>
              </tr>
            </thead>
            <tbody>
              {c.overdueBusiness.map((b) => (
                <tr key={b.itemId} class="overdue">
                  <td>{unit(b.unitId)}</td>
                  <td>{localized(b.textJa, b.textEn)}</td>
                  <td>{STATE_KEY[b.state] ? t(STATE_KEY[b.state]!) : b.state}</td>
                  <td>{formatJst(b.deadlineAt)}</td>
                  <td>▲ {formatDuration(b.overdueMinutes * 60_000)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h2>{t("report.s5")}</h2>
        {c.water.functions.length === 0 ? (
          none
        ) : (
          <table class="rec-table">
            <thead>
              <tr>
                <th>{t("report.function")}</th>
                <th>{t("report.state")}</th>
                <th>{t("report.site")}</th>
                <th>{t("report.working")}</th>
                <th>{t("report.overdueBy")}</th>
              </tr>
            </thead>
            <tbody>
              {c.water.functions.map((f) => (
                <tr key={f.id} class={f.overdueMinutes > 0 ? "overdue" : ""}>
                  <td>{localized(f.nameJa, f.nameEn)}</td>
                  <td>{t(`relocation.state.${f.state}`)}</td>
                  <td>{f.siteNameJa ? localized(f.siteNameJa, f.siteNameEn) : "—"}</td>
                  <td>{f.working ? t("report.workingYes") : t("report.workingNo")}</td>
                  <td>{f.overdueMinutes > 0 ? `▲ ${formatDuration(f.overdueMinutes * 60_000)}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h2>{t("report.s6")}</h2>
        {c.hospital.status ? (
          <>
            <p>{t("report.hospitalAt", { time: formatJst(c.hospital.status.updatedAt) })}</p>
            <ul>
              {c.hospital.warnings.map((w) => (
                <li key={w.field} class="overdue-text">
                  ▲ {w.message}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p class="muted">{t("report.hospitalNone")}</p>
        )}
      </section>

      <section>
        <h2>{t("report.s7", { n: c.openRequests.length })}</h2>
        {c.openRequests.length === 0 ? (
          none
        ) : (
          <table class="rec-table">
            <thead>
              <tr>
                <th>{t("report.from")}</th>
                <th>{t("report.to")}</th>
                <th>{t("report.content")}</th>
                <th>{t("report.time")}</th>
              </tr>
            </thead>
            <tbody>
              {c.openRequests.map((e) => (
                <tr key={e.key}>
                  <td>{unit(String(e.detail.fromUnitId ?? ""))}</td>
                  <td>{unit(e.unitId)}</td>
                  <td>{e.subject}</td>
                  <td>{formatJst(e.since)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h2>{t("report.s8", { n: c.attention.total, urgent: c.attention.urgent })}</h2>
        {c.attention.entries.length === 0 ? (
          none
        ) : (
          <ol class="rec-attention">
            {c.attention.entries.map((e) => (
              <li key={e.key} class={e.rank === 0 ? "overdue" : ""}>
                {e.rank === 0 && "▲ "}
                {has(`overview.kind.${e.kind}`) && `［${t(`overview.kind.${e.kind}`)}］`}
                {unit(e.unitId)}：{localized(e.subject, e.subjectEn)}（{formatJst(e.since)}）
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

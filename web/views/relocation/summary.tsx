import { flaggedFor } from "../../../src/domain/liaison";
import { formatDuration, now, t } from "../../i18n";
import { unitName } from "../../models/session";
import { Link } from "../../router";
import type { IncidentTabProps } from "../areas";
import { blockerLabel, stateBadge } from "./board";
import { useIncidentRelocation } from "./incident-model";
import { boardEntries, fnName, siteName } from "./labels";
import { flagViewer } from "./liaison";
import { standing } from "./standing";
import "./relocation.css";

/** What the disaster HQ reads first: overdue functions, blocked moves, unacknowledged messages. */
export default function RelocationSummary({ incident, feed, me }: IncidentTabProps) {
  const model = useIncidentRelocation(incident.id, feed);
  const entries = boardEntries(model, incident.onsetAt, now.value);
  const overdue = entries.filter((e) => e.status.overdueMinutes > 0);
  const blocked = entries.filter((e) => e.blockers.length > 0);
  const understaffed = entries.filter((e) => e.status.understaffed);
  const working = entries.filter((e) => e.status.working).length;
  const away = entries.filter((e) => e.row.state !== "at_primary").length;
  const messages = model.messageList();
  const flagged = flaggedFor(messages, flagViewer(me), now.value, model.ackMinutes.value);
  const pending = messages.filter((m) => m.acknowledgedAt === null && (flagViewer(me) === "all" || m.toUnitId === me.unitId)).length;
  const href = `/incidents/${incident.id}/relocation`;

  return (
    <section class="card reloc-summary" aria-labelledby="reloc-summary-h" data-testid="relocation-summary">
      <h2 id="reloc-summary-h">
        <Link href={href}>{t("relocation.summary.title")}</Link>
      </h2>
      {!model.loaded.value || !standing.loaded.value ? (
        <p class="muted">{model.failed.value ? t("relocation.loadFailed") : t("loading")}</p>
      ) : (
        <>
          <p class="summary-counts">
            <span class={`badge ${overdue.length ? "overdue" : "ok"}`}>{t("relocation.count.overdue", { n: overdue.length })}</span>{" "}
            <span class={`badge ${flagged.length ? "overdue" : "ok"}`}>{t("relocation.count.flagged", { n: flagged.length })}</span>{" "}
            {pending > flagged.length && <span class="badge warn">{t("relocation.count.pending", { n: pending - flagged.length })}</span>}{" "}
            <span class={`badge ${blocked.length ? "warn" : "ok"}`}>{t("relocation.count.blocked", { n: blocked.length })}</span>{" "}
            <span class={`badge ${understaffed.length ? "warn" : "ok"}`}>{t("relocation.count.understaffed", { n: understaffed.length })}</span>{" "}
            <span class="badge">{t("relocation.count.working", { n: working, total: entries.length, away })}</span>
          </p>
          <ul class="summary-worst">
            {flagged.slice(0, 3).map((m) => (
              <li key={m.id} class="overdue">
                ⚠ {t("relocation.summary.unacked", { from: unitName(m.fromUnitId), to: unitName(m.toUnitId), span: formatDuration(now.value - Date.parse(m.sentAt)) })}：{m.body.slice(0, 50)}
              </li>
            ))}
            {overdue.slice(0, 4).map((e) => (
              <li key={e.fn.id} class="overdue">
                {stateBadge(e.row.state)} {fnName(e.fn)} — {t("relocation.overdue", { span: formatDuration(e.status.overdueMinutes * 60_000) })}
              </li>
            ))}
            {blocked.slice(0, 3).map((e) => (
              <li key={`b-${e.fn.id}`}>
                {fnName(e.fn)} — {t("relocation.blockersAt", { site: siteName(standing.site(e.blockerSiteId)), checks: e.blockers.map(blockerLabel).join("・") })}
              </li>
            ))}
          </ul>
          <Link href={href} class="btn">
            {t("relocation.summary.open")}
          </Link>
        </>
      )}
    </section>
  );
}

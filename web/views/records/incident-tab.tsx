import { useSignal } from "@preact/signals";
import { t } from "../../i18n";
import type { IncidentTabProps } from "../areas";
import { ReportsPanel } from "./reports";
import { ReviewPanel } from "./review";
import { TimelineSearch } from "./timeline-search";
import "./records.css";

/** The incident's records: its numbered situation reports, the search over its whole log, and a drill's review. */
export default function RecordsTab(props: IncidentTabProps) {
  const sub = useSignal<"reports" | "timeline" | "review">("reports");
  // Only a drill has an after-action review.
  const subs = props.incident.kind === "drill" ? (["reports", "timeline", "review"] as const) : (["reports", "timeline"] as const);
  return (
    <>
      <div class="rec-sub" role="group" aria-label={t("tab.records")}>
        {subs.map((s) => (
          <button key={s} class={`btn ${sub.value === s ? "btn-primary" : ""}`} aria-pressed={sub.value === s} onClick={() => (sub.value = s)}>
            {t(`records.sub.${s}`)}
          </button>
        ))}
      </div>
      {sub.value === "reports" ? <ReportsPanel {...props} /> : sub.value === "timeline" ? <TimelineSearch {...props} /> : <ReviewPanel {...props} />}
    </>
  );
}

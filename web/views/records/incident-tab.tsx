import { useSignal } from "@preact/signals";
import { t } from "../../i18n";
import type { IncidentTabProps } from "../areas";
import { ReportsPanel } from "./reports";
import { TimelineSearch } from "./timeline-search";
import "./records.css";

/** The incident's records: its numbered situation reports and the search over its whole log. */
export default function RecordsTab(props: IncidentTabProps) {
  const sub = useSignal<"reports" | "timeline">("reports");
  return (
    <>
      <div class="rec-sub" role="group" aria-label={t("tab.records")}>
        {(["reports", "timeline"] as const).map((s) => (
          <button key={s} class={`btn ${sub.value === s ? "btn-primary" : ""}`} aria-pressed={sub.value === s} onClick={() => (sub.value = s)}>
            {t(`records.sub.${s}`)}
          </button>
        ))}
      </div>
      {sub.value === "reports" ? <ReportsPanel {...props} /> : <TimelineSearch {...props} />}
    </>
  );
}

import { t } from "../../i18n";
import { Link } from "../../router";
import type { IncidentTabProps } from "../areas";

/** A link to the incident's situation reports and timeline search. */
export default function RecordsSummary({ incident }: IncidentTabProps) {
  return (
    <section class="card">
      <h2>
        <Link href={`/incidents/${incident.id}/records`}>{t("tab.records")}</Link>
      </h2>
    </section>
  );
}

import { t } from "../../i18n";
import { Link } from "../../router";
import type { PageProps } from "../areas";
import { ArchiveView } from "./archive";
import { ReadinessUnitsView } from "./readiness-units";
import { ReportPrint } from "./report-print";
import "./records.css";

/** /records/*: the archive (default), readiness across units, and a situation report's print view. */
export default function RecordsPage({ rest }: PageProps) {
  const [first, second, third] = rest.split("/").filter(Boolean);
  if (first === "report" && second && third) return <ReportPrint incidentId={second} number={Number(third)} />;
  return (
    <>
      <nav class="tabs rec-no-print" aria-label={t("nav.records")}>
        <Link href="/records" aria-current={first !== "readiness" ? "page" : undefined}>
          {t("records.page.archive")}
        </Link>
        <Link href="/records/readiness" aria-current={first === "readiness" ? "page" : undefined}>
          {t("records.page.readiness")}
        </Link>
      </nav>
      {first === "readiness" ? <ReadinessUnitsView /> : <ArchiveView />}
    </>
  );
}

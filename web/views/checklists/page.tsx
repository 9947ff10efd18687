import { t } from "../../i18n";
import { Link } from "../../router";
import type { PageProps } from "../areas";
import { PrintView } from "./print";
import { ReadinessView } from "./readiness";
import { TemplateEditor, TemplateList } from "./templates";
import "./checklists.css";

/** /checklists/*: peacetime readiness (default), templates, and the print view of an incident's checklist. */
export default function ChecklistsPage({ me, rest }: PageProps) {
  const [first, second, third] = rest.split("/").filter(Boolean);
  if (first === "print" && second) return <PrintView incidentId={second} unitId={third ?? null} />;
  return (
    <>
      <nav class="tabs" aria-label={t("checklists.title")}>
        <Link href="/checklists" aria-current={first !== "templates" ? "page" : undefined}>
          {t("checklists.page.readiness")}
        </Link>
        <Link href="/checklists/templates" aria-current={first === "templates" ? "page" : undefined}>
          {t("checklists.page.templates")}
        </Link>
      </nav>
      {first === "templates" ? second ? <TemplateEditor id={second} me={me} /> : <TemplateList me={me} /> : <ReadinessView me={me} />}
    </>
  );
}

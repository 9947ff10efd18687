import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { ArchivePage } from "../../../src/schema/incidents";
import { getJson } from "../../lib/api";
import { explain } from "../../lib/errors";
import { formatJst, t } from "../../i18n";
import { Link } from "../../router";
import { FilterForm, useFilters } from "./filters";

const HAZARDS = ["earthquake", "tsunami", "flood", "fire", "other"] as const;
type Query = { q: string; hazard: string; from: string; to: string };

/** The archive: closed incidents by title, hazard and onset date, each opened read-only. */
export function ArchiveView() {
  const filters = useFilters<Query>({ q: "", hazard: "", from: "", to: "" });
  const applied = filters.applied;
  const page = useSignal<ArchivePage | null>(null);
  const error = useSignal<string | null>(null);

  useEffect(() => {
    const query = Object.fromEntries(Object.entries(applied.value).filter(([, v]) => v.trim() !== ""));
    error.value = null;
    getJson("/api/archive/incidents", { query })
      .then((r) => (page.value = r))
      .catch((e) => (error.value = explain(e)));
  }, [applied.value]);

  return (
    <section class="card" aria-labelledby="archive-h">
      <h2 id="archive-h">{t("archive.title")}</h2>
      <FilterForm
        filters={filters}
        submitLabel={t("archive.search")}
        fields={[
          { name: "q", label: t("archive.q"), kind: "search" },
          { name: "hazard", label: t("archive.hazard"), kind: "select", choices: HAZARDS.map((h) => ({ value: h, label: t(`hazard.${h}`) })) },
          { name: "from", label: t("archive.from"), kind: "date" },
          { name: "to", label: t("archive.to"), kind: "date" },
        ]}
      />
      {error.value && (
        <p role="alert" class="error">
          {error.value}
        </p>
      )}
      {!page.value ? (
        <p class="muted">{t("loading")}</p>
      ) : page.value.items.length === 0 ? (
        <p class="muted">{t("archive.none")}</p>
      ) : (
        <>
          <p class="muted" role="status">
            {t("archive.count", { total: page.value.total })}
          </p>
          <ul class="rec-list" data-testid="archive">
            {page.value.items.map((i) => (
              <li key={i.id}>
                <span>
                  <span class={`badge kind-${i.kind}`}>{t(`kind.${i.kind}`)}</span> <span class="badge">{t(`hazard.${i.hazard}`)}</span>{" "}
                  <Link href={`/incidents/${i.id}`}>{i.title}</Link>
                </span>
                <span class="muted">
                  {t("incidents.onset", { time: formatJst(i.onsetAt) })} ・ {t("archive.closedAt", { time: i.closedAt ? formatJst(i.closedAt) : "—" })} ・{" "}
                  {t("archive.readOnly")}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

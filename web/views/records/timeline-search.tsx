import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { diffOf, isReference } from "../../../src/domain/timeline";
import type { TimelineEntry, TimelinePage } from "../../../src/schema/timeline";
import { ChronologyEntries } from "../../components/timeline";
import { getJson } from "../../lib/api";
import { explain } from "../../lib/errors";
import { fromJstLocalInput, has, t } from "../../i18n";
import { units, unitName } from "../../models/session";
import type { IncidentTabProps } from "../areas";
import { FilterForm, useFilters } from "./filters";

const PAGE = 50;
type Filters = { unitId: string; entityType: string; actorId: string; from: string; to: string; q: string };
const EMPTY: Filters = { unitId: "", entityType: "", actorId: "", from: "", to: "", q: "" };

/** The filters as the server reads them: only those set, times as JST instants. */
function queryOf(f: Filters, offset?: number): string {
  const p = new URLSearchParams();
  if (f.unitId) p.set("unitId", f.unitId);
  if (f.entityType) p.set("entityType", f.entityType);
  if (f.actorId) p.set("actorId", f.actorId);
  if (f.from) p.set("from", fromJstLocalInput(f.from));
  if (f.to) p.set("to", fromJstLocalInput(f.to));
  if (f.q.trim()) p.set("q", f.q.trim());
  if (offset !== undefined) p.set("limit", String(PAGE)), p.set("offset", String(offset));
  return p.toString();
}

const entityLabel = (type: string) => (has(`entity.${type}`) ? t(`entity.${type}`) : type);

/**
 * The names the server gave the ids in these changes (a site, a function), so a line reads as the
 * chronology does; units keep the console's own names, in the reader's language.
 */
function namesOf(items: readonly TimelineEntry[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const entry of items)
    for (const raw of diffOf(entry)) {
      const named = entry.diffs.find((d) => d.field === raw.field);
      if (!named || !isReference(raw.field)) continue;
      for (const [id, name] of [[raw.before, named.before], [raw.after, named.after]] as const)
        if (typeof id === "string" && !units.value.some((u) => u.id === id)) names.set(id, name);
    }
  return names;
}

/** Timeline search: the incident's whole log filtered on the server, each line as the chronology reads it. */
export function TimelineSearch({ incident }: IncidentTabProps) {
  const filters = useFilters<Filters>(EMPTY);
  const applied = filters.applied;
  const offset = useSignal(0);
  const page = useSignal<TimelinePage | null>(null);
  const error = useSignal<string | null>(null);

  useEffect(() => {
    error.value = null;
    getJson("/api/incidents/:id/timeline", { param: { id: incident.id }, query: Object.fromEntries(new URLSearchParams(queryOf(applied.value, offset.value))) })
      .then((p) => (page.value = p))
      .catch((e) => (error.value = explain(e)));
  }, [incident.id, applied.value, offset.value]);

  const p = page.value;

  return (
    <section class="card" aria-labelledby="tl-search-h">
      <h2 id="tl-search-h">{t("timeline.search.title")}</h2>
      <FilterForm
        filters={filters}
        submitLabel={t("timeline.search.submit")}
        onApply={() => (offset.value = 0)}
        fields={[
          { name: "unitId", label: t("timeline.search.unit"), kind: "select", choices: units.value.map((u) => ({ value: u.id, label: unitName(u.id) })) },
          {
            name: "entityType",
            label: t("timeline.search.entity"),
            kind: "select",
            choices: (p?.facets.entityTypes ?? []).map((e) => ({ value: e, label: entityLabel(e) })),
          },
          {
            name: "actorId",
            label: t("timeline.search.actor"),
            kind: "select",
            choices: (p?.facets.actors ?? []).map((a) => ({ value: a.id, label: `${a.name}（${unitName(a.unitId)}）` })),
          },
          { name: "from", label: t("timeline.search.from"), kind: "datetime-local" },
          { name: "to", label: t("timeline.search.to"), kind: "datetime-local" },
          { name: "q", label: t("timeline.search.text"), kind: "search" },
        ]}
      >
        <a class="btn" href={`/api/incidents/${incident.id}/timeline.csv?${queryOf(applied.value)}`} download>
          {t("timeline.search.csv")}
        </a>
      </FilterForm>
      {error.value && (
        <p role="alert" class="error">
          {error.value}
        </p>
      )}
      {!p ? (
        <p class="muted">{t("loading")}</p>
      ) : p.total === 0 ? (
        <p class="muted">{t("timeline.search.none")}</p>
      ) : (
        <>
          <p class="muted" role="status">
            {t("timeline.search.count", { total: p.total, from: offset.value + 1, to: offset.value + p.items.length })}
          </p>
          <ol class="timeline rec-results" data-testid="timeline-results">
            <ChronologyEntries changes={p.items} names={namesOf(p.items)} />
          </ol>
          <div class="actions">
            <button class="btn" disabled={offset.value === 0} onClick={() => (offset.value = Math.max(0, offset.value - PAGE))}>
              {t("timeline.search.prev")}
            </button>
            <button class="btn" disabled={offset.value + p.items.length >= p.total} onClick={() => (offset.value += PAGE)}>
              {t("timeline.search.next")}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

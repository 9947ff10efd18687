import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { TimelinePage } from "../../../src/schema/timeline";
import { getJson } from "../../lib/api";
import { explain } from "../../lib/errors";
import { formatJst, fromJstLocalInput, has, t } from "../../i18n";
import { units, unitName } from "../../models/session";
import type { IncidentTabProps } from "../areas";
import { fieldLabel } from "../../components/field-words";

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

/** Timeline search: the incident's whole log filtered on the server, before → after by name. */
export function TimelineSearch({ incident }: IncidentTabProps) {
  const draft = useSignal<Filters>(EMPTY);
  const applied = useSignal<Filters>(EMPTY);
  const offset = useSignal(0);
  const page = useSignal<TimelinePage | null>(null);
  const error = useSignal<string | null>(null);

  useEffect(() => {
    error.value = null;
    getJson("/api/incidents/:id/timeline", { param: { id: incident.id }, query: Object.fromEntries(new URLSearchParams(queryOf(applied.value, offset.value))) })
      .then((p) => (page.value = p))
      .catch((e) => (error.value = explain(e)));
  }, [incident.id, applied.value, offset.value]);

  const set = (k: keyof Filters) => (e: Event) => (draft.value = { ...draft.value, [k]: (e.currentTarget as HTMLInputElement).value });
  const p = page.value;

  return (
    <section class="card" aria-labelledby="tl-search-h">
      <h2 id="tl-search-h">{t("timeline.search.title")}</h2>
      <form
        class="rec-filters"
        onSubmit={(e) => {
          e.preventDefault();
          offset.value = 0;
          applied.value = draft.value;
        }}
      >
        <label>
          {t("timeline.search.unit")}
          <select name="unitId" value={draft.value.unitId} onChange={set("unitId")}>
            <option value="">{t("timeline.search.all")}</option>
            {units.value.map((u) => (
              <option key={u.id} value={u.id}>
                {unitName(u.id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("timeline.search.entity")}
          <select name="entityType" value={draft.value.entityType} onChange={set("entityType")}>
            <option value="">{t("timeline.search.all")}</option>
            {p?.facets.entityTypes.map((e) => (
              <option key={e} value={e}>
                {entityLabel(e)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("timeline.search.actor")}
          <select name="actorId" value={draft.value.actorId} onChange={set("actorId")}>
            <option value="">{t("timeline.search.all")}</option>
            {p?.facets.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}（{unitName(a.unitId)}）
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("timeline.search.from")}
          <input type="datetime-local" name="from" value={draft.value.from} onInput={set("from")} />
        </label>
        <label>
          {t("timeline.search.to")}
          <input type="datetime-local" name="to" value={draft.value.to} onInput={set("to")} />
        </label>
        <label>
          {t("timeline.search.text")}
          <input type="search" name="q" value={draft.value.q} onInput={set("q")} />
        </label>
        <div class="actions">
          <button class="btn btn-primary">{t("timeline.search.submit")}</button>
          <a class="btn" href={`/api/incidents/${incident.id}/timeline.csv?${queryOf(applied.value)}`} download>
            {t("timeline.search.csv")}
          </a>
        </div>
      </form>
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
            {p.items.map((c) => (
              <li key={c.seq} class="tl-entry">
                <div class="tl-head">
                  <span class="tl-seq">#{c.seq}</span>
                  <time dateTime={c.at}>{formatJst(c.at)}</time>
                  <span>{t("timeline.by", { name: c.actor.name, unit: unitName(c.actor.unitId) })}</span>
                </div>
                <div class="tl-what">
                  <strong>
                    {entityLabel(c.entityType)} {has(`op.${c.op}`) ? t(`op.${c.op}`) : c.op}
                  </strong>{" "}
                  {c.subject}
                </div>
                {c.diffs.length > 0 && (
                  <ul class="tl-diff">
                    {c.diffs.map((d) => (
                      <li key={d.field}>
                        <span class="tl-field">{fieldLabel(d.field)}</span>:{" "}
                        <del>{has(`${d.field}.${d.before}`) ? t(`${d.field}.${d.before}`) : d.before}</del> →{" "}
                        <ins>{has(`${d.field}.${d.after}`) ? t(`${d.field}.${d.after}`) : d.after}</ins>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
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

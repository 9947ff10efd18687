import { diffOf } from "../../src/domain/timeline";
import type { Change } from "../../src/schema/changes";
import { formatJst, has, lang, t } from "../i18n";
import { unitName } from "../models/session";

/** A value as people read it: instants in JST, enum values by their label ("phase.initial"). */
const show = (field: string, v: unknown): string => {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "string") {
    if (/^\d{4}-\d\d-\d\dT/.test(v)) return formatJst(v);
    return has(`${field}.${v}`) ? t(`${field}.${v}`) : v;
  }
  return JSON.stringify(v);
};

const entityLabel = (type: string) => (has(`entity.${type}`) ? t(`entity.${type}`) : type);
const opLabel = (op: string) => (has(`op.${op}`) ? t(`op.${op}`) : op);

/** The changed thing's own name, in the reader's language where it has one. */
function nameOf(change: Change): string {
  // Entity types name themselves in different fields: read them by name from whichever image there is.
  const img = new Map<string, unknown>(Object.entries(change.after ?? change.before ?? {}));
  const first = (...fields: string[]) => fields.map((f) => img.get(f)).find((v) => v !== undefined && v !== null);
  const en = lang.value === "en" ? first("titleEn", "nameEn", "textEn") : undefined;
  const name = en ?? first("title", "label", "name", "nameJa", "titleJa", "textJa") ?? "";
  return typeof name === "string" ? name : "";
}

/** The chronology: newest first; each entry says who, when, what, and before → after. */
export function Timeline({ changes }: { changes: Change[] }) {
  const newestFirst = [...changes].reverse();
  return (
    <section aria-labelledby="timeline-h" class="card">
      <h2 id="timeline-h">{t("timeline.title")}</h2>
      {newestFirst.length === 0 ? (
        <p class="muted">{t("timeline.empty")}</p>
      ) : (
        // A scrolling list must take keyboard focus so it can be scrolled without a mouse.
        <ol class="timeline" data-testid="timeline" tabIndex={0} aria-labelledby="timeline-h">
          {newestFirst.map((c) => (
            <TimelineEntry key={c.seq} change={c} />
          ))}
        </ol>
      )}
    </section>
  );
}

function TimelineEntry({ change }: { change: Change }) {
  const diffs = change.op === "update" ? diffOf(change) : [];
  return (
    <li class="tl-entry" data-seq={change.seq}>
      <div class="tl-head">
        <span class="tl-seq">#{change.seq}</span>
        <time dateTime={change.at}>{formatJst(change.at, { timeOnly: true })}</time>
        <span>{t("timeline.by", { name: change.actor.name, unit: unitName(change.actor.unitId) })}</span>
      </div>
      <div class="tl-what">
        <strong>
          {entityLabel(change.entityType)} {opLabel(change.op)}
        </strong>{" "}
        {nameOf(change)}
      </div>
      {diffs.length > 0 && (
        <ul class="tl-diff">
          {diffs.map((d) => (
            <li key={d.field}>
              <span class="tl-field">{has(`field.${d.field}`) ? t(`field.${d.field}`) : d.field}</span>: <del>{show(d.field, d.before)}</del> →{" "}
              <ins>{show(d.field, d.after)}</ins>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

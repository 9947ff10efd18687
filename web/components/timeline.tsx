import { chronologyOf, diffOf, showsDiffs, subjectOf } from "../../src/domain/timeline";
import type { Change } from "../../src/schema/changes";
import { formatDate, formatJst, has, lang, t } from "../i18n";
import { unitName } from "../models/session";
import { fieldLabel, fieldValue } from "./field-words";

/** A value as people read it (components/field-words.ts): instants in JST with their day, enum values by their label. */
const show = (entityType: string, field: string, v: unknown): string => fieldValue(field, v, entityType);

const entityLabel = (type: string) => (has(`entity.${type}`) ? t(`entity.${type}`) : type);
const opLabel = (op: string) => (has(`op.${op}`) ? t(`op.${op}`) : op);
const jstDay = (iso: string) => new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 10);

/** The chronology: newest first; each entry says when, who (by name), what it is about, and before → after. */
export function Timeline({ changes }: { changes: Change[] }) {
  const newestFirst = chronologyOf(changes).reverse();
  return (
    <section aria-labelledby="timeline-h" class="card">
      <h2 id="timeline-h">{t("timeline.title")}</h2>
      {newestFirst.length === 0 ? (
        <p class="muted">{t("timeline.empty")}</p>
      ) : (
        // A scrolling list must take keyboard focus so it can be scrolled without a mouse.
        <ol class="timeline" data-testid="timeline" tabIndex={0} aria-labelledby="timeline-h">
          {newestFirst.map((c, i) => (
            // A new JST day starts with its date, so a log that runs through midnight reads right.
            <TimelineEntry key={c.seq} change={c} dayStarts={i === 0 || jstDay(newestFirst[i - 1]!.at) !== jstDay(c.at)} />
          ))}
        </ol>
      )}
    </section>
  );
}

function TimelineEntry({ change, dayStarts }: { change: Change; dayStarts: boolean }) {
  const diffs = showsDiffs(change) ? diffOf(change) : [];
  const subject = subjectOf(change, unitName);
  return (
    <li class="tl-entry" data-seq={change.seq}>
      {dayStarts && <p class="tl-day">{formatDate(change.at)}</p>}
      <div class="tl-head">
        <span class="tl-seq">#{change.seq}</span>
        {/* The day stands above the entries of that day (tl-day), so each entry keeps to the time. */}
        <time dateTime={change.at}>{formatJst(change.at, { timeOnly: true })}</time>
        <span>{t("timeline.by", { name: change.actor.name, unit: unitName(change.actor.unitId) })}</span>
      </div>
      <div class="tl-what">
        {subject.priority && <span class={`badge ${subject.priority === "urgent" ? "overdue" : "warn"}`}>{t(`relocation.priority.${subject.priority}`)}</span>}{" "}
        <strong>
          {entityLabel(change.entityType)} {opLabel(change.op)}
        </strong>{" "}
        {subject.tagNumber && <span class="tl-tag">{t("timeline.tagNumber", { tag: subject.tagNumber })}</span>}{" "}
        {lang.value === "en" && subject.en ? subject.en : subject.ja}
        {change.entityType === "drill_tag" && change.after && (
          <span class="tl-category">
            {change.after.previousCategory && <>{t(`drills.cat.${change.after.previousCategory}`)} → </>}
            <span class={`tl-cat tl-cat-${change.after.category}`}>{t(`drills.cat.${change.after.category}`)}</span>
            {t("timeline.tagBy", { officer: change.after.officerName })}
          </span>
        )}
      </div>
      {diffs.length > 0 && (
        <ul class="tl-diff">
          {diffs.map((d) => (
            <li key={d.field}>
              <span class="tl-field">{fieldLabel(d.field)}</span>: <del>{show(change.entityType, d.field, d.before)}</del> →{" "}
              <ins>{show(change.entityType, d.field, d.after)}</ins>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

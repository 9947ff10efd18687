import { bodyLine } from "../../src/domain/liaison";
import { chronologyOf, diffOf, type Phrase, showsDiffs, subjectOf } from "../../src/domain/timeline";
import type { Change } from "../../src/schema/changes";
import { formatDate, formatJst, has, lang, t } from "../i18n";
import { unitName } from "../models/session";
import { fieldLabel, fieldValue } from "./field-words";

/**
 * A value as people read it (components/field-words.ts): instants in JST with their day, enum values
 * by their label, an id by the name the server gave it (`names`) when it did.
 */
const show = (entityType: string, field: string, v: unknown, names?: ReadonlyMap<string, string>): string =>
  (typeof v === "string" && names?.get(v)) || fieldValue(field, v, entityType);

const entityLabel = (type: string) => (has(`entity.${type}`) ? t(`entity.${type}`) : type);
const opLabel = (op: string) => (has(`op.${op}`) ? t(`op.${op}`) : op);
const jstDay = (iso: string) => new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 10);

/** The console's own words around a subject's names, in the reader's language. */
function phraseText(p: Phrase): string {
  switch (p.kind) {
    case "report":
      return t("reports.number", { n: p.number });
    case "units":
      return t("timeline.phrase.units", { units: p.units.join(t("timeline.phrase.and")), n: p.itemCount });
    case "message":
      return t("timeline.phrase.message", { from: p.from, to: p.to, kind: t(`relocation.kind.${p.messageKind}`), body: bodyLine(p.body) });
    case "move":
      return t(p.site ? "timeline.phrase.moveTo" : "timeline.phrase.move", { fn: p.fn, from: t(`relocation.state.${p.from}`), to: t(`relocation.state.${p.to}`), site: p.site ?? "" });
    case "check":
      return t("timeline.phrase.check", { site: p.site, check: t(`relocation.check.${p.key}`) });
  }
}

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
          <ChronologyEntries changes={newestFirst} />
        </ol>
      )}
    </section>
  );
}

/**
 * Chronology lines in the order given, each new JST day under its date (a log that runs through
 * midnight reads right). `names` holds the names of ids the server looked up (the timeline search).
 */
export function ChronologyEntries({ changes, names }: { changes: readonly Change[]; names?: ReadonlyMap<string, string> }) {
  return (
    <>
      {changes.map((c, i) => (
        <TimelineEntry key={c.seq} change={c} names={names} dayStarts={i === 0 || jstDay(changes[i - 1]!.at) !== jstDay(c.at)} />
      ))}
    </>
  );
}

function TimelineEntry({ change, dayStarts, names }: { change: Change; dayStarts: boolean; names?: ReadonlyMap<string, string> }) {
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
        {subject.phrase && phraseText(subject.phrase)}
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
              <span class="tl-field">{fieldLabel(d.field)}</span>: <del>{show(change.entityType, d.field, d.before, names)}</del> →{" "}
              <ins>{show(change.entityType, d.field, d.after, names)}</ins>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

import { type ReadonlySignal, type Signal, useComputed } from "@preact/signals";
import { useRef } from "preact/hooks";
import { mayWriteForUnit } from "../../../src/domain/access";
import { attentionOrder, type ItemFilter, matchesFilter } from "../../../src/domain/checklists";
import type { ChecklistItem, Progress, UnitProgress } from "../../../src/schema/checklists";
import type { Me } from "../../../src/schema/session";
import { localized, now, t } from "../../i18n";
import { unitName } from "../../models/session";
import { AddItem } from "./add-item";
import { ItemRow } from "./item-row";
import type { ChecklistModel } from "./model";

/** done / total as a bar with the numbers beside it (never the bar alone). */
export function ProgressBar({ p, label }: { p: Pick<Progress, "done" | "total">; label: string }) {
  const pct = p.total === 0 ? 100 : Math.round((p.done / p.total) * 100);
  return (
    <div class="cl-progress">
      <div class="bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={p.total} aria-valuenow={p.done}>
        <span style={{ width: `${pct}%` }} />
      </div>
      <span class="cl-progress-num">{t("checklists.progress", { done: p.done, total: p.total })}</span>
    </div>
  );
}

export function Counts({ p }: { p: Progress }) {
  return (
    <span class="cl-counts">
      {p.overdue > 0 && <span class="badge overdue">▲ {t("checklists.overdueCount", { n: p.overdue })}</span>}
      {p.blocked > 0 && <span class="badge warn">■ {t("checklists.blockedCount", { n: p.blocked })}</span>}
      {p.notApplicable > 0 && <span class="badge">{t("checklists.naCount", { n: p.notApplicable })}</span>}
    </span>
  );
}

type Props = {
  model: ChecklistModel;
  progress: UnitProgress;
  filter: Signal<ItemFilter>;
  open: boolean;
  onToggle: () => void;
  me: Me;
  closed: boolean;
  /** While a filter is on, a unit with nothing matching is left out. */
  hideWhenEmpty: boolean;
};

/**
 * A unit's checklist: progress per element, then its items with the overdue first. The visible
 * order is recomputed as items change, but a row re-renders only when its own item does.
 */
export function UnitCard({ model, progress: p, filter, open, onToggle, me, closed, hideWhenEmpty }: Props) {
  const editable = !closed && mayWriteForUnit(me, p.unitId);
  const last = useRef<Signal<ChecklistItem>[]>([]);
  const rows: ReadonlySignal<Signal<ChecklistItem>[]> = useComputed(() => {
    const at = now.value;
    const f = filter.value;
    const order = attentionOrder(at);
    const next = model
      .itemsOf(p.unitId)
      .filter((s) => matchesFilter(s.value, f, me, at))
      .sort((a, b) => order(a.value, b.value));
    // Same rows in the same order: keep the old array so the list does not re-render.
    const prev = last.current;
    if (prev.length === next.length && prev.every((s, i) => s === next[i])) return prev;
    last.current = next;
    return next;
  });
  const name = unitName(p.unitId);
  const list = rows.value;
  if (hideWhenEmpty && list.length === 0) return null;
  return (
    <section class={`card cl-unit${p.overdue > 0 ? " cl-unit-overdue" : ""}`} aria-labelledby={`cl-unit-${p.unitId}`}>
      <header class="cl-unit-head">
        <h3 id={`cl-unit-${p.unitId}`}>
          <button class="btn btn-quiet cl-toggle" aria-expanded={open} onClick={onToggle}>
            <span aria-hidden="true">{open ? "▾" : "▸"}</span> {name}
          </button>
        </h3>
        <Counts p={p} />
        <ProgressBar p={p} label={t("checklists.progressLabel", { name, done: p.done, total: p.total })} />
        <a class="btn" href={`/api/incidents/${model.incidentId}/checklists.csv?unitId=${p.unitId}`} download>
          {t("checklists.export.unitCsv")}
        </a>
      </header>
      {open && (
        <>
          <ul class="cl-sections">
            {p.sections.map((s) => (
              <li key={s.key}>
                <span class="cl-section-name">{localized(s.titleJa, s.titleEn)}</span>
                <ProgressBar p={s} label={`${s.titleJa} ${s.done} / ${s.total}`} />
                <Counts p={s} />
              </li>
            ))}
          </ul>
          {!editable && !closed && <p class="muted">{t("checklists.readOnly")}</p>}
          {editable && <AddItem model={model} unitId={p.unitId} />}
          {list.length === 0 ? (
            <p class="muted">{t("checklists.noMatch")}</p>
          ) : (
            <ol class="cl-items">
              {list.map((s) => (
                <ItemRow key={s.peek().id} item={s} model={model} me={me} editable={editable} />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

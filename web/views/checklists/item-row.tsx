import { type Signal, useComputed, useSignal } from "@preact/signals";
import { memo } from "preact/compat";
import { isOverdue, needsReason, TARGET_PRESETS, TRANSITIONS } from "../../../src/domain/checklists";
import type { ChecklistItem, ItemPatch, ItemState } from "../../../src/schema/checklists";
import type { Me } from "../../../src/schema/session";
import type { Change } from "../../../src/schema/changes";
import { ApiFailure, getAllPages, mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { formatCountdown, formatDuration, formatJst, lang, localized, now, t } from "../../i18n";
import type { ChecklistModel } from "./model";
import { FormError } from "../../components/form-error";

/** A shape beside each state's label, so state never rests on colour alone. */
export const STATE_MARK: Record<ItemState, string> = { todo: "○", in_progress: "◐", done: "●", blocked: "■", not_applicable: "－" };

export function StateBadge({ state }: { state: ItemState }) {
  return (
    <span class={`badge cl-state cl-state-${state}`}>
      <span aria-hidden="true">{STATE_MARK[state]}</span> {t(`checklists.state.${state}`)}
    </span>
  );
}

/** "3日以内" for the guide's steps, otherwise the span itself. */
export function targetSpan(minutes: number): string {
  const preset = TARGET_PRESETS.find((p) => p.minutes === minutes);
  return preset ? preset[lang.value] : t("checklists.within", { span: formatDuration(minutes * 60_000) });
}

export const targetText = (minutes: number) => t("checklists.target", { span: targetSpan(minutes) });

type Props = { item: Signal<ChecklistItem>; model: ChecklistModel; me: Me; editable: boolean };

/** One checklist item. Reads only its own signal, so other items' changes never re-render it. */
export const ItemRow = memo(function ItemRow({ item, model, me, editable }: Props) {
  const i = item.value;
  const asking = useSignal<"blocked" | "not_applicable" | "note" | null>(null);
  const draft = useSignal("");
  const busy = useSignal(false);
  const message = useSignal<string | null>(null);
  const history = useSignal<Change[] | null>(null);
  const overdue = useComputed(() => isOverdue(item.value, now.value));
  const rowClass = useComputed(() => `cl-item cl-item-${item.value.state}${overdue.value ? " overdue" : ""}`);
  const countdown = useComputed(() => (item.value.deadlineAt ? formatCountdown(item.value.deadlineAt, now.value) : ""));

  async function send(patch: Omit<ItemPatch, "version">) {
    busy.value = true;
    message.value = null;
    try {
      const done = await mutate("PATCH", "/api/checklists/items/:id", { param: { id: i.id }, body: { version: item.value.version, ...patch } });
      model.put(done.data);
      asking.value = null;
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 409 && e.current) {
        model.put(e.current as ChecklistItem);
        message.value = t("checklists.conflict");
      } else message.value = explain(e);
    } finally {
      busy.value = false;
    }
  }

  function choose(state: ItemState) {
    if (needsReason(state)) {
      draft.value = "";
      asking.value = state as "blocked" | "not_applicable";
    } else void send({ state });
  }

  async function toggleHistory() {
    if (history.value) return void (history.value = null);
    try {
      // The whole trail of one item: a page break would hide who changed it last.
      history.value = (await getAllPages("/api/checklists/items/:id/history", { param: { id: i.id } })).items;
    } catch (e) {
      message.value = explain(e);
    }
  }

  const text = localized(i.textJa, i.textEn);
  return (
    <li class={rowClass} data-item={i.id}>
      <div class="cl-item-main">
        <StateBadge state={i.state} />
        {overdue.value && <span class="badge overdue">{t("checklists.filter.overdue")}</span>}
        <span class="cl-item-text">{text}</span>
      </div>
      <div class="cl-item-meta muted">
        {i.deadlineAt ? (
          <>
            <strong class="cl-countdown">{countdown}</strong>
            <span>{t("checklists.deadline", { time: formatJst(i.deadlineAt) })}</span>
            <span>{targetText(i.targetMinutes!)}</span>
          </>
        ) : (
          <span>{t("checklists.noDeadline")}</span>
        )}
        <span>{i.ownerName ? t("checklists.owner", { name: i.ownerName }) : t("checklists.noOwner")}</span>
        <span>{t("checklists.changedAt", { time: formatJst(i.stateChangedAt) })}</span>
      </div>
      {i.reason && <p class="cl-reason">{t("checklists.reasonShown", { reason: i.reason })}</p>}
      {i.note && <p class="cl-note">{i.note}</p>}
      {editable && (
        <div class="actions cl-actions">
          {TRANSITIONS[i.state].map((s) => (
            <button key={s} class={`btn ${s === "done" ? "btn-primary" : ""}`} disabled={busy.value} onClick={() => choose(s)}>
              {t(`checklists.action.${s}`)}
            </button>
          ))}
          {i.ownerId === me.id ? (
            <button class="btn" disabled={busy.value} onClick={() => send({ ownerId: null })}>
              {t("checklists.action.release")}
            </button>
          ) : (
            <button class="btn" disabled={busy.value} onClick={() => send({ ownerId: me.id })}>
              {t("checklists.action.take")}
            </button>
          )}
          <button
            class="btn"
            disabled={busy.value}
            onClick={() => {
              draft.value = i.note ?? "";
              asking.value = "note";
            }}
          >
            {t("checklists.action.note")}
          </button>
        </div>
      )}
      <button class="btn btn-quiet cl-history-toggle" aria-expanded={!!history.value} onClick={toggleHistory}>
        {t("checklists.history")}
      </button>
      {history.value && (
        <ol class="cl-history">
          {history.value.length === 0 && <li class="muted">{t("checklists.history.none")}</li>}
          {history.value.map((c) => {
            // An item's history holds only its own changes; each carries the item as it became.
            const after = c.entityType === "checklist_item" ? c.after : null;
            if (!after) return null;
            return (
              <li key={c.seq}>
                {t("checklists.history.by", { time: formatJst(c.at), name: c.actor.name })} <StateBadge state={after.state} />
                {after.reason && ` ${after.reason}`}
                {after.note && ` — ${after.note}`}
              </li>
            );
          })}
        </ol>
      )}
      {asking.value && (
        <form
          class="cl-ask"
          onSubmit={(e) => {
            e.preventDefault();
            if (asking.value === "note") void send({ note: draft.value });
            else void send({ state: asking.value!, reason: draft.value });
          }}
        >
          <label>
            {asking.value === "note" ? t("checklists.note") : t("checklists.reasonFor", { state: t(`checklists.state.${asking.value}`) })}
            <textarea
              rows={2}
              required={asking.value !== "note"}
              value={draft.value}
              onInput={(e) => (draft.value = e.currentTarget.value)}
              autoFocus
            />
          </label>
          <div class="actions">
            <button class="btn btn-primary" type="submit" disabled={busy.value}>
              {t("checklists.action.save")}
            </button>
            <button class="btn" type="button" onClick={() => (asking.value = null)}>
              {t("checklists.action.cancel")}
            </button>
          </div>
        </form>
      )}
      <FormError message={message.value} />
    </li>
  );
});

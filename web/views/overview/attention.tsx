import { useSignal } from "@preact/signals";
import { memo } from "preact/compat";
import type { AttentionEntry } from "../../../src/domain/attention";
import { mayWriteForUnit } from "../../../src/domain/access";
import { mayAcknowledge } from "../../../src/domain/liaison";
import type { Me } from "../../../src/schema/session";
import { getJson, mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { formatDuration, formatJst, has, localized, now, t } from "../../i18n";
import { unitName } from "../../models/session";
import { Link } from "../../router";
import type { OverviewModel } from "./model";

const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** "What" and "why" of an entry in the reader's language. */
export function describe(e: AttentionEntry): { what: string; why: string } {
  const d = e.detail;
  const kind = t(`overview.kind.${e.kind}`);
  const subject = localized(e.subject, e.subjectEn);
  switch (e.kind) {
    case "message":
      return {
        what: subject,
        why: `${t("overview.why.message", {
          kind: t(`overview.messageKind.${str(d.messageKind)}`),
          priority: t(`overview.priority.${str(d.priority)}`),
          from: unitName(str(d.fromUnitId)),
          by: str(d.sentByName),
        })} ${unitName(e.unitId)}${d.overdueForAck ? `・${t("overview.why.messageOverdue")}` : ""}`,
      };
    case "request":
      return {
        what: subject,
        why: `${t("overview.why.request", { from: unitName(str(d.fromUnitId)), by: str(d.sentByName) })}${d.acknowledged ? `・${t("overview.why.requestAcked")}` : ""}`,
      };
    case "overdue_item":
      return {
        what: subject,
        why: `${t("overview.why.overdue_item", { span: formatDuration(Number(d.overdueMinutes) * 60_000) })}${d.owned ? "" : `・${t("overview.why.unowned")}`}`,
      };
    case "late_function":
      return {
        what: subject,
        why: t("overview.why.late_function", {
          target: formatDuration(Number(d.targetMinutes) * 60_000),
          span: formatDuration(Number(d.overdueMinutes) * 60_000),
          state: t(`relocation.state.${str(d.state)}`),
        }),
      };
    case "readiness_failed":
      return {
        what: subject,
        why: `${t("overview.why.readiness_failed", {
          checks: str(d.failed)
            .split(",")
            .map((k) => (has(`relocation.check.${k}`) ? t(`relocation.check.${k}`) : k))
            .join("・"),
        })}${d.inUse ? `・${t("overview.why.readinessInUse")}` : ""}`,
      };
    case "hospital": {
      const field = str(d.field);
      const what =
        field === "unreported"
          ? t("overview.hospital.unreported")
          : field === "updatedAt"
            ? t("overview.hospital.updatedAt", { span: formatDuration(now.value - Date.parse(str(d.value))) })
            : t(`overview.hospital.${field}`, { value: str(d.value) });
      return { what, why: kind };
    }
    case "under_triage":
      return { what: subject, why: t("overview.why.under_triage", { under: str(d.under), tagged: str(d.tagged), total: str(d.total) }) };
    case "overdue_action":
      return { what: subject, why: t("overview.why.overdue_action", { owner: str(d.owner), due: str(d.dueDate), drill: str(d.drillTitle) }) };
    case "silent_unit": {
      const span = formatDuration(Number(d.silentMinutes) * 60_000);
      return { what: unitName(e.unitId), why: d.neverReported ? t("overview.why.silentNever", { span }) : t("overview.why.silent_unit", { span }) };
    }
  }
}

/** The attention queue (要対応), most urgent first, with the seq it reflects. */
export function AttentionQueue({ model, me, limit = 60 }: { model: OverviewModel; me: Me; limit?: number }) {
  const keys = model.entryKeys.value;
  const counts = model.counts.value;
  const shown = keys.slice(0, limit);
  return (
    <section class="card attention" aria-labelledby="attention-h" data-testid="attention-queue" data-seq={model.seq.value}>
      <header class="attention-head">
        <h2 id="attention-h">
          {t("overview.attention.title")} <span class="badge">{t("overview.attention.count", { n: counts.total })}</span>{" "}
          {counts.urgent > 0 && <span class="badge rank-0">{t("overview.attention.urgentCount", { n: counts.urgent })}</span>}
        </h2>
        <p class="muted attention-asof">
          {model.loaded.value ? t("overview.attention.asOf", { seq: model.seq.value, time: formatJst(model.asOf.value, { short: true }) }) : t("loading")}
        </p>
      </header>
      {model.failed.value && (
        <p role="alert" class="error">
          {t("overview.loadFailed")}
        </p>
      )}
      {model.loaded.value && keys.length === 0 ? (
        <p class="ok-note">{t("overview.attention.none", { time: formatJst(model.asOf.value, { short: true }) })}</p>
      ) : (
        <ol class="attention-list" tabIndex={0} aria-label={t("overview.attention.title")}>
          {shown.map((k) => (
            <EntryRow key={k} model={model} entryKey={k} me={me} />
          ))}
        </ol>
      )}
      {counts.total > shown.length && <p class="muted">{t("overview.attention.more", { n: counts.total - shown.length })}</p>}
    </section>
  );
}

type RowProps = { model: OverviewModel; entryKey: string; me: Me };

/**
 * One entry of the queue. The queue itself re-renders with every picture (its seq and counts);
 * an entry re-renders only when its own signal changes, so a change to one item redraws one row.
 */
export const EntryRow = memo((props: RowProps) => <EntryLine {...props} />);

export function EntryLine({ model, entryKey, me }: RowProps) {
  const s = model.entry(entryKey);
  if (!s) return null;
  const e = s.value;
  const { what, why } = describe(e);
  const since = Date.parse(e.since);
  return (
    <li class={`attention-entry rank-${e.rank}`} data-key={e.key} data-rank={e.rank}>
      <div class="attention-line">
        <span class={`badge rank-${e.rank}`}>
          {e.rank === 0 ? "⚠ " : ""}
          {t(`overview.rank.${e.rank}`)}
        </span>
        <span class="attention-kind">{t(`overview.kind.${e.kind}`)}</span>
        <span class="attention-whose">{t("overview.attention.whose", { unit: unitName(e.unitId) })}</span>
      </div>
      <p class="attention-what">{what}</p>
      <p class="attention-why">{why}</p>
      <div class="attention-foot">
        <span class="muted">
          {Number.isNaN(since) ? "" : t("overview.attention.since", {
                // Always with its day, so "10:00" is never yesterday's.
                time: formatJst(e.since, { short: true }),
                span: formatDuration(now.value - since),
              })}
        </span>
        <Link href={`/incidents/${e.link.incidentId ?? model.incidentId}/${e.link.area}`} class="attention-link">
          {t("overview.attention.open")}
        </Link>
        <EntryAction model={model} entry={e} me={me} />
      </div>
    </li>
  );
}

function EntryAction({ model, entry: e, me }: { model: OverviewModel; entry: AttentionEntry; me: Me }) {
  const busy = useSignal(false);
  const open = useSignal(false);
  const text = useSignal("");
  const people = useSignal<{ id: string; displayName: string }[] | null>(null);
  const note = useSignal<string | null>(null);
  if (!e.action) return null;
  const allowed = e.action === "acknowledge" ? mayAcknowledge(me, { toUnitId: e.unitId }) : mayWriteForUnit(me, e.unitId);
  if (!allowed) return null;

  async function run(send: () => Promise<{ seq: number }>) {
    busy.value = true;
    note.value = null;
    try {
      const done = await send();
      note.value = t("overview.action.done", { seq: done.seq });
      open.value = false;
      model.schedule(0);
    } catch (err) {
      note.value = explain(err);
    } finally {
      busy.value = false;
    }
  }
  const id = e.link.entityId;
  // Acknowledge and assign come only from entries that carry a version (messages, items); 0 would be refused.

  if (e.action === "acknowledge")
    return (
      <>
        <button class="btn btn-primary" disabled={busy.value} onClick={() => run(() => mutate("POST", "/api/incidents/:id/liaison/:messageId/ack", { param: { id: model.incidentId, messageId: id }, body: { version: e.version ?? 0 } }))}>
          {t("overview.action.acknowledge")}
        </button>
        {note.value && <span role="status">{note.value}</span>}
      </>
    );
  if (!open.value)
    return (
      <>
        <button
          class="btn"
          onClick={async () => {
            open.value = true;
            if (e.action === "assign" && !people.value)
              people.value = (await getJson("/api/checklists/people", { query: { unitId: e.unitId } })).items;
          }}
        >
          {t(`overview.action.${e.action}`)}
        </button>
        {note.value && <span role="status">{note.value}</span>}
      </>
    );
  return (
    <form
      class="attention-form"
      onSubmit={(ev) => {
        ev.preventDefault();
        if (e.action === "answer") void run(() => mutate("POST", "/api/incidents/:id/liaison", { param: { id: model.incidentId }, body: { kind: "report", parentId: id, body: text.value } }));
        else void run(() => mutate("PATCH", "/api/checklists/items/:id", { param: { id }, body: { version: e.version ?? 0, ownerId: text.value } }));
      }}
    >
      {e.action === "answer" ? (
        <label>
          {t("overview.action.answerLabel", { unit: unitName(String(e.detail.fromUnitId ?? "")) })}
          <textarea required maxLength={2000} value={text.value} onInput={(ev) => (text.value = ev.currentTarget.value)} />
        </label>
      ) : (
        <label>
          {t("overview.action.assignLabel")}
          <select required value={text.value} onChange={(ev) => (text.value = ev.currentTarget.value)}>
            <option value="">{t("overview.action.choose")}</option>
            {(people.value ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </select>
        </label>
      )}
      <div class="actions">
        <button class="btn btn-primary" disabled={busy.value}>
          {t("overview.action.send")}
        </button>
        <button type="button" class="btn" onClick={() => (open.value = false)}>
          {t("overview.action.cancel")}
        </button>
      </div>
      {note.value && <span role="status">{note.value}</span>}
    </form>
  );
}

import { type Signal, signal, useSignal } from "@preact/signals";
import { useEffect, useState } from "preact/hooks";
import { mayWriteForUnit } from "../../../src/domain/access";
import { isVerificationOverdue, readinessAttentionOrder } from "../../../src/domain/checklists-readiness";
import { ELEMENTS, type Element, type ReadinessItem } from "../../../src/schema/checklists";
import type { Me } from "../../../src/schema/session";
import { ApiFailure, getJson, mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { openStream } from "../../lib/live";
import { createLiveModel, LiveCollection } from "../../lib/live-model";
import { formatJst, localized, now, t } from "../../i18n";
import { unitName } from "../../models/session";
import { FormError } from "../../components/form-error";
import { ElementSelect } from "./templates";

/** Peacetime readiness per unit: overdue and never-done checks first; kept live from the standing stream. */
export function ReadinessView({ me }: { me: Me }) {
  const [store] = useState(() => {
    const items = new LiveCollection<ReadinessItem>((i) => i.id);
    const asOf = signal({ at: "", seq: 0 });
    const live = createLiveModel({
      load: async () => {
        const v = await getJson("/api/checklists/readiness");
        items.replaceAll(v.items);
        asOf.value = { at: v.asOf, seq: v.seq };
        return { seq: v.seq };
      },
      changes: { readiness_item: { into: items } },
    });
    return { items, asOf, live };
  });
  const { items, asOf, live } = store;
  const onlyOverdue = useSignal(true);

  useEffect(() => {
    const feed = openStream("standing");
    live.attach(feed);
    return () => {
      live.detach();
      feed.release();
    };
  }, []);

  if (live.error.value) return <p class="error">{explain(live.error.value)}</p>;
  if (!live.loaded.value) return <p class="muted">{t("loading")}</p>;

  const at = now.value;
  const byUnit = new Map<string, Signal<ReadinessItem>[]>();
  for (const s of items.byId.value.values()) {
    const list = byUnit.get(s.value.unitId) ?? [];
    list.push(s);
    byUnit.set(s.value.unitId, list);
  }
  const units = [...byUnit.entries()]
    .map(([unitId, list]) => ({ unitId, list, overdue: list.filter((s) => isVerificationOverdue(s.value, at)).length }))
    .sort((a, b) => b.overdue - a.overdue);

  return (
    <section>
      <div class="page-head">
        <h1>{t("checklists.readiness.title")}</h1>
        <div class="actions">
          <label class="choice">
            <input type="checkbox" checked={onlyOverdue.value} onChange={(e) => (onlyOverdue.value = e.currentTarget.checked)} />
            {t("checklists.readiness.onlyOverdue")}
          </label>
          <a class="btn" href="/api/checklists/readiness.csv" download>
            {t("checklists.readiness.csv")}
          </a>
        </div>
      </div>
      <p class="muted">{t("checklists.readiness.help")}</p>
      <p class="muted">{t("checklists.asOf", { time: formatJst(asOf.value.at), seq: asOf.value.seq })}</p>
      {units.map((u) => (
        <UnitReadiness key={u.unitId} unitId={u.unitId} list={u.list} me={me} onlyOverdue={onlyOverdue.value} />
      ))}
    </section>
  );
}

function UnitReadiness({ unitId, list, me, onlyOverdue }: { unitId: string; list: Signal<ReadinessItem>[]; me: Me; onlyOverdue: boolean }) {
  const at = now.value;
  const sorted = [...list].sort((a, b) => readinessAttentionOrder(at)(a.value, b.value));
  const overdue = sorted.filter((s) => isVerificationOverdue(s.value, at));
  const never = list.filter((s) => s.value.lastVerifiedAt === null).length;
  const shown = onlyOverdue ? overdue : sorted;
  const editable = mayWriteForUnit(me, unitId);
  return (
    <section class={`card cl-unit${overdue.length > 0 ? " cl-unit-overdue" : ""}`}>
      <header class="cl-readiness-head">
        <h2>{unitName(unitId)}</h2>
        <span class="cl-counts">
          {overdue.length > 0 ? (
            <span class="badge overdue">▲ {t("checklists.readiness.overdue", { n: overdue.length })}</span>
          ) : (
            <span class="badge ok">✓ {t("checklists.readiness.ok")}</span>
          )}
          {never > 0 && <span class="badge warn">{t("checklists.readiness.never", { n: never })}</span>}
        </span>
        <a class="btn" href={`/api/checklists/readiness.csv?unitId=${unitId}`} download>
          CSV
        </a>
      </header>
      <ul class="cl-items">
        {shown.map((s) => (
          <ReadinessRow key={s.peek().id} item={s} editable={editable} />
        ))}
      </ul>
      {editable && <AddCheck unitId={unitId} />}
    </section>
  );
}

function ReadinessRow({ item, editable }: { item: Signal<ReadinessItem>; editable: boolean }) {
  const busy = useSignal(false);
  const message = useSignal<string | null>(null);
  const editing = useSignal(false);
  const i = item.value;
  const overdue = isVerificationOverdue(i, now.value);

  async function verifyNow() {
    busy.value = true;
    message.value = null;
    try {
      item.value = (await mutate("POST", "/api/checklists/readiness/:id/verifications", { param: { id: i.id }, body: { version: i.version } })).data;
      message.value = t("checklists.readiness.verified");
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 409 && e.current) item.value = e.current as ReadinessItem;
      message.value = explain(e);
    } finally {
      busy.value = false;
    }
  }

  return (
    <li class={`cl-item${overdue ? " overdue" : ""}`}>
      <div class="cl-item-main">
        {overdue ? <span class="badge overdue">▲ {t("checklists.filter.overdue")}</span> : <span class="badge ok">✓</span>}
        <span class="badge">{t(`checklists.element.${i.element}`)}</span>
        <span class="cl-item-text">{localized(i.textJa, i.textEn)}</span>
      </div>
      <div class="cl-item-meta muted">
        <span>{t("checklists.readiness.interval", { days: i.intervalDays })}</span>
        <span>
          {i.lastVerifiedAt ? t("checklists.readiness.last", { time: formatJst(i.lastVerifiedAt), name: i.lastVerifiedByName ?? "—" }) : t("checklists.readiness.neverDone")}
        </span>
        {i.dueAt && <span>{t("checklists.readiness.due", { time: formatJst(i.dueAt) })}</span>}
      </div>
      {editable && (
        <div class="actions cl-actions">
          <button class="btn btn-primary" disabled={busy.value} onClick={verifyNow}>
            {t("checklists.readiness.verify")}
          </button>
          <button class="btn" aria-expanded={editing.value} onClick={() => (editing.value = !editing.value)}>
            {t("checklists.readiness.edit")}
          </button>
        </div>
      )}
      {editing.value && <EditCheck item={item} onDone={() => (editing.value = false)} />}
      {message.value && <p role="status">{message.value}</p>}
    </li>
  );
}

function AddCheck({ unitId }: { unitId: string }) {
  const text = useSignal("");
  const element = useSignal<Element>("communications");
  const days = useSignal(30);
  const message = useSignal<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    message.value = null;
    try {
      // The new check arrives through the standing stream like everyone else's.
      await mutate("POST", "/api/checklists/readiness", { body: { unitId, element: element.value, textJa: text.value, intervalDays: days.value } });
      text.value = "";
    } catch (err) {
      message.value = explain(err);
    }
  }

  return (
    <details class="cl-add">
      <summary>{t("checklists.readiness.add")}</summary>
      <form class="form-grid" onSubmit={submit}>
        <CheckTextField text={text} />
        <ElementSelect value={element.value} choices={ELEMENTS} onChange={(el) => (element.value = el)} />
        <IntervalDaysField days={days} />
        <div class="actions">
          <button class="btn btn-primary" type="submit">
            {t("checklists.action.save")}
          </button>
        </div>
        <FormError message={message.value} />
      </form>
    </details>
  );
}

function EditCheck({ item, onDone }: { item: Signal<ReadinessItem>; onDone: () => void }) {
  const text = useSignal(item.value.textJa);
  const days = useSignal(item.value.intervalDays);
  const message = useSignal<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    message.value = null;
    try {
      const patch = { version: item.value.version, textJa: text.value, intervalDays: days.value };
      item.value = (await mutate("PATCH", "/api/checklists/readiness/:id", { param: { id: item.value.id }, body: patch })).data;
      onDone();
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 409 && err.current) item.value = err.current as ReadinessItem;
      message.value = explain(err);
    }
  }

  return (
    <form class="form-grid cl-add" onSubmit={submit}>
      <CheckTextField text={text} />
      <IntervalDaysField days={days} />
      <div class="actions">
        <button class="btn btn-primary" type="submit">
          {t("checklists.action.save")}
        </button>
        <button class="btn" type="button" onClick={onDone}>
          {t("checklists.action.cancel")}
        </button>
      </div>
      <FormError message={message.value} />
    </form>
  );
}

/** What is to be checked, as the add and edit forms both ask it. */
function CheckTextField({ text }: { text: Signal<string> }) {
  return (
    <label>
      {t("checklists.readiness.text")}
      <input required value={text.value} onInput={(e) => (text.value = e.currentTarget.value)} />
    </label>
  );
}

/** How many days a verification holds, as the add and edit forms both ask it. */
function IntervalDaysField({ days }: { days: Signal<number> }) {
  return (
    <label>
      {t("checklists.readiness.intervalDays")}
      <input type="number" min={1} max={3650} required value={days.value} onInput={(e) => (days.value = Number(e.currentTarget.value))} />
    </label>
  );
}

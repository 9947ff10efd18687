import type { Signal } from "@preact/signals";
import { useState } from "preact/hooks";
import { mayWriteForUnit } from "../../../src/domain/access";
import { mayEditFunction } from "../../../src/domain/relocation-rules";
import type { BcpFunction } from "../../../src/schema/relocation-board";
import type { Me } from "../../../src/schema/session";
import { mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { t } from "../../i18n";
import { unitName } from "../../models/session";
import { fnName, minutesLabel, siteName } from "./labels";
import { standing } from "./standing";
import { FormError } from "../../components/form-error";

/** 非常時優先業務 of the department: the function registry, editable by its own unit. */
export function FunctionRegistry({ me }: { me: Me }) {
  const [adding, setAdding] = useState(false);
  const functions = [...standing.functions.byId.value.values()].sort((a, b) => a.value.sortOrder - b.value.sortOrder || a.value.priority - b.value.priority);
  const mayAdd = mayWriteForUnit(me, "water");
  return (
    <section aria-labelledby="fn-registry-h">
      <div class="page-head">
        <h2 id="fn-registry-h">{t("relocation.registry.title")}</h2>
        {mayAdd && (
          <button class="btn btn-primary" onClick={() => setAdding(!adding)} aria-expanded={adding}>
            {t("relocation.registry.add")}
          </button>
        )}
      </div>
      {adding && <FunctionForm me={me} onDone={() => setAdding(false)} />}
      <ul class="fn-cards registry">
        {functions.map((f) => (
          <RegistryCard key={f.value.id} fn={f} me={me} />
        ))}
      </ul>
    </section>
  );
}

export function RegistryCard({ fn, me }: { fn: Signal<BcpFunction>; me: Me }) {
  const f = fn.value;
  const [editing, setEditing] = useState(false);
  return (
    <li class="fn-card" data-function={f.id}>
      <div class="fn-head">
        <span class="badge">{t("relocation.priority", { n: f.priority })}</span>
        <h3>{fnName(f)}</h3>
        <span class="muted">{unitName(f.unitId)}</span>
      </div>
      {f.description && <p>{f.description}</p>}
      <dl class="fn-facts">
        <div>
          <dt>{t("relocation.target")}</dt>
          <dd>{t("relocation.registry.within", { span: minutesLabel(f.targetMinutes) })}</dd>
        </div>
        <div>
          <dt>{t("relocation.staffNeeded")}</dt>
          <dd>{t("relocation.people", { n: f.staffNeeded })}</dd>
        </div>
        <div>
          <dt>{t("relocation.primarySite")}</dt>
          <dd>{siteName(standing.site(f.primarySiteId), f.primarySiteId)}</dd>
        </div>
        <div>
          <dt>{t("relocation.alternateSites")}</dt>
          <dd>
            <ol class="inline-list">
              {f.alternateSiteIds.map((id) => (
                <li key={id}>{siteName(standing.site(id), id)}</li>
              ))}
            </ol>
          </dd>
        </div>
        <div class="wide">
          <dt>{t("relocation.equipment")}</dt>
          <dd>{f.equipment.join("・") || "—"}</dd>
        </div>
      </dl>
      {mayEditFunction(me, f) && (
        <button class="btn" onClick={() => setEditing(!editing)} aria-expanded={editing}>
          {t("relocation.registry.edit")}
        </button>
      )}
      {editing && <FunctionForm me={me} current={f} onDone={() => setEditing(false)} />}
    </li>
  );
}

const TARGETS = [60, 180, 360, 720, 1440, 4320, 10080, 20160, 43200];

function FunctionForm({ me, current, onDone }: { me: Me; current?: BcpFunction; onDone: () => void }) {
  const facilities = [...standing.sites.byId.value.values()].map((s) => s.value).filter((s) => s.source === "city");
  const [nameJa, setNameJa] = useState(current?.nameJa ?? "");
  const [nameEn, setNameEn] = useState(current?.nameEn ?? "");
  const [description, setDescription] = useState(current?.description ?? "");
  const [priority, setPriority] = useState(current?.priority ?? 2);
  const [target, setTarget] = useState(current?.targetMinutes ?? 1440);
  const [staff, setStaff] = useState(current?.staffNeeded ?? 1);
  const [equipment, setEquipment] = useState((current?.equipment ?? []).join("、"));
  const [primary, setPrimary] = useState(current?.primarySiteId ?? "water-hq");
  const [alternates, setAlternates] = useState<string[]>([...(current?.alternateSiteIds ?? []), "", ""].slice(0, 3));
  const [error, setError] = useState<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    const body = {
      nameJa,
      nameEn,
      description,
      priority,
      targetMinutes: target,
      staffNeeded: staff,
      equipment: equipment.split(/[、,，\n]/).map((s) => s.trim()).filter(Boolean),
      primarySiteId: primary,
      alternateSiteIds: alternates.filter(Boolean),
    };
    try {
      if (current) await mutate("PATCH", "/api/relocation/functions/:id", { param: { id: current.id }, body: { version: current.version, ...body } });
      else await mutate("POST", "/api/relocation/functions", { body: { unitId: me.unitId === "hq" ? "water" : me.unitId, ...body } });
      onDone();
    } catch (err) {
      setError(explain(err));
    }
  }

  const siteOptions = (withEmpty: boolean) => [
    ...(withEmpty ? [<option key="" value="">—</option>] : []),
    ...facilities.map((s) => (
      <option key={s.id} value={s.id}>
        {siteName(s)}
      </option>
    )),
  ];
  return (
    <form class="form-grid card" onSubmit={submit}>
      <label>
        {t("relocation.form.nameJa")}
        <input required maxLength={200} value={nameJa} onInput={(e) => setNameJa(e.currentTarget.value)} />
      </label>
      <label>
        {t("relocation.form.nameEn")}
        <input maxLength={200} value={nameEn} onInput={(e) => setNameEn(e.currentTarget.value)} />
      </label>
      <label>
        {t("relocation.form.priority")}
        <select value={priority} onChange={(e) => setPriority(Number(e.currentTarget.value))}>
          {[1, 2, 3, 4, 5].map((p) => (
            <option key={p} value={p}>
              {t("relocation.priority", { n: p })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("relocation.form.target")}
        <select value={target} onChange={(e) => setTarget(Number(e.currentTarget.value))}>
          {[...new Set([...TARGETS, target])].sort((a, b) => a - b).map((m) => (
            <option key={m} value={m}>
              {t("relocation.registry.within", { span: minutesLabel(m) })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("relocation.staffNeeded")}
        <input type="number" min={0} max={999} value={staff} onInput={(e) => setStaff(Number(e.currentTarget.value))} />
      </label>
      <label>
        {t("relocation.primarySite")}
        <select value={primary} onChange={(e) => setPrimary(e.currentTarget.value)}>
          {siteOptions(false)}
        </select>
      </label>
      {alternates.map((a, i) => (
        <label key={i}>
          {t("relocation.form.alternate", { n: i + 1 })}
          <select value={a} onChange={(e) => setAlternates(alternates.map((x, j) => (j === i ? e.currentTarget.value : x)))}>
            {siteOptions(true)}
          </select>
        </label>
      ))}
      <label>
        {t("relocation.equipment")}
        <textarea rows={2} value={equipment} onInput={(e) => setEquipment(e.currentTarget.value)} />
      </label>
      <label>
        {t("relocation.form.description")}
        <textarea rows={2} maxLength={1000} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
      </label>
      <FormError message={error} />
      <div class="actions">
        <button class="btn btn-primary" type="submit">
          {t("relocation.form.save")}
        </button>
        <button class="btn" type="button" onClick={onDone}>
          {t("relocation.form.cancel")}
        </button>
      </div>
    </form>
  );
}

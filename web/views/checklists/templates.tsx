import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { mayEditTemplates, TARGET_PRESETS } from "../../../src/domain/checklists";
import { type Element, ELEMENTS, type Template, type TemplateSummary } from "../../../src/schema/checklists";
import type { Me } from "../../../src/schema/session";
import { ApiFailure, type FieldError, getJson, mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { formatJst, lang, localized, t } from "../../i18n";
import { unitName, units } from "../../models/session";
import { Link, navigate } from "../../router";
import { FormError } from "../../components/form-error";
import { targetSpan } from "./item-row";

const targetLabel = (m: number | null) => (m === null ? t("checklists.noDeadline") : targetSpan(m));

export function TemplateList({ me }: { me: Me }) {
  const list = useSignal<TemplateSummary[] | null>(null);
  const error = useSignal<string | null>(null);
  useEffect(() => {
    getJson("/api/checklists/templates")
      .then((r) => (list.value = r.items))
      .catch((e) => (error.value = explain(e)));
  }, []);
  if (error.value) return <p class="error">{error.value}</p>;
  if (!list.value) return <p class="muted">{t("loading")}</p>;
  return (
    <section>
      <h1>{t("checklists.templates.title")}</h1>
      <p class="muted">{t("checklists.templates.help")}</p>
      <ul class="cl-template-list">
        {list.value.map((tp) => (
          <li key={tp.id} class="card">
            <Link href={`/checklists/templates/${tp.id}`}>{localized(tp.titleJa, tp.titleEn)}</Link>{" "}
            <span class="badge">{tp.unitId ? unitName(tp.unitId) : t("checklists.templates.allUnits")}</span>{" "}
            <span class="muted">
              {t("checklists.templates.items", { n: tp.itemCount })}・{t("checklists.templates.version", { v: tp.version })}・{formatJst(tp.updatedAt)}
            </span>
          </li>
        ))}
      </ul>
      {mayEditTemplates(me) && <NewTemplate />}
    </section>
  );
}

/** Starts a template with one element and one item; the editor adds the rest. */
function NewTemplate() {
  const title = useSignal("");
  const unitId = useSignal("");
  const element = useSignal<Element>("priority_business");
  const firstItem = useSignal("");
  const message = useSignal<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    message.value = null;
    try {
      const body = {
        titleJa: title.value,
        unitId: unitId.value || null,
        sections: [{ key: element.value, titleJa: t(`checklists.element.${element.value}`), items: [{ textJa: firstItem.value, targetMinutes: null }] }],
      };
      const done = await mutate("POST", "/api/checklists/templates", { body });
      navigate(`/checklists/templates/${done.data.id}`);
    } catch (err) {
      message.value = explain(err);
    }
  }

  return (
    <details class="card cl-add">
      <summary>{t("checklists.templates.new")}</summary>
      <form class="form-grid" onSubmit={submit}>
        <label>
          {t("checklists.templates.titleField")}
          <input required value={title.value} onInput={(e) => (title.value = e.currentTarget.value)} />
        </label>
        <label>
          {t("checklists.filter.unit")}
          <select value={unitId.value} onChange={(e) => (unitId.value = e.currentTarget.value)}>
            <option value="">{t("checklists.templates.allUnits")}</option>
            {units.value.map((u) => (
              <option key={u.id} value={u.id}>
                {lang.value === "en" ? u.nameEn : u.nameJa}
              </option>
            ))}
          </select>
        </label>
        <ElementSelect value={element.value} choices={ELEMENTS} onChange={(el) => (element.value = el)} />
        <label>
          {t("checklists.templates.textJa")}
          <input required value={firstItem.value} onInput={(e) => (firstItem.value = e.currentTarget.value)} />
        </label>
        <div class="actions">
          <button class="btn btn-primary" type="submit">
            {t("checklists.templates.create")}
          </button>
        </div>
        <FormError message={message.value} />
      </form>
    </details>
  );
}

/** A template's sections and items; administrators edit and save it over the version they loaded. */
export function TemplateEditor({ id, me }: { id: string; me: Me }) {
  const template = useSignal<Template | null>(null);
  const error = useSignal<string | null>(null);
  const fields = useSignal<FieldError[]>([]);
  const saved = useSignal<string | null>(null);
  const editable = mayEditTemplates(me);

  useEffect(() => {
    getJson("/api/checklists/templates/:id", { param: { id } })
      .then((tp) => (template.value = tp))
      .catch((e) => (error.value = explain(e)));
  }, [id]);

  if (!template.value) return error.value ? <p class="error">{error.value}</p> : <p class="muted">{t("loading")}</p>;
  const tp = template.value;
  const fieldError = (path: string) => fields.value.find((f) => f.path === path)?.message;
  const update = (fn: (draft: Template) => void) => {
    const draft = structuredClone(tp);
    fn(draft);
    template.value = draft;
  };

  async function save(e: Event) {
    e.preventDefault();
    error.value = null;
    fields.value = [];
    saved.value = null;
    const { id: _id, updatedAt: _u, updatedBy: _b, ...rest } = tp;
    // New items have no key yet; the server gives them one.
    const sections = tp.sections.map((s) => ({ ...s, items: s.items.map(({ key, ...item }) => (key ? { key, ...item } : item)) }));
    try {
      const done = await mutate("PUT", "/api/checklists/templates/:id", { param: { id }, body: { ...rest, sections } });
      template.value = done.data;
      saved.value = t("checklists.templates.saved", { v: done.data.version });
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 409 && err.current) template.value = err.current as Template;
      if (err instanceof ApiFailure) fields.value = err.fields;
      error.value = explain(err);
    }
  }

  return (
    <form class="cl-template" onSubmit={save}>
      <Link href="/checklists/templates">{t("checklists.templates.back")}</Link>
      <h1>{localized(tp.titleJa, tp.titleEn)}</h1>
      <p class="muted">
        {tp.unitId ? unitName(tp.unitId) : t("checklists.templates.allUnits")}・{t("checklists.templates.version", { v: tp.version })}・{formatJst(tp.updatedAt)}
      </p>
      {!editable && <p class="muted">{t("checklists.templates.adminOnly")}</p>}
      {tp.sections.map((s, si) => (
        <fieldset key={si} class="card cl-template-section" disabled={!editable}>
          <legend>{localized(s.titleJa, s.titleEn)}</legend>
          {editable && (
            <div class="form-grid">
              <label>
                {t("checklists.templates.sectionKey")}
                <input value={s.key} onInput={(e) => update((d) => (d.sections[si]!.key = e.currentTarget.value))} />
                <FieldMessage text={fieldError(`sections.${si}.key`)} />
              </label>
              <label>
                {t("checklists.templates.sectionTitle")}
                <input value={s.titleJa} onInput={(e) => update((d) => (d.sections[si]!.titleJa = e.currentTarget.value))} />
                <FieldMessage text={fieldError(`sections.${si}.titleJa`)} />
              </label>
            </div>
          )}
          <FieldMessage text={fieldError(`sections.${si}.items`)} />
          <ol class="cl-template-items">
            {s.items.map((item, ii) => {
              const path = `sections.${si}.items.${ii}`;
              return (
                <li key={`${item.key}-${ii}`}>
                  {editable ? (
                    <div class="cl-template-item">
                      <label>
                        {t("checklists.templates.textJa")}
                        <input value={item.textJa} aria-invalid={!!fieldError(`${path}.textJa`)} onInput={(e) => update((d) => (d.sections[si]!.items[ii]!.textJa = e.currentTarget.value))} />
                        <FieldMessage text={fieldError(`${path}.textJa`) ?? fieldError(`${path}.key`)} />
                      </label>
                      <label>
                        {t("checklists.templates.textEn")}
                        <input value={item.textEn} onInput={(e) => update((d) => (d.sections[si]!.items[ii]!.textEn = e.currentTarget.value))} />
                      </label>
                      <TargetInput value={item.targetMinutes} onChange={(m) => update((d) => (d.sections[si]!.items[ii]!.targetMinutes = m))} />
                      <button type="button" class="btn" onClick={() => update((d) => d.sections[si]!.items.splice(ii, 1))}>
                        {t("checklists.templates.removeItem")}
                      </button>
                    </div>
                  ) : (
                    <span>
                      {localized(item.textJa, item.textEn)} <span class="badge">{targetLabel(item.targetMinutes)}</span>{" "}
                      <span class="badge applies-to">
                        {item.unitIds === null ? t("checklists.templates.forEveryUnit") : t("checklists.templates.forUnits", { units: item.unitIds.map(unitName).join("・") })}
                      </span>
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
          {editable && (
            <button type="button" class="btn" onClick={() => update((d) => d.sections[si]!.items.push({ key: "", textJa: "", textEn: "", targetMinutes: null, unitIds: null }))}>
              {t("checklists.templates.addItem")}
            </button>
          )}
        </fieldset>
      ))}
      {editable && (
        <div class="actions">
          <button type="button" class="btn" onClick={() => update((d) => d.sections.push({ key: `section-${d.sections.length + 1}`, titleJa: "", titleEn: "", items: [] }))}>
            {t("checklists.templates.addSection")}
          </button>
          <button class="btn btn-primary" type="submit">
            {t("checklists.templates.save")}
          </button>
        </div>
      )}
      <FormError message={error.value} />
      {saved.value && <p role="status">{saved.value}</p>}
    </form>
  );
}

/** "sections.0.items.2.textJa" as people count it: element 1, item 3. */
function where(path: string): string {
  const m = /sections\.(\d+)(?:\.items\.(\d+))?/.exec(path);
  if (!m) return path;
  const section = Number(m[1]) + 1;
  return m[2] === undefined ? t("checklists.field.section", { s: section }) : t("checklists.field.item", { s: section, i: Number(m[2]) + 1 });
}

/** The server's field messages in the reader's language, for the ones a template editor meets. */
function fieldText(message: string): string {
  if (message === "must not be empty") return t("checklists.field.empty");
  if (message === "a section needs at least one item") return t("checklists.field.noItems");
  const dup = /^duplicate .*\(same as (.+)\)$/.exec(message);
  if (dup) return t("checklists.field.duplicate", { other: where(dup[1]!) });
  return message;
}

function FieldMessage({ text }: { text: string | undefined }) {
  return text ? <span class="cl-field-error">{fieldText(text)}</span> : null;
}

/** Target start: one of the guide's steps, none, or any number of minutes. */
export function TargetInput({ value, onChange }: { value: number | null; onChange: (m: number | null) => void }) {
  const preset = value === null ? "none" : TARGET_PRESETS.some((p) => p.minutes === value) ? String(value) : "custom";
  return (
    <label>
      {t("checklists.templates.target")}
      <select
        value={preset}
        onChange={(e) => {
          const v = e.currentTarget.value;
          onChange(v === "none" ? null : v === "custom" ? (value ?? 60) : Number(v));
        }}
      >
        <option value="none">{t("checklists.templates.targetNone")}</option>
        {TARGET_PRESETS.map((p) => (
          <option key={p.minutes} value={String(p.minutes)}>
            {p[lang.value]}
          </option>
        ))}
        <option value="custom">{t("checklists.templates.targetCustom")}</option>
      </select>
      {preset === "custom" && (
        <input type="number" min={1} max={525600} value={value ?? 60} aria-label={t("checklists.templates.minutes")} onInput={(e) => onChange(Number(e.currentTarget.value) || null)} />
      )}
    </label>
  );
}

/** The plan element a new item or check belongs to, named as in the plan. */
export function ElementSelect<K extends string>({ value, choices, onChange }: { value: K; choices: readonly K[]; onChange: (key: K) => void }) {
  return (
    <label>
      {t("checklists.templates.sectionTitle")}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value as K)}>
        {choices.map((key) => (
          <option key={key} value={key}>
            {t(`checklists.element.${key}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

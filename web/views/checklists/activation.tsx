import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { mayWriteForUnit } from "../../../src/domain/access";
import type { TemplateSummary } from "../../../src/schema/checklists";
import type { Incident } from "../../../src/schema/incidents";
import type { Me } from "../../../src/schema/session";
import { ApiFailure, getJson, mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { lang, localized, t } from "../../i18n";
import { unitName, units } from "../../models/session";
import type { ChecklistModel } from "./model";

/** Choose units and activate their checklists in one step. */
export function ActivationPanel({ incident, model, me, startOpen }: { incident: Incident; model: ChecklistModel; me: Me; startOpen: boolean }) {
  const chosen = useSignal<Set<string>>(new Set(me.role === "admin" ? [] : [me.unitId]));
  const busy = useSignal(false);
  const message = useSignal<{ kind: "ok" | "error"; text: string } | null>(null);
  const templates = useSignal<TemplateSummary[]>([]);
  /** Templates left out of this activation; every applicable one is in by default. */
  const leftOut = useSignal<Set<string>>(new Set());
  useEffect(() => {
    getJson("/api/checklists/templates")
      .then((r) => (templates.value = r.items))
      .catch(() => {});
  }, []);
  const active = model.idsByUnit.value;
  const allowed = units.value.filter((u) => mayWriteForUnit(me, u.id) && !active.has(u.id));
  const applicable = templates.value.filter((tp) => tp.unitId === null || chosen.value.has(tp.unitId));
  const templateIds = applicable.filter((tp) => !leftOut.value.has(tp.id)).map((tp) => tp.id);

  function toggle(id: string) {
    const next = new Set(chosen.value);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    chosen.value = next;
  }

  async function submit(e: Event) {
    e.preventDefault();
    busy.value = true;
    message.value = null;
    try {
      // Name the templates only when some were left out; otherwise every applicable one is activated.
      const body = leftOut.value.size > 0 ? { unitIds: [...chosen.value], templateIds } : { unitIds: [...chosen.value] };
      const done = await mutate("POST", "/api/incidents/:id/checklists/activations", { param: { id: incident.id }, body });
      message.value = { kind: "ok", text: t("checklists.activate.done", { n: done.data.itemCount }) };
      chosen.value = new Set();
      await model.load();
    } catch (err) {
      const future = err instanceof ApiFailure && err.code === "onset_in_future";
      message.value = { kind: "error", text: future ? t("checklists.activate.onsetFuture") : explain(err) };
    } finally {
      busy.value = false;
    }
  }

  return (
    <details class="card cl-activate" open={startOpen}>
      <summary>
        <h2 class="cl-inline">{t("checklists.activate.title")}</h2>{" "}
        {/* Closed after activation, the card still says what is active and how to add more. */}
        <span class="muted" data-testid="activation-status">
          {active.size === 0
            ? t("checklists.activate.noneYet")
            : t("checklists.activate.activeUnits", { n: active.size, units: [...active.keys()].map(unitName).join("・") })}
        </span>
        {message.value?.kind === "ok" && (
          <span class="cl-ok" role="status">
            {" "}
            {message.value.text}
          </span>
        )}
      </summary>
      <p class="muted">{t("checklists.activate.help")}</p>
      <form onSubmit={submit}>
        <fieldset class="cl-unit-choices">
          <legend class="sr-only">{t("checklists.filter.unit")}</legend>
          {units.value.map((u) => {
            const isActive = active.has(u.id);
            const may = mayWriteForUnit(me, u.id);
            return (
              <label key={u.id} class="choice">
                <input type="checkbox" checked={chosen.value.has(u.id)} disabled={isActive || !may} onChange={() => toggle(u.id)} />
                {lang.value === "en" ? u.nameEn : u.nameJa}
                {isActive && <span class="badge ok">✓ {t("checklists.activate.already")}</span>}
              </label>
            );
          })}
        </fieldset>
        {applicable.length > 0 && (
          <fieldset class="cl-template-choices">
            <legend>{t("checklists.activate.templates")}</legend>
            {applicable.map((tp) => (
              <label key={tp.id} class="choice">
                <input
                  type="checkbox"
                  checked={!leftOut.value.has(tp.id)}
                  onChange={() => {
                    const next = new Set(leftOut.value);
                    if (next.has(tp.id)) next.delete(tp.id);
                    else next.add(tp.id);
                    leftOut.value = next;
                  }}
                />
                {localized(tp.titleJa, tp.titleEn)}
                <span class="muted">
                  {t("checklists.activate.templateMeta", { unit: tp.unitId ? unitName(tp.unitId) : t("checklists.templates.allUnits"), n: tp.itemCount })}
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <div class="actions">
          {allowed.length > 1 && (
            <button type="button" class="btn" onClick={() => (chosen.value = new Set(allowed.map((u) => u.id)))}>
              {t("checklists.activate.selectAll")}
            </button>
          )}
          <button class="btn btn-primary" type="submit" disabled={busy.value || chosen.value.size === 0 || templateIds.length === 0}>
            {t("checklists.activate.submit")}
          </button>
        </div>
        {message.value && (
          <p class={message.value.kind === "error" ? "error" : "cl-ok"} role={message.value.kind === "error" ? "alert" : "status"}>
            {message.value.text}
          </p>
        )}
      </form>
    </details>
  );
}

import { useSignal } from "@preact/signals";
import { ADDED_SECTION, ELEMENTS, type Element } from "../../../src/schema/checklists";
import { mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { t } from "../../i18n";
import type { ChecklistModel } from "./model";
import { ElementSelect, TargetInput } from "./templates";
import { FormError } from "../../components/form-error";

/** Adds a task the plan did not foresee to one unit's checklist for this incident. */
export function AddItem({ model, unitId }: { model: ChecklistModel; unitId: string }) {
  const text = useSignal("");
  const section = useSignal<Element | typeof ADDED_SECTION>(ADDED_SECTION);
  const target = useSignal<number | null>(null);
  const message = useSignal<string | null>(null);
  const busy = useSignal(false);

  async function submit(e: Event) {
    e.preventDefault();
    busy.value = true;
    message.value = null;
    try {
      const body = { unitId, items: [{ sectionKey: section.value, textJa: text.value, targetMinutes: target.value }] };
      await mutate("POST", "/api/incidents/:id/checklists/items", { param: { id: model.incidentId }, body });
      text.value = "";
      await model.load();
    } catch (err) {
      message.value = explain(err);
    } finally {
      busy.value = false;
    }
  }

  return (
    <details class="cl-add">
      <summary>{t("checklists.add.title")}</summary>
      <form class="form-grid" onSubmit={submit}>
        <label>
          {t("checklists.add.text")}
          <input required maxLength={300} value={text.value} onInput={(e) => (text.value = e.currentTarget.value)} />
        </label>
        <ElementSelect value={section.value} choices={[ADDED_SECTION, ...ELEMENTS]} onChange={(key) => (section.value = key)} />
        <TargetInput value={target.value} onChange={(m) => (target.value = m)} />
        <div class="actions">
          <button class="btn btn-primary" type="submit" disabled={busy.value}>
            {t("checklists.add.submit")}
          </button>
        </div>
        <FormError message={message.value} />
      </form>
    </details>
  );
}

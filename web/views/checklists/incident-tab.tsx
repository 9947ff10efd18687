import { useSignal } from "@preact/signals";
import { useEffect, useMemo } from "preact/hooks";
import type { ItemFilter } from "../../../src/domain/checklists";
import { formatJst, t } from "../../i18n";
import { unitName } from "../../models/session";
import { Link } from "../../router";
import type { IncidentTabProps } from "../areas";
import { ActivationPanel } from "./activation";
import { checklistModel, releaseChecklistModel } from "./model";
import { UnitCard } from "./unit-card";
import "./checklists.css";

const FILTERS: ItemFilter[] = ["all", "overdue", "blocked", "mine"];

/** The incident's BCP checklists: every unit's progress, overdue first, worked live. */
export default function ChecklistsTab({ incident, feed, me }: IncidentTabProps) {
  const model = useMemo(() => checklistModel(incident.id, feed), [incident.id, feed]);
  useEffect(() => () => releaseChecklistModel(model), [model]);
  const filter = useSignal<ItemFilter>("all");
  const unitFilter = useSignal("");
  const open = useSignal<Set<string>>(new Set([me.unitId]));

  if (!model.loaded.value) {
    return model.error.value ? (
      <p class="error" role="alert">
        {model.error.value}
      </p>
    ) : (
      <p class="muted">{t("checklists.loading")}</p>
    );
  }

  const closed = incident.status === "closed";
  // Units with overdue items first, then blocked, then in the city's order.
  const progress = model.progress.value
    .map((p, i) => ({ p, i }))
    .sort((a, b) => b.p.overdue - a.p.overdue || b.p.blocked - a.p.blocked || a.i - b.i)
    .map((x) => x.p)
    .filter((p) => !unitFilter.value || p.unitId === unitFilter.value);
  const filtering = filter.value !== "all";
  const toggle = (id: string) => {
    const next = new Set(open.value);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    open.value = next;
  };
  const csv = `/api/incidents/${incident.id}/checklists.csv`;

  return (
    <div class="cl-tab">
      {closed && <p class="card muted">{t("checklists.closed")}</p>}
      {!closed && me.role !== "viewer" && <ActivationPanel incident={incident} model={model} me={me} startOpen={model.idsByUnit.value.size === 0} />}
      {model.idsByUnit.value.size === 0 ? (
        <p class="card">{t("checklists.none")}</p>
      ) : (
        <>
          <div class="card cl-toolbar">
            <p class="muted cl-asof">{t("checklists.asOf", { time: formatJst(model.asOf.value), seq: model.seq.value })}</p>
            <div class="actions" role="group" aria-label={t("checklists.filter.label")}>
              {FILTERS.map((f) => (
                <button key={f} class={`btn ${filter.value === f ? "btn-primary" : ""}`} aria-pressed={filter.value === f} onClick={() => (filter.value = f)}>
                  {t(`checklists.filter.${f}`)}
                  {f === "overdue" && ` (${model.overdue.value.length})`}
                  {f === "blocked" && ` (${model.blocked.value.length})`}
                </button>
              ))}
            </div>
            <div class="actions">
              <label>
                {t("checklists.filter.unit")}
                <select value={unitFilter.value} onChange={(e) => (unitFilter.value = e.currentTarget.value)}>
                  <option value="">{t("checklists.filter.allUnits")}</option>
                  {[...model.idsByUnit.value.keys()].map((u) => (
                    <option key={u} value={u}>
                      {unitName(u)}
                    </option>
                  ))}
                </select>
              </label>
              <button class="btn" onClick={() => (open.value = new Set(model.idsByUnit.value.keys()))}>
                {t("checklists.expandAll")}
              </button>
              <button class="btn" onClick={() => (open.value = new Set())}>
                {t("checklists.collapseAll")}
              </button>
              <a class="btn" href={unitFilter.value ? `${csv}?unitId=${unitFilter.value}` : csv} download>
                {t("checklists.export.csv")}
              </a>
              <Link class="btn" href={`/checklists/print/${incident.id}${unitFilter.value ? `/${unitFilter.value}` : ""}`}>
                {t("checklists.print")}
              </Link>
            </div>
          </div>
          {progress.map((p) => (
            <UnitCard
              key={p.unitId}
              model={model}
              progress={p}
              filter={filter}
              open={filtering || !!unitFilter.value || open.value.has(p.unitId)}
              onToggle={() => toggle(p.unitId)}
              me={me}
              closed={closed}
              hideWhenEmpty={filtering}
            />
          ))}
        </>
      )}
    </div>
  );
}

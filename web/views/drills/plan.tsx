import { useEffect, useState } from "preact/hooks";
import type { Drill, MilestoneKey, Participant, Scenario } from "../../../src/schema/drills";
import type { Incident } from "../../../src/schema/incidents";
import { DEFAULT_ZONES } from "../../../src/domain/drills";
import { ApiFailure, getAllPages, mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { fromJstLocalInput, t, toJstLocalInput } from "../../i18n";
import { navigate } from "../../router";
import { FormError } from "../../components/form-error";
import { field } from "../../lib/form";

const ROLES: Participant["role"][] = ["triage_officer", "zone_leader", "observer", "hq_liaison", "coordinator", "fire_warden"];
const MILESTONES: Array<[MilestoneKey, number]> = [
  ["alarm_raised", 1],
  ["first_response", 3],
  ["fire_doors_closed", 5],
  ["report_to_hq", 7],
  ["ward_evacuated", 15],
];

/** Planning a drill: what, when, where, why, who, and for triage which scenario. */
export function PlanForm({ incidentId }: { incidentId?: string }) {
  const [kind, setKind] = useState<Drill["kind"]>("triage");
  const [scenarios, setScenarios] = useState<Scenario[]>([]);
  const [incidents, setIncidents] = useState<Incident[]>([]);
  const [people, setPeople] = useState<Array<Omit<Participant, "id">>>([
    { name: "", role: "triage_officer", zoneId: "entrance" },
  ]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void getAllPages("/api/scenarios").then((r) => setScenarios(r.items)).catch(() => {});
    void getAllPages("/api/incidents")
      .then((r) => setIncidents(r.items.filter((i) => i.kind === "drill" && i.status === "open")))
      .catch(() => {});
  }, []);

  async function submit(e: Event) {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      const body = {
        kind,
        title: field(f, "title"),
        scheduledAt: fromJstLocalInput(String(f.get("scheduledAt"))),
        place: field(f, "place"),
        objectives: String(f.get("objectives") ?? "").split("\n").map((s) => s.trim()).filter(Boolean),
        participants: people.filter((p) => p.name.trim()).map((p, i) => ({ ...p, id: `p${i + 1}`, zoneId: p.zoneId || null })),
        scenarioId: kind === "triage" ? field(f, "scenarioId") || null : null,
        incidentId: field(f, "incidentId") || null,
        ...(kind === "fire" ? { milestoneTargets: MILESTONES.map(([key]) => ({ key, targetSeconds: Math.round(Number(f.get(`ms-${key}`)) * 60) })) } : {}),
      };
      const { data } = await mutate("POST", "/api/drills", { body });
      navigate(`/drills/${data.id}`);
    } catch (err) {
      setError(explain(err));
    } finally {
      setBusy(false);
    }
  }

  const nextHour = toJstLocalInput(new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 86_400_000).toISOString());
  return (
    <form class="card form-grid" onSubmit={submit}>
      <h2>{t("drills.planTitle")}</h2>
      <fieldset>
        <legend>{t("drills.kind")}</legend>
        {(["triage", "fire"] as const).map((k) => (
          <label key={k} class="choice">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`drills.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t("drills.title")}
        <input key={kind} name="title" required maxLength={200} defaultValue={kind === "triage" ? t("drills.defaultTriageTitle") : t("drills.defaultFireTitle")} />
      </label>
      <label>
        {t("drills.scheduledAt")}
        <input name="scheduledAt" type="datetime-local" required defaultValue={nextHour} />
      </label>
      <label>
        {t("drills.place")}
        <input key={kind} name="place" required defaultValue={kind === "triage" ? "正面玄関前 トリアージポスト" : "5階東病棟"} />
      </label>
      {kind === "triage" && (
        <label>
          {t("drills.scenario")}
          <select name="scenarioId" required>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {t("drills.scenarioWith", { title: s.title, n: s.casualtyCount })}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t("drills.incident")}
        <select name="incidentId" defaultValue={incidentId ?? ""}>
          <option value="">{t("drills.standalone")}</option>
          {incidents.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </select>
      </label>
      <label class="wide">
        {t("drills.objectives")} <span class="muted">{t("drills.onePerLine")}</span>
        <textarea key={kind} name="objectives" rows={3} defaultValue={kind === "triage" ? t("drills.defaultObjective") : ""} />
      </label>
      {kind === "fire" && (
        <fieldset class="wide">
          <legend>{t("drills.targets")}</legend>
          {MILESTONES.map(([key, minutes]) => (
            <label key={key}>
              {t(`drills.ms.${key}`)}（{t("drills.minutes")}）
              <input name={`ms-${key}`} type="number" min={0} step={0.5} defaultValue={String(minutes)} required />
            </label>
          ))}
        </fieldset>
      )}
      <fieldset class="wide">
        <legend>{t("drills.participants")}</legend>
        {people.map((p, i) => {
          const set = (patch: Partial<typeof p>) => setPeople(people.map((x, k) => (k === i ? { ...x, ...patch } : x)));
          return (
            <div class="person-row" key={i}>
              <label>
                {t("drills.name")}
                <input value={p.name} onInput={(e) => set({ name: e.currentTarget.value })} />
              </label>
              <label>
                {t("drills.roleLabel")}
                <select value={p.role} onChange={(e) => set({ role: e.currentTarget.value as Participant["role"] })}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`drills.role.${r}`)}
                    </option>
                  ))}
                </select>
              </label>
              {kind === "triage" && (
                <label>
                  {t("drills.zone")}
                  <select value={p.zoneId ?? ""} onChange={(e) => set({ zoneId: e.currentTarget.value || null })}>
                    <option value="">—</option>
                    {DEFAULT_ZONES.map((z) => (
                      <option key={z.id} value={z.id}>
                        {z.name}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <button type="button" class="btn btn-quiet" onClick={() => setPeople(people.filter((_, k) => k !== i))}>
                ✕ {t("drills.remove")}
              </button>
            </div>
          );
        })}
        <button type="button" class="btn" onClick={() => setPeople([...people, { name: "", role: "triage_officer", zoneId: null }])}>
          ＋ {t("drills.addPerson")}
        </button>
      </fieldset>
      <div class="actions">
        <button class="btn btn-primary" type="submit" disabled={busy}>
          {t("drills.planSubmit")}
        </button>
      </div>
      <FormError message={error} />
    </form>
  );
}

/** Changing a planned drill's basics, over the version this console last saw. */
export function EditPlan({ drill, onSaved }: { drill: Drill; onSaved: (d: Drill) => void }) {
  const [error, setError] = useState<string | null>(null);
  async function submit(e: Event) {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    setError(null);
    try {
      const { data } = await mutate("PATCH", "/api/drills/:id", { param: { id: drill.id }, body: {
        version: drill.version,
        title: field(f, "title"),
        scheduledAt: fromJstLocalInput(String(f.get("scheduledAt"))),
        place: field(f, "place"),
        objectives: String(f.get("objectives") ?? "").split("\n").map((s) => s.trim()).filter(Boolean),
      } });
      onSaved(data);
    } catch (err) {
      setError(explain(err));
      if (err instanceof ApiFailure && err.status === 409 && err.current) onSaved(err.current as Drill);
    }
  }
  return (
    <details class="card">
      <summary>{t("drills.editPlan")}</summary>
      <form class="form-grid" onSubmit={submit} key={drill.version}>
        <label>
          {t("drills.title")}
          <input name="title" required defaultValue={drill.title} />
        </label>
        <label>
          {t("drills.scheduledAt")}
          <input name="scheduledAt" type="datetime-local" required defaultValue={toJstLocalInput(drill.scheduledAt)} />
        </label>
        <label>
          {t("drills.place")}
          <input name="place" required defaultValue={drill.place} />
        </label>
        <label class="wide">
          {t("drills.objectives")} <span class="muted">{t("drills.onePerLine")}</span>
          <textarea name="objectives" rows={3} defaultValue={drill.objectives.join("\n")} />
        </label>
        <div class="actions">
          <button class="btn btn-primary" type="submit">
            {t("save")}
          </button>
        </div>
        <FormError message={error} />
      </form>
    </details>
  );
}

import { useEffect, useState } from "preact/hooks";
import { mayWriteForUnit } from "../../../src/domain/access";
import { BedType, type HospitalStatus } from "../../../src/schema/hospital";
import type { Me } from "../../../src/schema/session";
import type { StreamFeed } from "../../lib/live";
import { ApiFailure, getJson, mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { formatJst, t } from "../../i18n";
import { FormError } from "../../components/form-error";
import { CutNotice, usePages } from "../../components/more-pages";
import { field } from "../../lib/form";

type View = { status: HospitalStatus | null; warnings: Array<{ field: string; message: string }> };
type HistoryItem = { seq: number; at: string; actorName: string; status: HospitalStatus };

const FIGURES = ["generatorFuelHours", "waterDays", "foodDays", "medicineDays", "triageTagStock", "surgeCapacity"] as const;

export const mayReportHospital = (me: Me) => mayWriteForUnit(me, "hospital");

/** Loads the board and keeps it current from the incident's stream. */
export function useHospitalStatus(incidentId: string, feed: StreamFeed) {
  const [view, setView] = useState<View | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    void getJson("/api/incidents/:id/hospital-status", { param: { id: incidentId } }).then(setView).catch(() => {});
    return feed.subscribe((c) => {
      if (c.entityType === "hospital_status") {
        void getJson("/api/incidents/:id/hospital-status", { param: { id: incidentId } }).then(setView).catch(() => {});
        setVersion((v) => v + 1);
      }
    });
  }, [incidentId]);
  return { view, setView, changed: version };
}

/** The hospital's continuity figures in the EMIS fields staff know (HICS 251 only as the international reference), shortfalls first, with history. */
export function HospitalBoard({ incidentId, feed, me }: { incidentId: string; feed: StreamFeed; me: Me }) {
  const { view, setView, changed } = useHospitalStatus(incidentId, feed);
  const [editing, setEditing] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const history = usePages("/api/incidents/:id/hospital-status/history", { param: { id: incidentId } }, [incidentId, changed], historyOpen);
  const [error, setError] = useState<string | null>(null);

  if (!view) return <p class="muted">{t("loading")}</p>;
  const s = view.status;
  const warned = new Set(view.warnings.map((w) => w.field));

  async function save(e: Event) {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const num = (k: string) => (f.get(k) === "" || f.get(k) === null ? null : Number(f.get(k)));
    setError(null);
    try {
      const { data } = await mutate("PUT", "/api/incidents/:id/hospital-status", { param: { id: incidentId }, body: {
        version: s?.version ?? null,
        beds: Object.fromEntries(BedType.options.map((b) => [b, num(`bed-${b}`)])),
        ...Object.fromEntries(FIGURES.map((k) => [k, num(k)])),
        power: field<HospitalStatus["power"]>(f, "power"),
        waterSupply: field<HospitalStatus["waterSupply"]>(f, "waterSupply"),
        note: field(f, "note"),
      } });
      setView({ status: data, warnings: view!.warnings });
      setEditing(false);
      void getJson("/api/incidents/:id/hospital-status", { param: { id: incidentId } }).then(setView);
    } catch (err) {
      setError(explain(err));
      if (err instanceof ApiFailure && err.status === 409) void getJson("/api/incidents/:id/hospital-status", { param: { id: incidentId } }).then(setView);
    }
  }

  return (
    <section class="card hospital-board" aria-labelledby="hospital-h">
      <div class="page-head">
        <h2 id="hospital-h">{t("drills.hospital.title")}</h2>
        {s && <span class="muted">{t("drills.hospital.updated", { time: formatJst(s.updatedAt), who: s.updatedBy })}</span>}
      </div>
      <p class="muted small">{t("drills.hospital.reference")}</p>
      {view.warnings.length > 0 && (
        // The live region wraps the list: a role on the <ul> itself would take away its list semantics.
        <div role="status">
          <ul class="warnings">
            {view.warnings.map((w) => (
              <li key={w.field}>
                ⚠ {t(`drills.hospital.${w.field}`)}：{t(`drills.hospital.warn.${w.field}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!s && !editing && <p class="muted">{t("drills.hospital.none")}</p>}
      {s && !editing && (
        <div class="hospital-grid">
          <table class="score-table">
            <caption>{t("drills.hospital.beds")}</caption>
            <tbody>
              {BedType.options.map((b) => (
                <tr key={b}>
                  <th scope="row">{t(`drills.bed.${b}`)}</th>
                  <td>{s.beds[b] ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl class="figures">
            {FIGURES.map((k) => (
              <div key={k} class={warned.has(k) ? "danger" : ""}>
                <dt>{t(`drills.hospital.${k}`)}</dt>
                <dd>
                  {s[k] ?? "—"} <small>{t(`drills.hospital.unit.${k}`)}</small>
                </dd>
              </div>
            ))}
            <div class={warned.has("power") ? "danger" : ""}>
              <dt>{t("drills.hospital.power")}</dt>
              <dd>{t(`drills.hospital.power.${s.power}`)}</dd>
            </div>
            <div class={warned.has("waterSupply") ? "danger" : ""}>
              <dt>{t("drills.hospital.waterSupply")}</dt>
              <dd>{t(`drills.hospital.water.${s.waterSupply}`)}</dd>
            </div>
          </dl>
          {s.note && <p class="prewrap">{s.note}</p>}
        </div>
      )}
      {editing && (
        <form class="form-grid" onSubmit={save}>
          <fieldset class="wide">
            <legend>{t("drills.hospital.beds")}</legend>
            {BedType.options.map((b) => (
              <label key={b}>
                {t(`drills.bed.${b}`)}
                <input name={`bed-${b}`} type="number" min={0} defaultValue={s?.beds[b]?.toString() ?? ""} />
              </label>
            ))}
          </fieldset>
          {FIGURES.map((k) => (
            <label key={k}>
              {t(`drills.hospital.${k}`)}（{t(`drills.hospital.unit.${k}`)}）
              <input name={k} type="number" min={0} step={k.endsWith("Days") || k === "generatorFuelHours" ? 0.5 : 1} defaultValue={s?.[k]?.toString() ?? ""} />
            </label>
          ))}
          <label>
            {t("drills.hospital.power")}
            <select name="power" defaultValue={s?.power ?? "commercial"}>
              {["commercial", "generator", "none"].map((p) => (
                <option key={p} value={p}>
                  {t(`drills.hospital.power.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("drills.hospital.waterSupply")}
            <select name="waterSupply" defaultValue={s?.waterSupply ?? "mains"}>
              {["mains", "tank", "none"].map((p) => (
                <option key={p} value={p}>
                  {t(`drills.hospital.water.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <label class="wide">
            {t("drills.note")}
            <textarea name="note" rows={2} defaultValue={s?.note ?? ""} />
          </label>
          <div class="actions">
            <button class="btn btn-primary" type="submit">
              {t("drills.hospital.report")}
            </button>
            <button class="btn" type="button" onClick={() => setEditing(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
      <FormError message={error} />
      <div class="actions">
        {mayReportHospital(me) && !editing && (
          <button class="btn btn-primary" onClick={() => setEditing(true)}>
            {s ? t("drills.hospital.update") : t("drills.hospital.first")}
          </button>
        )}
        <button
          class="btn"
          aria-expanded={historyOpen}
          onClick={() => setHistoryOpen(!historyOpen)}
        >
          {t("drills.hospital.history")}
        </button>
      </div>
      {historyOpen && history.items && (
        <>
        <table class="score-table">
          <caption>{t("drills.hospital.history")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("drills.time")}</th>
              <th scope="col">{t("drills.hospital.by")}</th>
              <th scope="col">{t("drills.hospital.bedsTotal")}</th>
              {FIGURES.slice(0, 4).map((k) => (
                <th key={k} scope="col">
                  {t(`drills.hospital.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {history.items.map((h: HistoryItem) => (
              <tr key={h.seq}>
                <td>{formatJst(h.at)}</td>
                <td>{h.actorName}</td>
                <td>{Object.values(h.status.beds).reduce<number>((n, v) => n + (v ?? 0), 0)}</td>
                {FIGURES.slice(0, 4).map((k) => (
                  <td key={k}>{h.status[k] ?? "—"}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <CutNotice shown={history.items.length} cut={history.cut} busy={history.busy} onMore={() => void history.more()} />
        </>
      )}
    </section>
  );
}

import { useEffect, useState } from "preact/hooks";
import { mayWriteForUnit } from "../../../src/domain/access";
import { type Casualty, CATEGORIES, type Category, type Scenario, type ScenarioWithCasualties } from "../../../src/schema/drills";
import type { Me } from "../../../src/schema/session";
import { ApiFailure, getAllPages, getJson, mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { formatJst, t } from "../../i18n";
import { Link, navigate } from "../../router";
import { CategoryBadge } from "./triage";
import { FormError } from "../../components/form-error";
import { field } from "../../lib/form";

const yesNo = (v: boolean | null) => (v === null ? "—" : v ? t("drills.yes") : t("drills.no"));

export function ScenarioList({ me }: { me: Me }) {
  const [items, setItems] = useState<Scenario[] | null>(null);
  useEffect(() => void getAllPages("/api/scenarios").then((r) => setItems(r.items)), []);
  return (
    <>
      <div class="page-head">
        <h1>{t("drills.scenarios")}</h1>
        <Link href="/drills" class="btn">
          {t("drills.back")}
        </Link>
      </div>
      {items === null ? (
        <p class="muted">{t("loading")}</p>
      ) : (
        <ul class="plain-list">
          {items.map((s) => (
            <li key={s.id} class="card">
              <Link href={`/drills/scenarios/${s.id}`}>
                <strong>{s.title}</strong>
              </Link>{" "}
              <span class="badge">{t("drills.casualtyN", { n: s.casualtyCount })}</span>
              <p class="muted">{s.description}</p>
            </li>
          ))}
        </ul>
      )}
      {me.role !== "viewer" && <ImportForm />}
    </>
  );
}

/** CSV in the export format; a bad row refuses the whole file and names row and column. */
function ImportForm() {
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const file = f.get("file") as File | null;
    const csv = file && file.size > 0 ? await file.text() : String(f.get("csv") ?? "");
    setBusy(true);
    setErrors([]);
    try {
      const { data } = await mutate("POST", "/api/scenarios/import", { body: { title: field(f, "title"), description: field(f, "description"), csv } });
      navigate(`/drills/scenarios/${data.id}`);
    } catch (err) {
      setErrors(err instanceof ApiFailure && err.fields.length ? err.fields.map((x) => x.message) : [explain(err)]);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="card form-grid" onSubmit={submit}>
      <h2>{t("drills.importTitle")}</h2>
      <p class="muted wide">{t("drills.importHelp")}</p>
      <label>
        {t("drills.title")}
        <input name="title" required />
      </label>
      <label>
        {t("drills.description")}
        <input name="description" />
      </label>
      <label>
        {t("drills.csvFile")}
        <input name="file" type="file" accept=".csv,text/csv" />
      </label>
      <label class="wide">
        {t("drills.csvText")}
        <textarea name="csv" rows={4} placeholder="tag_number,description,age,can_walk,breathing,..." />
      </label>
      <div class="actions">
        <button class="btn btn-primary" type="submit" disabled={busy}>
          {t("drills.import")}
        </button>
      </div>
      {errors.length > 0 && (
        <ul class="error wide" role="alert">
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </form>
  );
}

export function ScenarioDetail({ id, me }: { id: string; me: Me }) {
  const [s, setS] = useState<ScenarioWithCasualties | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => getJson("/api/scenarios/:id", { param: { id } }).then(setS).catch((e) => setError(explain(e)));
  useEffect(() => void load(), [id]);
  if (!s) return error ? <p class="error">{error}</p> : <p class="muted">{t("loading")}</p>;
  const tally = Object.fromEntries(CATEGORIES.map((c) => [c, s.casualties.filter((x) => x.expected === c).length]));
  return (
    <>
      <div class="page-head">
        <div>
          <h1>{s.title}</h1>
          <p class="muted">
            {s.description} ・ {formatJst(s.updatedAt)}
          </p>
        </div>
        <div class="actions">
          <a class="btn" href={`/api/scenarios/${s.id}/export.csv`} download>
            {t("drills.exportCsv")}
          </a>
          <Link href="/drills/scenarios" class="btn">
            {t("drills.back")}
          </Link>
        </div>
      </div>
      <p>
        {CATEGORIES.map((c) => (
          <span key={c} class="tally">
            <CategoryBadge category={c} small /> {tally[c]}
          </span>
        ))}
      </p>
      <FormError message={error} />
      <CasualtyTable
        casualties={s.casualties}
        editable={mayWriteForUnit(me, s.unitId)}
        onOverride={async (c, override) => {
          setError(null);
          try {
            await mutate("PATCH", "/api/scenarios/:id/casualties/:casualtyId", { param: { id: s.id, casualtyId: c.id }, body: { version: (c as Casualty & { version: number }).version, override } });
          } catch (e) {
            setError(explain(e));
          }
          await load();
        }}
      />
    </>
  );
}

/** Casualty cards with their signs and key; with `onOverride`, the coordinator may override the key. */
export function CasualtyTable(props: {
  casualties: Casualty[];
  editable: boolean;
  onOverride: (c: Casualty, o: { category: Category; reason: string } | null) => Promise<void>;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div class="table-wrap">
      <table class="score-table cards-table">
        <thead>
          <tr>
            <th scope="col">{t("drills.tagNumber")}</th>
            <th scope="col">{t("drills.description")}</th>
            <th scope="col">{t("drills.age")}</th>
            <th scope="col">{t("drills.sign.walk")}</th>
            <th scope="col">{t("drills.sign.breathing")}</th>
            <th scope="col">{t("drills.sign.airway")}</th>
            <th scope="col">{t("drills.sign.rate")}</th>
            <th scope="col">{t("drills.sign.pulse")}</th>
            <th scope="col">{t("drills.sign.refill")}</th>
            <th scope="col">{t("drills.sign.commands")}</th>
            <th scope="col">{t("drills.startKey")}</th>
            <th scope="col">{t("drills.expected")}</th>
          </tr>
        </thead>
        <tbody>
          {props.casualties.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.tagNumber}</th>
              <td>{c.description}</td>
              <td>{c.age ?? "—"}</td>
              <td>{yesNo(c.canWalk)}</td>
              <td>{yesNo(c.breathing)}</td>
              <td>{yesNo(c.breathingAfterAirway)}</td>
              <td>{c.respiratoryRate ?? "—"}</td>
              <td>{yesNo(c.radialPulse)}</td>
              <td>{c.capillaryRefillSeconds ?? "—"}</td>
              <td>{yesNo(c.followsCommands)}</td>
              <td>
                <CategoryBadge category={c.startCategory} small />
              </td>
              <td>
                <CategoryBadge category={c.expected} small />
                {c.override && <span class="override-note">{t("drills.overrideBy", { reason: c.override.reason })}</span>}
                {props.editable && editing !== c.id && (
                  <button class="btn btn-quiet" onClick={() => setEditing(c.id)}>
                    {t("drills.override")}
                  </button>
                )}
                {editing === c.id && (
                  <OverrideEditor
                    c={c}
                    onDone={async (o) => {
                      if (o !== undefined) await props.onOverride(c, o);
                      setEditing(null);
                    }}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Choose the category that scores and say why; choosing the START category removes the override. */
function OverrideEditor({ c, onDone }: { c: Casualty; onDone: (o: { category: Category; reason: string } | null | undefined) => void }) {
  const [category, setCategory] = useState<Category>(c.expected);
  const [reason, setReason] = useState(c.override?.reason ?? "");
  const restoring = category === c.startCategory;
  return (
    <form
      class="override-editor"
      onSubmit={(e) => {
        e.preventDefault();
        onDone(restoring ? null : { category, reason: reason.trim() });
      }}
    >
      <fieldset>
        <legend>{t("drills.expected")}</legend>
        {CATEGORIES.map((k) => (
          <label key={k} class="choice">
            <input type="radio" name={`override-${c.id}`} checked={category === k} onChange={() => setCategory(k)} /> <CategoryBadge category={k} small />
          </label>
        ))}
      </fieldset>
      {!restoring && (
        <label>
          {t("drills.overrideReason")}
          <input value={reason} required onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
      )}
      <div class="actions">
        <button class="btn btn-primary" type="submit">
          {restoring ? t("drills.overrideRestore") : t("save")}
        </button>
        <button class="btn" type="button" onClick={() => onDone(undefined)}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

import { useState } from "preact/hooks";
import type { Incident } from "../../src/schema/incidents";
import { explain } from "../lib/errors";
import { formatJst, fromJstLocalInput, t, toJstLocalInput } from "../i18n";
import { createIncident, incidentList, incidentsLink, incidentsLoaded, incidentsSyncedAt } from "../models/incidents";
import { me } from "../models/session";
import { Link, navigate } from "../router";

const HAZARDS = ["earthquake", "tsunami", "flood", "fire", "other"] as const;

export function IncidentList() {
  const [creating, setCreating] = useState(false);
  const mayCreate = me.value?.role !== "viewer";
  const list = incidentList.value;
  return (
    <main id="main" class="page">
      <div class="page-head">
        <h1>{t("incidents.title")}</h1>
        {mayCreate && !creating && (
          <button class="btn btn-primary" onClick={() => setCreating(true)}>
            ＋ {t("incidents.new")}
          </button>
        )}
      </div>
      <ListOffline />
      {creating && <NewIncident onDone={() => setCreating(false)} />}
      {!incidentsLoaded.value ? (
        <p class="muted">{t("loading")}</p>
      ) : list.length === 0 ? (
        <p class="muted">{t("incidents.empty")}</p>
      ) : (
        <ul class="incident-list" data-testid="incident-list">
          {list.map((i) => (
            <IncidentRow key={i.id} incident={i} />
          ))}
        </ul>
      )}
    </main>
  );
}

/** Offline, the list shown is this device's last copy: say so, and how old it is. */
function ListOffline() {
  if (incidentsLink.value !== "offline") return null;
  const at = incidentsSyncedAt.value;
  return (
    <p class="conn conn-offline list-offline" role="status" data-testid="list-offline">
      <span aria-hidden="true">✕</span> <strong>{at ? t("incidents.offlineAsOf", { time: formatJst(at) }) : t("conn.offline")}</strong>
    </p>
  );
}

function IncidentRow({ incident: i }: { incident: Incident }) {
  return (
    <li class={`card incident-row ${i.status}`}>
      <Link href={`/incidents/${i.id}`}>
        <span class={`badge kind-${i.kind}`}>{t(`kind.${i.kind}`)}</span>{" "}
        <span class="badge">{t(`hazard.${i.hazard}`)}</span> <strong class="incident-title">{i.title}</strong>
      </Link>
      <div class="muted">
        {t("incidents.onset", { time: formatJst(i.onsetAt) })} ・ {t(`phase.${i.phase}`)} ・{" "}
        <span class={`status-${i.status}`}>{t(`status.${i.status}`)}</span>
      </div>
    </li>
  );
}

function NewIncident({ onDone }: { onDone: () => void }) {
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<"drill" | "real">("drill");
  const [hazard, setHazard] = useState<(typeof HAZARDS)[number]>("tsunami");
  const [onset, setOnset] = useState(toJstLocalInput(new Date().toISOString()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      const created = await createIncident({ title, kind, hazard, onsetAt: fromJstLocalInput(onset), phase: "initial" });
      onDone();
      navigate(`/incidents/${created.id}`);
    } catch (err) {
      setError(explain(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card form-grid" onSubmit={submit} aria-labelledby="new-incident-h">
      <h2 id="new-incident-h">{t("incidents.new")}</h2>
      <label>
        {t("incidents.form.title")}
        <input name="title" required maxLength={200} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>{t("incidents.form.kind")}</legend>
        {(["drill", "real"] as const).map((k) => (
          <label class="choice" key={k}>
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t("incidents.form.hazard")}
        <select name="hazard" value={hazard} onChange={(e) => setHazard(e.currentTarget.value as typeof hazard)}>
          {HAZARDS.map((h) => (
            <option key={h} value={h}>
              {t(`hazard.${h}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("incidents.form.onset")}
        <input name="onset" type="datetime-local" required value={onset} onInput={(e) => setOnset(e.currentTarget.value)} />
      </label>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="actions">
        <button class="btn btn-primary" type="submit" disabled={busy}>
          {t("incidents.form.submit")}
        </button>
        <button class="btn" type="button" onClick={onDone}>
          {t("incidents.form.cancel")}
        </button>
      </div>
    </form>
  );
}

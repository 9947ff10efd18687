import { useState } from "preact/hooks";
import { formatJst, t } from "../i18n";
import { conflicts, dismissRefused, flush, type OutboxEntry, queued, refused, resolveConflict } from "../lib/outbox";
import { fieldLabel, fieldValue, subjectType, writeSubject } from "./field-words";

/** What this device still owes the server, what someone else's change overtook, and what the server refused. */
export function OutboxStatus() {
  const [open, setOpen] = useState(false);
  const waiting = queued.value.length;
  const clashing = conflicts.value.length;
  const failed = refused.value.length;
  if (waiting === 0 && clashing === 0 && failed === 0) return null;
  return (
    <div class="outbox">
      <button class={`btn ${clashing || failed ? "btn-danger" : "btn-warn"}`} aria-expanded={open} onClick={() => setOpen(!open)}>
        {waiting > 0 && <span>⏳ {t("outbox.pending", { n: waiting })}</span>} {clashing > 0 && <span>⇄ {t("outbox.conflicts", { n: clashing })}</span>}{" "}
        {failed > 0 && <span>⚠ {t("outbox.refused", { n: failed })}</span>}
      </button>
      {open && (
        <div class="outbox-panel card" role="region" aria-label={t("outbox.title")}>
          {/* Settling a conflict comes first: nothing more for that item is sent until it is settled. */}
          {clashing > 0 && (
            <section>
              <p>{t("outbox.conflictExplain")}</p>
              <ul class="outbox-list">
                {conflicts.value.map((c) => (
                  <Conflict key={c.key} entry={c} />
                ))}
              </ul>
            </section>
          )}
          {failed > 0 && (
            <ul class="outbox-list">
              {refused.value.map((r) => (
                <li key={r.key} class="error">
                  <Described entry={r} />
                  <p>{t("outbox.reason", { reason: `${r.status} ${r.message}` })}</p>
                  <button class="btn" onClick={() => void dismissRefused(r.key)}>
                    {t("outbox.dismiss")}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {waiting > 0 && (
            <section>
              <p>{t("outbox.explain")}</p>
              <button class="btn btn-primary" onClick={() => void flush()}>
                {t("outbox.sendNow")}
              </button>
              <ul class="outbox-list">
                {queued.value.map((q) => (
                  <li key={q.key}>
                    <Described entry={q} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </div>
  );
}

/** The fields a write sets, without the version it was based on. */
function fieldsOf(body: unknown): [string, unknown][] {
  return body && typeof body === "object" ? Object.entries(body).filter(([k]) => k !== "version") : [];
}

/** What an edit box starts with: the value as typed (a number or a list as JSON). */
const editable = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

function Described({ entry }: { entry: OutboxEntry }) {
  const type = subjectType(entry.path) ?? undefined;
  return (
    <span>
      {formatJst(entry.queuedAt, { short: true })} <strong>{writeSubject(entry.path, entry.current)}</strong>{" "}
      {fieldsOf(entry.body)
        .map(([k, v]) => `${fieldLabel(k)}: ${fieldValue(k, v, type)}`)
        .join("、")}
    </span>
  );
}

function Conflict({ entry }: { entry: OutboxEntry }) {
  const [editing, setEditing] = useState<Record<string, string> | null>(null);
  const mine = fieldsOf(entry.body);
  const theirs = (entry.current ?? {}) as Record<string, unknown>;
  const type = subjectType(entry.path) ?? undefined;
  return (
    <li class="outbox-conflict" data-testid="outbox-conflict">
      <p>
        {formatJst(entry.queuedAt, { short: true })} <strong>{writeSubject(entry.path, entry.current)}</strong>
      </p>
      <table>
        <thead>
          <tr>
            <th />
            <th>{t("outbox.mine")}</th>
            <th>{t("outbox.theirs")}</th>
          </tr>
        </thead>
        <tbody>
          {mine.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{fieldLabel(k)}</th>
              <td>
                {editing ? (
                  <input
                    aria-label={`${t("outbox.mine")}: ${fieldLabel(k)}`}
                    value={editing[k]}
                    onInput={(e) => setEditing({ ...editing, [k]: e.currentTarget.value })}
                  />
                ) : (
                  fieldValue(k, v, type)
                )}
              </td>
              <td>{fieldValue(k, theirs[k], type)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <div class="outbox-actions">
          <button
            class="btn btn-primary"
            onClick={() => {
              // Text the person typed goes back as the type the field had (a number stays a number).
              const body = Object.fromEntries(mine.map(([k, v]) => [k, typeof v === "string" ? editing[k] : parseEdited(editing[k]!, v)]));
              void resolveConflict(entry.key, { keep: "edited", body });
            }}
          >
            {t("outbox.sendEdited")}
          </button>
          <button class="btn" onClick={() => setEditing(null)}>
            {t("outbox.cancel")}
          </button>
        </div>
      ) : (
        <div class="outbox-actions">
          <button class="btn" onClick={() => void resolveConflict(entry.key, { keep: "theirs" })}>
            {t("outbox.keepTheirs")}
          </button>
          <button class="btn" onClick={() => void resolveConflict(entry.key, { keep: "mine" })}>
            {t("outbox.keepMine")}
          </button>
          <button class="btn" onClick={() => setEditing(Object.fromEntries(mine.map(([k, v]) => [k, editable(v)])))}>
            {t("outbox.edit")}
          </button>
        </div>
      )}
    </li>
  );
}

function parseEdited(text: string, was: unknown): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return was;
  }
}

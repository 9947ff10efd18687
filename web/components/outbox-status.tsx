import { useState } from "preact/hooks";
import { formatJst, t } from "../i18n";
import { dismissRefused, flush, queued, refused } from "../lib/outbox";

/** What this device still owes the server, and what the server refused when it finally got it. */
export function OutboxStatus() {
  const [open, setOpen] = useState(false);
  const waiting = queued.value.length;
  const failed = refused.value.length;
  if (waiting === 0 && failed === 0) return null;
  return (
    <div class="outbox">
      <button class={`btn ${failed ? "btn-danger" : "btn-warn"}`} aria-expanded={open} onClick={() => setOpen(!open)}>
        {waiting > 0 && <span>⏳ {t("outbox.pending", { n: waiting })}</span>} {failed > 0 && <span>⚠ {t("outbox.refused", { n: failed })}</span>}
      </button>
      {open && (
        <div class="outbox-panel card" role="region" aria-label={t("outbox.title")}>
          <p>{t("outbox.explain")}</p>
          {waiting > 0 && (
            <button class="btn btn-primary" onClick={() => void flush()}>
              {t("outbox.sendNow")}
            </button>
          )}
          <ul>
            {queued.value.map((q) => (
              <li key={q.key}>
                {formatJst(q.queuedAt, { timeOnly: true })} {q.method} {q.path}
              </li>
            ))}
            {refused.value.map((r) => (
              <li key={r.key} class="error">
                {formatJst(r.queuedAt, { timeOnly: true })} {r.method} {r.path} — {r.status}: {r.message}{" "}
                <button class="btn" onClick={() => dismissRefused(r.key)}>
                  {t("outbox.dismiss")}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

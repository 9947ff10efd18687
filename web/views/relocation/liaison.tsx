import type { Signal } from "@preact/signals";
import { useState } from "preact/hooks";
import { ackDueAt, flaggedFor, isFlagged, mayAcknowledge } from "../../../src/domain/liaison";
import type { Incident } from "../../../src/schema/incidents";
import type { LiaisonKind, LiaisonMessage, LiaisonPriority } from "../../../src/schema/relocation-liaison";
import type { Me } from "../../../src/schema/session";
import { mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { formatDuration, formatJst, now, t } from "../../i18n";
import { unitName, units } from "../../models/session";
import type { IncidentRelocation } from "./incident-model";
import { fnName, siteName } from "./labels";
import { standing } from "./standing";
import { FormError } from "../../components/form-error";

const KINDS: LiaisonKind[] = ["report", "order", "request"];
const PRIORITIES: LiaisonPriority[] = ["urgent", "high", "normal"];

/** The disaster HQ sees every flagged message; other units those addressed to them. */
export const flagViewer = (me: Me) => (me.unitId === "hq" ? "all" : me.unitId);

type Props = { incident: Incident; model: IncidentRelocation; me: Me };

/** 連絡・報告: reports, orders and requests between units, acknowledged by the receiver. */
export function LiaisonPanel({ incident, model, me }: Props) {
  const [filter, setFilter] = useState<"all" | "mine" | "open">("all");
  const messages = model.messageList();
  const flagged = flaggedFor(messages, flagViewer(me), now.value, model.ackMinutes.value);
  const roots = messages
    .filter((m) => m.parentId === null)
    .filter((m) => threadMatches(m, messages, filter, me))
    .sort((a, b) => Number(hasFlag(b, messages, now.value, model)) - Number(hasFlag(a, messages, now.value, model)) || b.sentAt.localeCompare(a.sentAt));

  return (
    <section class="card liaison" aria-labelledby="liaison-h">
      <h2 id="liaison-h">{t("relocation.liaison.title")}</h2>
      {flagged.length > 0 && (
        <div class="error flagged" role="alert" data-testid="liaison-flagged">
          <strong>{t("relocation.liaison.flagged", { n: flagged.length, minutes: model.ackMinutes.value })}</strong>
          <ul>
            {flagged.slice(0, 5).map((m) => (
              <li key={m.id}>
                {t(`relocation.priority.${m.priority}`)}・{unitName(m.fromUnitId)} → {unitName(m.toUnitId)}：{m.body.slice(0, 40)}（
                {formatDuration(now.value - Date.parse(m.sentAt))}）
              </li>
            ))}
          </ul>
        </div>
      )}
      {me.role !== "viewer" && incident.status === "open" && (
        <details class="compose-box" open={me.unitId !== "hq"}>
          <summary class="btn">{t("relocation.liaison.new")}</summary>
          <Compose incident={incident} me={me} />
        </details>
      )}
      <div class="actions" role="group" aria-label={t("relocation.liaison.filter")}>
        {(["all", "mine", "open"] as const).map((f) => (
          <button key={f} class={`btn${filter === f ? " btn-primary" : ""}`} aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {t(`relocation.liaison.filter.${f}`)}
          </button>
        ))}
      </div>
      {roots.length === 0 ? (
        <p class="muted">{t("relocation.liaison.empty")}</p>
      ) : (
        <ol class="threads">
          {roots.map((root) => (
            <li key={root.id} class="thread">
              <MessageItem message={model.messages.byId.value.get(root.id)!} incident={incident} me={me} model={model} />
              <ol class="replies">
                {messages
                  .filter((m) => m.threadId === root.id && m.id !== root.id)
                  .sort((a, b) => a.sentAt.localeCompare(b.sentAt))
                  .map((m) => (
                    <li key={m.id}>
                      <MessageItem message={model.messages.byId.value.get(m.id)!} incident={incident} me={me} model={model} />
                    </li>
                  ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function hasFlag(root: LiaisonMessage, all: LiaisonMessage[], at: number, model: IncidentRelocation) {
  return all.some((m) => m.threadId === root.id && isFlagged(m, at, model.ackMinutes.value));
}

function threadMatches(root: LiaisonMessage, all: LiaisonMessage[], filter: "all" | "mine" | "open", me: Me) {
  const thread = all.filter((m) => m.threadId === root.id);
  if (filter === "mine") return thread.some((m) => m.toUnitId === me.unitId || m.fromUnitId === me.unitId);
  if (filter === "open") return thread.some((m) => m.acknowledgedAt === null);
  return true;
}

function MessageItem({ message, incident, me, model }: { message: Signal<LiaisonMessage>; incident: Incident; me: Me; model: IncidentRelocation }) {
  const m = message.value;
  const [replying, setReplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const flagged = isFlagged(m, now.value, model.ackMinutes.value);
  const fn = m.functionId ? standing.functions.byId.value.get(m.functionId)?.value : undefined;
  const site = standing.site(m.siteId);

  async function acknowledge() {
    setError(null);
    try {
      await mutate("POST", "/api/incidents/:id/liaison/:messageId/ack", { param: { id: incident.id, messageId: m.id }, body: { version: m.version } });
    } catch (err) {
      setError(explain(err));
    }
  }

  return (
    <article class={`message priority-${m.priority}${flagged ? " overdue" : ""}`} data-message={m.id}>
      <header class="message-head">
        <span class="badge">{t(`relocation.kind.${m.kind}`)}</span>
        {m.priority !== "normal" && <span class={`badge ${m.priority === "urgent" ? "overdue" : "warn"}`}>{t(`relocation.priority.${m.priority}`)}</span>}
        <strong>
          {unitName(m.fromUnitId)} → {unitName(m.toUnitId)}
        </strong>
        <time class="muted" dateTime={m.sentAt}>
          {formatJst(m.sentAt, { short: true })}
        </time>
        <span class="muted">{m.sentByName}</span>
      </header>
      <p class="message-body">{m.body}</p>
      {(fn || site) && (
        <p class="muted small">
          {fn && t("relocation.liaison.aboutFunction", { name: fnName(fn) })} {site && t("relocation.liaison.aboutSite", { name: siteName(site) })}
        </p>
      )}
      <p class="ack">
        {m.acknowledgedAt ? (
          <span class="badge ok">
            ✓ {t("relocation.liaison.acked", { name: m.acknowledgedByName ?? "", time: formatJst(m.acknowledgedAt, { short: true }) })}
          </span>
        ) : (
          <span class={`badge ${flagged ? "overdue" : "warn"}`}>
            {flagged ? "⚠ " : ""}
            {t("relocation.liaison.unacked", { span: formatDuration(now.value - Date.parse(m.sentAt)), due: formatJst(ackDueAt(m, model.ackMinutes.value), { short: true }) })}
          </span>
        )}
        {!m.acknowledgedAt && mayAcknowledge(me, m) && incident.status === "open" && (
          <button class="btn btn-primary" onClick={acknowledge}>
            {t("relocation.liaison.ack")}
          </button>
        )}
        {me.role !== "viewer" && incident.status === "open" && (
          <button class="btn" aria-expanded={replying} onClick={() => setReplying(!replying)}>
            {t("relocation.liaison.reply")}
          </button>
        )}
      </p>
      <FormError message={error} />
      {replying && <Compose incident={incident} me={me} parent={m} onSent={() => setReplying(false)} />}
    </article>
  );
}

function Compose({ incident, me, parent, onSent }: { incident: Incident; me: Me; parent?: LiaisonMessage; onSent?: () => void }) {
  const [kind, setKind] = useState<LiaisonKind>(parent ? "report" : me.unitId === "hq" ? "order" : "report");
  const [priority, setPriority] = useState<LiaisonPriority>("normal");
  const [to, setTo] = useState(me.unitId === "hq" ? "water" : "hq");
  const [body, setBody] = useState("");
  const [functionId, setFunctionId] = useState("");
  const [siteId, setSiteId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await mutate("POST", "/api/incidents/:id/liaison", { param: { id: incident.id }, body: {
        kind,
        priority,
        body,
        ...(parent ? { parentId: parent.id } : { toUnitId: to }),
        ...(functionId ? { functionId } : {}),
        ...(siteId ? { siteId } : {}),
      } });
      setBody("");
      onSent?.();
    } catch (err) {
      setError(explain(err));
    } finally {
      setBusy(false);
    }
  }

  const facilities = [...standing.sites.byId.value.values()].map((s) => s.value).filter((s) => s.source === "city");
  return (
    <form class="compose" onSubmit={submit} aria-label={parent ? t("relocation.liaison.reply") : t("relocation.liaison.new")}>
      <fieldset>
        <legend>{t("relocation.liaison.kind")}</legend>
        {KINDS.map((k) => (
          <label key={k} class="choice">
            <input type="radio" name={`kind-${parent?.id ?? "new"}`} checked={kind === k} onChange={() => setKind(k)} /> {t(`relocation.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("relocation.liaison.priority")}</legend>
        {PRIORITIES.map((p) => (
          <label key={p} class="choice">
            <input type="radio" name={`priority-${parent?.id ?? "new"}`} checked={priority === p} onChange={() => setPriority(p)} /> {t(`relocation.priority.${p}`)}
          </label>
        ))}
      </fieldset>
      {!parent && (
        <label>
          {t("relocation.liaison.to")}
          <select value={to} onChange={(e) => setTo(e.currentTarget.value)}>
            {units.value
              .filter((u) => u.id !== me.unitId)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {unitName(u.id)}
                </option>
              ))}
          </select>
        </label>
      )}
      <label class="wide">
        {t("relocation.liaison.body")}
        <textarea required rows={3} maxLength={2000} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
      </label>
      {!parent && (
        <>
          <label>
            {t("relocation.liaison.function")}
            <select value={functionId} onChange={(e) => setFunctionId(e.currentTarget.value)}>
              <option value="">—</option>
              {[...standing.functions.byId.value.values()].map((f) => (
                <option key={f.value.id} value={f.value.id}>
                  {fnName(f.value)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("relocation.liaison.site")}
            <select value={siteId} onChange={(e) => setSiteId(e.currentTarget.value)}>
              <option value="">—</option>
              {facilities.map((s) => (
                <option key={s.id} value={s.id}>
                  {siteName(s)}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      <FormError message={error} />
      <div class="actions">
        <button class="btn btn-primary" type="submit" disabled={busy}>
          {parent ? t("relocation.liaison.sendReply") : t("relocation.liaison.send")}
        </button>
      </div>
    </form>
  );
}

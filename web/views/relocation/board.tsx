import { useComputed } from "@preact/signals";
import { InundationBadge } from "./inundation";
import { memo } from "preact/compat";
import { useState } from "preact/hooks";
import { functionStatus, NEXT_STATES } from "../../../src/domain/relocation";
import { mayEditFunction } from "../../../src/domain/relocation-rules";
import type { Incident } from "../../../src/schema/incidents";
import type { Relocation, RelocationState } from "../../../src/schema/relocation-board";
import type { Me } from "../../../src/schema/session";
import { ApiFailure, mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { formatCountdown, formatDuration, formatJst, has, now, t } from "../../i18n";
import { unitName } from "../../models/session";
import type { IncidentRelocation } from "./incident-model";
import { blockersFor, blockersOf, boardEntries, fnName, minutesLabel, siteName, STATE_COLOUR, STATE_SHAPE } from "./labels";
import { standing } from "./standing";
import { FormError } from "../../components/form-error";
import { CutNotice } from "../../components/more-pages";

type BoardProps = { incident: Incident; model: IncidentRelocation; me: Me; tablet: boolean; onShowSite?: (id: string) => void };

/** The relocation board: one card per function, the ones needing attention first. */
export function Board(props: BoardProps) {
  const { incident, model } = props;
  // Only the order is computed over every row; each card follows its own row.
  const order = useComputed(() => boardEntries(model, incident.onsetAt, now.value).map((e) => e.fn.id).join(","));
  const ids = order.value ? order.value.split(",") : [];
  return (
    <section class={`card reloc-board${props.tablet ? " tablet" : ""}`} aria-labelledby="reloc-board-h">
      <h2 id="reloc-board-h">{t("relocation.board.title")}</h2>
      {ids.length === 0 && <p class="muted">{t("loading")}</p>}
      <ul class="fn-cards">
        {ids.map((id) => (
          <FunctionCard key={id} functionId={id} {...props} />
        ))}
      </ul>
      <MoveLog model={model} />
    </section>
  );
}

export const stateBadge = (state: RelocationState) => (
  <span class="badge state-badge" style={{ borderColor: STATE_COLOUR[state], color: STATE_COLOUR[state] }}>
    <span aria-hidden="true">{STATE_SHAPE[state]}</span> {t(`relocation.state.${state}`)}
  </span>
);

export const blockerLabel = (b: string) => (has(`relocation.check.${b}`) ? t(`relocation.check.${b}`) : t("relocation.blocker.unusable"));

export const FunctionCard = memo(function FunctionCard({ functionId, incident, model, me, tablet }: BoardProps & { functionId: string }) {
  const fn = standing.functions.byId.value.get(functionId)?.value;
  const [action, setAction] = useState<RelocationState | null>(null);
  if (!fn) return null;
  const row = model.row(fn.id, incident.onsetAt);
  const primary = standing.site(fn.primarySiteId);
  const status = functionStatus(fn, row, incident.onsetAt, primary, now.value);
  const { blockers, blockerSiteId } = blockersFor(fn, row);
  const here = standing.site(row.siteId);
  const mayMove = mayEditFunction(me, fn) && incident.status === "open";
  const away = row.state === "relocating" || row.state === "operational_at_alternate";

  return (
    <li class={`fn-card${status.overdueMinutes > 0 ? " overdue" : ""}`} data-function={fn.id} data-state={row.state}>
      <div class="fn-head">
        <span class="badge">{t("relocation.priority", { n: fn.priority })}</span>
        <h3>{fnName(fn)}</h3>
        {stateBadge(row.state)}
        {status.overdueMinutes > 0 && <span class="badge overdue">{t("relocation.overdue", { span: formatDuration(status.overdueMinutes * 60_000) })}</span>}
        {status.understaffed && <span class="badge warn">{t("relocation.understaffed")}</span>}
      </div>
      <dl class="fn-facts">
        <div>
          <dt>{t("relocation.where")}</dt>
          <dd>
            {siteName(here, t("relocation.noSite"))}
            {here && <InundationBadge site={here} quietWhenOutside />}
            {here && here.status !== "operational" && <span class="badge overdue">{t(`relocation.siteStatus.${here.status}`)}</span>}
            {row.siteId !== fn.primarySiteId && <span class="muted"> ({t("relocation.primaryIs", { site: siteName(primary) })})</span>}
          </dd>
        </div>
        <div>
          <dt>{t("relocation.inState")}</dt>
          <dd>{formatDuration(status.minutesInState * 60_000)}</dd>
        </div>
        <div>
          <dt>{t("relocation.target")}</dt>
          <dd>
            {t("relocation.deadline", { span: minutesLabel(fn.targetMinutes), time: formatJst(status.deadlineAt) })}
            {status.actualMinutes !== null ? (
              <span class={`badge ${status.metTarget ? "ok" : "overdue"}`}>
                {t(status.metTarget ? "relocation.actualMet" : "relocation.actualLate", { span: formatDuration(status.actualMinutes * 60_000) })}
              </span>
            ) : (
              !status.working && <span class="muted"> {formatCountdown(status.deadlineAt, now.value)}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("relocation.staff")}</dt>
          <dd>
            {t("relocation.staffOf", { present: row.staffPresent, needed: fn.staffNeeded })}
            <span class="bar" aria-hidden="true">
              <span style={{ width: `${Math.min(100, (row.staffPresent / Math.max(1, fn.staffNeeded)) * 100)}%` }} />
            </span>
          </dd>
        </div>
      </dl>
      {blockers.length > 0 && (
        <p class="badge overdue blockers">
          {t("relocation.blockersAt", { site: siteName(standing.site(blockerSiteId)), checks: blockers.map(blockerLabel).join("・") })}
        </p>
      )}
      {row.overrideReason && <p class="muted">{t("relocation.override", { reason: row.overrideReason })}</p>}
      {row.updatedByName && (
        <p class="muted small">{t("relocation.lastMove", { name: row.updatedByName, time: formatJst(row.updatedAt ?? row.since, { short: true }) })}</p>
      )}
      {mayMove && (
        <div class="actions move-actions">
          {NEXT_STATES[row.state]
            .filter((to) => !(row.state === "suspended" && to === "at_primary" && row.siteId !== fn.primarySiteId))
            .map((to) => (
              <button key={to} class={`btn move-btn${action === to ? " btn-primary" : ""}`} aria-expanded={action === to} onClick={() => setAction(action === to ? null : to)}>
                <span aria-hidden="true">{STATE_SHAPE[to]}</span> {t(`relocation.action.${to}`)}
              </button>
            ))}
          {away && <StaffControl row={row} incidentId={incident.id} />}
        </div>
      )}
      {action && mayMove && <MoveForm key={action} to={action} row={row} incidentId={incident.id} onDone={() => setAction(null)} tablet={tablet} />}
    </li>
  );
});

function MoveForm({ to, row, incidentId, onDone }: { to: RelocationState; row: Relocation; incidentId: string; onDone: () => void; tablet: boolean }) {
  const fn = standing.functions.byId.value.get(row.functionId)!.value;
  const usable = fn.alternateSiteIds.filter((id) => id !== row.siteId);
  const [siteId, setSiteId] = useState(usable.find((id) => standing.site(id)?.status !== "unusable") ?? usable[0] ?? "");
  const [staff, setStaff] = useState(String(row.staffPresent));
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const blockers = to === "operational_at_alternate" ? blockersOf(row.siteId) : to === "relocating" ? blockersOf(siteId) : [];

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await mutate("POST", "/api/incidents/:id/relocation/:functionId/transitions", { param: { id: incidentId, functionId: row.functionId }, body: {
        to,
        version: row.version,
        ...(to === "relocating" && siteId ? { siteId } : {}),
        ...(staff !== "" ? { staffPresent: Number(staff) } : {}),
        ...(reason.trim() ? { overrideReason: reason.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      } });
      onDone();
    } catch (err) {
      setError(err instanceof ApiFailure && has(`relocation.error.${err.code}`) ? t(`relocation.error.${err.code}`, { detail: err.message }) : explain(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="move-form" onSubmit={submit}>
      {to === "relocating" && (
        <label>
          {t("relocation.form.toSite")}
          <select value={siteId} onChange={(e) => setSiteId(e.currentTarget.value)} required>
            {usable.map((id) => {
              const s = standing.site(id);
              return (
                <option key={id} value={id} disabled={s?.status === "unusable"}>
                  {siteName(s, id)}
                  {s?.status === "unusable" ? `（${t("relocation.siteStatus.unusable")}）` : ""}
                </option>
              );
            })}
          </select>
        </label>
      )}
      <label>
        {t("relocation.form.staff", { needed: fn.staffNeeded })}
        <input type="number" inputMode="numeric" min={0} max={999} value={staff} onInput={(e) => setStaff(e.currentTarget.value)} />
      </label>
      {blockers.length > 0 && (
        <p class="error" role="alert">
          {t("relocation.blockers", { checks: blockers.map(blockerLabel).join("・") })}
        </p>
      )}
      {to === "operational_at_alternate" && blockers.length > 0 && (
        <label>
          {t("relocation.form.override")}
          <textarea required rows={2} maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
      )}
      <label>
        {t("relocation.form.note")}
        <input type="text" maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <FormError message={error} />
      <div class="actions">
        <button class="btn btn-primary move-btn" type="submit" disabled={busy}>
          {t("relocation.form.confirm", { action: t(`relocation.action.${to}`) })}
        </button>
        <button class="btn" type="button" onClick={onDone}>
          {t("relocation.form.cancel")}
        </button>
      </div>
    </form>
  );
}

function StaffControl({ row, incidentId }: { row: Relocation; incidentId: string }) {
  const [error, setError] = useState<string | null>(null);
  async function change(delta: number) {
    setError(null);
    try {
      await mutate("PATCH", "/api/incidents/:id/relocation/:functionId", { param: { id: incidentId, functionId: row.functionId }, body: { version: row.version, staffPresent: Math.max(0, row.staffPresent + delta) } });
    } catch (err) {
      setError(explain(err));
    }
  }
  return (
    <span class="staff-control" role="group" aria-label={t("relocation.staff")}>
      <button class="btn" onClick={() => change(-1)} aria-label={t("relocation.staffLess")} disabled={row.staffPresent === 0}>
        −
      </button>
      <span>{t("relocation.staffNow", { n: row.staffPresent })}</span>
      <button class="btn" onClick={() => change(1)} aria-label={t("relocation.staffMore")}>
        ＋
      </button>
      {error && <span class="error">{error}</span>}
    </span>
  );
}

/** Moves on screen at first; 「さらに表示」 shows the next as many. */
const MOVES_SHOWN = 100;

function MoveLog({ model }: { model: IncidentRelocation }) {
  const moves = model.moves.value;
  const [shown, setShown] = useState(MOVES_SHOWN);
  return (
    <details class="move-log">
      <summary>{t("relocation.moves.title", { n: moves.length })}</summary>
      <ol>
        {moves.slice(0, shown).map((m) => {
          const fn = standing.functions.byId.value.get(m.functionId)?.value;
          return (
            <li key={m.id}>
              <time dateTime={m.at}>{formatJst(m.at, { short: true })}</time> {fn ? fnName(fn) : m.functionId}：{t(`relocation.state.${m.fromState}`)} → {t(`relocation.state.${m.toState}`)}
              {m.siteId && <>（{siteName(standing.site(m.siteId), m.siteId)}）</>} — {m.byName}・{unitName(m.byUnit)}
              {m.overrideReason && <span class="muted"> {t("relocation.override", { reason: m.overrideReason })}</span>}
            </li>
          );
        })}
      </ol>
      <CutNotice shown={Math.min(shown, moves.length)} cut={moves.length > shown} busy={false} onMore={() => setShown(shown + MOVES_SHOWN)} />
    </details>
  );
}

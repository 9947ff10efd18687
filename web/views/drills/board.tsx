import { useSignal, useSignalEffect } from "@preact/signals";
import { HqReach } from "./hq-reach";
import { useState } from "preact/hooks";
import { mayManageDrill } from "../../../src/domain/drills";
import { secondsToMilestone } from "../../../src/domain/scoring";
import { CATEGORIES, type Drill, type DrillStatus, type StatusChange } from "../../../src/schema/drills";
import type { Me } from "../../../src/schema/session";
import { ApiFailure, mutate } from "../../lib/api";
import { explain } from "../../lib/errors";
import { formatJst, t } from "../../i18n";
import { Link } from "../../router";
import { clock, type DrillModel } from "./model";
import { CategoryBadge, CountsRow } from "./triage";
import "./drills.css";
import { FormError } from "../../components/form-error";

export function StatusBadge({ status }: { status: DrillStatus }) {
  return <span class={`badge drill-status drill-${status}`}>{t(`drills.status.${status}`)}</span>;
}

/** Seconds since the drill started, ticking only while it runs. */
export function Elapsed({ drill }: { drill: Drill }) {
  const tick = useSignal(Date.now());
  useSignalEffect(() => {
    if (drill.status !== "running") return;
    const timer = setInterval(() => (tick.value = Date.now()), 1000);
    return () => clearInterval(timer);
  });
  if (!drill.startedAt) return null;
  const until = drill.endedAt ? Date.parse(drill.endedAt) : tick.value;
  return (
    <span class="elapsed" role="timer" aria-label={t("drills.elapsed")}>
      {t("drills.elapsed")} <strong>{clock(until - Date.parse(drill.startedAt))}</strong>
    </span>
  );
}

export function StatusControls({ model, me }: { model: DrillModel; me: Me }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const d = model.drill.value;
  if (!mayManageDrill(me, d)) return null;

  async function move(to: StatusChange["to"]) {
    let reason: string | undefined;
    if (to === "cancelled") {
      reason = prompt(t("drills.cancelReason")) ?? undefined;
      if (!reason) return;
    } else if (to === "ended" && !confirm(t("drills.confirmEnd"))) return;
    setBusy(true);
    setError(null);
    try {
      const { data } = await mutate("POST", "/api/drills/:id/status", { param: { id: d.id }, body: { version: d.version, to, reason } });
      if (data.version > model.drill.value.version) model.drill.value = data;
    } catch (e) {
      setError(explain(e));
      if (e instanceof ApiFailure && e.status === 409 && e.current) model.drill.value = e.current as Drill;
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="actions">
      {d.status === "planned" && (
        <button class="btn btn-primary" disabled={busy} onClick={() => move("running")}>
          ▶ {t("drills.start")}
        </button>
      )}
      {d.status === "running" && (
        <button class="btn btn-danger" disabled={busy} onClick={() => move("ended")}>
          ■ {t("drills.end")}
        </button>
      )}
      {d.status === "ended" && (
        <button class="btn" disabled={busy} onClick={() => move("reviewed")}>
          ✓ {t("drills.markReviewed")}
        </button>
      )}
      {(d.status === "planned" || d.status === "running") && (
        <button class="btn btn-quiet" disabled={busy} onClick={() => move("cancelled")}>
          {t("drills.cancel")}
        </button>
      )}
      <FormError message={error} />
    </div>
  );
}

/** The live board every console shows: counts overall and per zone, elapsed time, untagged. */
export function LiveBoard({ model, compact }: { model: DrillModel; compact?: boolean }) {
  const d = model.drill.value;
  const b = model.board.value;
  const zoneName = (id: string) => d.zones.find((z) => z.id === id)?.name ?? t("drills.noZone");
  const last = model.lastTag.value;
  return (
    <section class="live-board" aria-label={t("drills.board")}>
      <div class="board-head">
        <StatusBadge status={d.status} /> <Elapsed drill={d} />
        <span class="muted">
          {t("drills.taggedOf", { tagged: b.total - b.untagged, total: b.total })}
        </span>
      </div>
      <CountsRow counts={b.overall} untagged={b.untagged} big={!compact} />
      {!compact && (
        <table class="zone-table">
          <caption>{t("drills.byZone")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("drills.zone")}</th>
              {CATEGORIES.map((c) => (
                <th key={c} scope="col">
                  <CategoryBadge category={c} small />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {b.zones.map((z) => (
              <tr key={z.zoneId}>
                <th scope="row">{zoneName(z.zoneId)}</th>
                <td>{z.counts.red}</td>
                <td>{z.counts.yellow}</td>
                <td>{z.counts.green}</td>
                <td>{z.counts.black}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(d.status === "running" || model.hqUnreceived.value > 0) && <HqReach model={model} always />}
      {last && (
        <p class="muted last-tag" aria-live="polite">
          {t("drills.lastTag", { tag: last.tagNumber, who: last.officerName, time: formatJst(last.taggedAt, { short: true }) })}{" "}
          <CategoryBadge category={last.category} small />
        </p>
      )}
    </section>
  );
}

/** The tag numbers nobody has tagged yet: what the paper count misses. */
export function UntaggedList({ model }: { model: DrillModel }) {
  const rows = model.casualties.filter((c) => !c.value.currentCategory);
  if (rows.length === 0) return null;
  return (
    <details class="card">
      <summary>{t("drills.untaggedList", { n: rows.length })}</summary>
      <p class="tag-numbers">{rows.map((c) => c.value.tagNumber).join("、")}</p>
    </details>
  );
}

export function DrillLinks({ d, me, onBoard }: { d: Drill; me: Me; onBoard?: boolean }) {
  return (
    <nav class="actions" aria-label={t("drills.links")}>
      {d.kind === "triage" && d.status === "running" && mayManageDrill(me, d) && (
        <Link href={`/drills/${d.id}/tag`} class="btn btn-primary">
          {t("drills.openTablet")}
        </Link>
      )}
      {!onBoard && (
        <Link href={`/drills/${d.id}`} class="btn">
          {t("drills.openBoard")}
        </Link>
      )}
      {(d.status === "ended" || d.status === "reviewed") && (
        <>
          <Link href={`/drills/${d.id}/score`} class="btn">
            {t("drills.openScore")}
          </Link>
          <Link href={`/drills/${d.id}/report`} class="btn">
            {t("drills.openReport")}
          </Link>
        </>
      )}
    </nav>
  );
}

/** A fire drill at a glance: milestones reached against their targets, misses first. */
export function MilestoneBrief({ model }: { model: DrillModel }) {
  const d = model.drill.value;
  const rows = model.milestones.value.map((m) => {
    const elapsed = secondsToMilestone(d.startedAt, m.reachedAt);
    return { ...m, elapsed, missed: elapsed !== null && elapsed > m.targetSeconds };
  });
  const reached = rows.filter((r) => r.elapsed !== null).length;
  const missed = rows.filter((r) => r.missed);
  return (
    <p class="milestone-brief">
      <StatusBadge status={d.status} /> <Elapsed drill={d} /> {t("drills.reachedOf", { n: reached, total: rows.length })}
      {missed.length > 0 && (
        <strong class="danger-text">
          {" "}
          ✕ {t("drills.missedList", { list: missed.map((m) => t(`drills.ms.${m.key}`)).join("、") })}
        </strong>
      )}
    </p>
  );
}

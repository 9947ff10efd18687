import { computed, signal, type Signal } from "@preact/signals";
import type { Change } from "../../../src/schema/changes";
import type { Drill, DrillCasualty, DrillDetail, Milestone, Tag } from "../../../src/schema/drills";
import type { Me } from "../../../src/schema/session";
import { countBoard, mayAcknowledgeForHq } from "../../../src/domain/drills";
import { getJson, mutate } from "../../lib/api";
import type { StreamFeed } from "../../lib/live";

export type { Drill, DrillCasualty, Tag };

/**
 * One drill as a console sees it: the drill, a signal per casualty (so a tag repaints one row),
 * and a board derived from those signals with the same pure function the server uses.
 */
export type DrillModel = {
  drill: Signal<Drill>;
  casualties: Array<Signal<DrillCasualty>>;
  byId: Map<string, Signal<DrillCasualty>>;
  milestones: Signal<Milestone[]>;
  board: ReturnType<typeof boardOf>;
  lastTag: Signal<Tag | null>;
  /** Tags not yet shown on any disaster HQ console. */
  hqUnreceived: Signal<number>;
  apply: (change: Change) => void;
  /** A tag this console just took, before its broadcast comes back. */
  applyTag: (tag: Tag) => void;
};

const boardOf = (drill: Signal<Drill>, casualties: Array<Signal<DrillCasualty>>) =>
  computed(() => countBoard(drill.value, casualties.map((c) => ({ category: c.value.currentCategory, zoneId: c.value.currentZoneId }))));

export function drillModel(detail: DrillDetail): DrillModel {
  const drill = signal(detail.drill);
  const casualties = detail.casualties.map((c) => signal(c));
  const byId = new Map(casualties.map((s) => [s.value.id, s]));
  const milestones = signal(detail.milestones);
  const lastTag = signal<Tag | null>(null);
  const hqUnreceived = signal(detail.hqUnreceived);
  // Recounted from the server shortly after tags or receipts arrive, rather than per message,
  // so replayed and overlapping messages can never skew it.
  let recount: ReturnType<typeof setTimeout> | undefined;
  const scheduleRecount = () => {
    clearTimeout(recount);
    recount = setTimeout(() => {
      void getJson<{ hqUnreceived: number }>(`/api/drills/${drill.value.id}/board`)
        .then((b) => (hqUnreceived.value = b.hqUnreceived))
        .catch(() => {});
    }, 1500);
  };

  function applyTag(t: Tag) {
    const row = t.drillId === drill.value.id ? byId.get(t.casualtyId) : undefined;
    if (!row || (row.value.lastTaggedAt && row.value.lastTaggedAt >= t.taggedAt)) return;
    row.value = {
      ...row.value,
      currentCategory: t.category,
      currentZoneId: t.zoneId,
      firstTaggedAt: row.value.firstTaggedAt ?? t.taggedAt,
      lastTaggedAt: t.taggedAt,
      tagCount: row.value.tagCount + 1,
    };
    lastTag.value = t;
  }

  // Changes may overlap the snapshot the model was built from: only newer facts are applied.
  function apply(change: Change) {
    if (change.entityType === "drill") {
      const next = change.after as Drill;
      if (next.id === drill.value.id && next.version > drill.value.version) drill.value = next;
    } else if (change.entityType === "drill_tag") {
      applyTag(change.after as Tag);
      if ((change.after as Tag).drillId === drill.value.id) scheduleRecount();
    } else if (change.entityType === "drill_hq_receipt") {
      if ((change.after as { drillId: string }).drillId === drill.value.id) scheduleRecount();
    } else if (change.entityType === "drill_milestone") {
      const m = change.after as Milestone;
      if (m.drillId === drill.value.id) milestones.value = milestones.value.map((x) => (x.key === m.key ? m : x));
    } else if (change.entityType === "drill_casualty") {
      const c = change.after as DrillCasualty;
      const row = byId.get(c.id);
      if (row && c.version > row.value.version) row.value = { ...row.value, ...c };
    }
  }

  return { drill, casualties, byId, milestones, board: boardOf(drill, casualties), lastTag, hqUnreceived, apply, applyTag };
}

export async function loadDrill(id: string): Promise<DrillModel> {
  return drillModel(await getJson<DrillDetail>(`/api/drills/${id}`));
}


const received = new Set<string>();
let pending = new Map<string, Set<string>>();
let flushTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * On a disaster HQ console, acknowledges each tag as it is shown, so the drill can measure how
 * long a tag took to reach the HQ. Batched briefly; the server keeps only the first receipt.
 */
export function acknowledgeAtHq(me: Me, change: Change) {
  if (!mayAcknowledgeForHq(me) || change.entityType !== "drill_tag") return;
  const t = change.after as Tag;
  if (received.has(t.id)) return;
  received.add(t.id);
  if (!pending.has(t.drillId)) pending.set(t.drillId, new Set());
  pending.get(t.drillId)!.add(t.id);
  clearTimeout(flushTimer);
  flushTimer = setTimeout(flushReceipts, 250);
}

function flushReceipts() {
  const batches = pending;
  pending = new Map();
  for (const [drillId, ids] of batches) {
    const tagIds = [...ids];
    for (let i = 0; i < tagIds.length; i += 1000) {
      void mutate("POST", `/api/drills/${drillId}/hq-receipts`, { tagIds: tagIds.slice(i, i + 1000) }).catch(() => {
        // Not recorded: let the next sight of these tags try again.
        for (const id of tagIds) received.delete(id);
      });
    }
  }
}

/** Subscribes a feed for HQ receipts; returns the unsubscribe function. */
export function watchForHq(feed: StreamFeed, me: Me): () => void {
  if (!mayAcknowledgeForHq(me)) return () => {};
  for (const c of feed.changes.value) acknowledgeAtHq(me, c);
  return feed.subscribe((c) => acknowledgeAtHq(me, c));
}

export const percent = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${(v * 100).toFixed(1)}%`);
export const seconds = (ms: number | null | undefined) => (ms === null || ms === undefined ? "—" : `${(ms / 1000).toFixed(1)}`);

/** mm:ss (or h:mm:ss) since an instant. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, "0");
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Saves text as a file on the device (CSV or JSON exports). */
export function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

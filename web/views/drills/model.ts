import { computed, effect, signal, untracked, type Signal } from "@preact/signals";
import type { Change } from "../../../src/schema/changes";
import type { Drill, DrillCasualty, DrillDetail, Milestone, Tag } from "../../../src/schema/drills";
import { countBoard, HQ_UNIT } from "../../../src/domain/drills";
import { getJson } from "../../lib/api";
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
  /** Tags no disaster HQ console has had yet (the room's delivery receipts). */
  hqUnreceived: Signal<number>;
  /** Disaster HQ screens open on the drill's stream; 0: nothing is reaching the HQ. */
  hqScreens: Signal<number>;
  /** Asks the server again for the HQ figures, shortly. */
  recount: () => void;
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
  const hqScreens = signal(detail.hqScreens);
  // Recounted from the server shortly after tags or receipts arrive, rather than per message,
  // so replayed and overlapping messages can never skew it.
  let recount: ReturnType<typeof setTimeout> | undefined;
  const scheduleRecount = () => {
    clearTimeout(recount);
    recount = setTimeout(() => {
      void getJson("/api/drills/:id/board", { param: { id: drill.value.id } })
        .then((b) => {
          hqUnreceived.value = b.hqUnreceived;
          hqScreens.value = b.hqScreens;
        })
        .catch(() => {});
    }, 500);
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
      const next = change.after;
      if (next && next.id === drill.value.id && next.version > drill.value.version) drill.value = next;
    } else if (change.entityType === "drill_tag") {
      const tag = change.after;
      if (!tag) return;
      applyTag(tag);
      if (tag.drillId === drill.value.id) scheduleRecount();
    } else if (change.entityType === "drill_milestone") {
      const m = change.after;
      if (m?.drillId === drill.value.id) milestones.value = milestones.value.map((x) => (x.key === m.key ? m : x));
    } else if (change.entityType === "drill_casualty") {
      const c = change.after;
      const row = c ? byId.get(c.id) : undefined;
      if (c && row && c.version > row.value.version) row.value = { ...row.value, ...c };
    }
  }

  return { drill, casualties, byId, milestones, board: boardOf(drill, casualties), lastTag, hqUnreceived, hqScreens, recount: scheduleRecount, apply, applyTag };
}

export async function loadDrill(id: string): Promise<DrillModel> {
  return drillModel(await getJson("/api/drills/:id", { param: { id } }));
}


/**
 * Keeps drills' HQ figures live from the stream's room: HQ screens open (presence) and, when an HQ
 * console has had more changes (a delivery receipt), a recount of the tags still on their way.
 * Receipts themselves are sent by every console's feed; nothing here writes.
 */
export function followHq(feed: StreamFeed, models: () => DrillModel[]): () => void {
  let first = true;
  return effect(() => {
    const screens = feed.screens.value;
    void feed.delivered.value[HQ_UNIT];
    untracked(() => {
      for (const m of models()) {
        if (screens) m.hqScreens.value = screens[HQ_UNIT] ?? 0;
        if (!first) m.recount();
      }
    });
    first = false;
  });
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

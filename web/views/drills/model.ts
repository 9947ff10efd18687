import { batch, computed, effect, signal, untracked, type Signal } from "@preact/signals";
import type { Drill, DrillCasualty, DrillDetail, Milestone, Tag } from "../../../src/schema/drills";
import { countBoard, HQ_UNIT } from "../../../src/domain/drills";
import { getJson } from "../../lib/api";
import type { StreamFeed } from "../../lib/live";
import { createLiveModel, LiveCollection } from "../../lib/live-model";

export type { Drill, DrillCasualty, Tag };

// Only a newer version replaces a held drill or casualty: a tag this console applied itself keeps
// the casualty's version, so a replayed older copy of the same version must not undo it.
const newer = (next: { version: number }, held: { version: number }) => next.version > held.version;

/**
 * One drill as a console sees it, on the one live model: the drill, a signal per casualty (so a
 * tag repaints one row), its milestones, and a board derived from those signals with the same pure
 * function the server uses. The stream carries every drill of the incident; rows of the others pass by.
 */
export class DrillModel {
  readonly id: string;
  private readonly drills = new LiveCollection<Drill>((d) => d.id, newer, (d) => d.id === this.id);
  private readonly rows = new LiveCollection<DrillCasualty>((c) => c.id, newer, (c) => c.drillId === this.id);
  // A milestone is recorded once per key; the latest record stands.
  private readonly milestoneRows = new LiveCollection<Milestone>((m) => m.key, () => true, (m) => m.drillId === this.id);
  readonly drill: Signal<Drill>;
  readonly lastTag = signal<Tag | null>(null);
  /** Tags no disaster HQ console has had yet (the room's delivery receipts). */
  readonly hqUnreceived = signal(0);
  /** Disaster HQ screens open on the drill's stream; 0: nothing is reaching the HQ. */
  readonly hqScreens = signal(0);
  private readonly live = createLiveModel({
    load: () => this.read(),
    changes: {
      drill: { into: this.drills },
      drill_casualty: { into: this.rows },
      drill_milestone: { into: this.milestoneRows },
      // A tag is not a row here: it moves its casualty's current category and zone.
      drill_tag: (c) => {
        if (!c.after || c.after.drillId !== this.id) return;
        this.applyTag(c.after);
        this.recount();
      },
    },
  });
  readonly loaded = this.live.loaded;
  readonly failed = this.live.failed;
  readonly error = this.live.error;
  private recountTimer: ReturnType<typeof setTimeout> | undefined;

  /** Starts from a drill (from a list) or its whole detail (already read). */
  constructor(first: Drill, detail?: DrillDetail) {
    this.id = first.id;
    this.drills.upsert(first);
    this.drill = this.drills.byId.peek().get(first.id)!;
    if (detail) this.take(detail);
  }

  /** The casualties in scenario order, one signal each. */
  get casualties(): Array<Signal<DrillCasualty>> {
    return [...this.rows.byId.value.values()];
  }

  get byId(): Map<string, Signal<DrillCasualty>> {
    return this.rows.byId.value;
  }

  readonly milestones = this.milestoneRows.all;

  readonly board = computed(() =>
    countBoard(this.drill.value, this.casualties.map((c) => ({ category: c.value.currentCategory, zoneId: c.value.currentZoneId }))),
  );

  /** Follows the drill's stream: listens first, then reads the drill again, so nothing between is missed. */
  attach(feed: StreamFeed) {
    return this.live.attach(feed);
  }

  dispose() {
    clearTimeout(this.recountTimer);
    this.live.detach();
  }

  private async read() {
    this.take(await getJson("/api/drills/:id", { param: { id: this.id } }));
  }

  private take(detail: DrillDetail) {
    batch(() => {
      this.drills.upsert(detail.drill);
      this.rows.replaceAll(detail.casualties);
      this.milestoneRows.replaceAll(detail.milestones);
      this.hqUnreceived.value = detail.hqUnreceived;
      this.hqScreens.value = detail.hqScreens;
    });
  }

  /** A milestone this console just recorded (the write's answer). */
  putMilestone(m: Milestone) {
    this.milestoneRows.upsert(m);
  }

  /** A tag this console just took, before its broadcast comes back; the broadcast then changes nothing. */
  applyTag(t: Tag) {
    const row = t.drillId === this.id ? this.rows.byId.peek().get(t.casualtyId) : undefined;
    const held = row?.peek();
    if (!row || !held || (held.lastTaggedAt && held.lastTaggedAt >= t.taggedAt)) return;
    row.value = {
      ...held,
      currentCategory: t.category,
      currentZoneId: t.zoneId,
      firstTaggedAt: held.firstTaggedAt ?? t.taggedAt,
      lastTaggedAt: t.taggedAt,
      tagCount: held.tagCount + 1,
    };
    this.lastTag.value = t;
  }

  /**
   * Asks the server again for the HQ figures, shortly: recounted after tags or receipts arrive
   * rather than per message, so replayed and overlapping messages can never skew them.
   */
  recount() {
    clearTimeout(this.recountTimer);
    this.recountTimer = setTimeout(() => {
      void getJson("/api/drills/:id/board", { param: { id: this.id } })
        .then((b) => {
          this.hqUnreceived.value = b.hqUnreceived;
          this.hqScreens.value = b.hqScreens;
        })
        .catch(() => {});
    }, 500);
  }
}

/** Reads one drill whole; attach the model to the drill's stream to keep it live. */
export async function loadDrill(id: string): Promise<DrillModel> {
  const detail = await getJson("/api/drills/:id", { param: { id } });
  return new DrillModel(detail.drill, detail);
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

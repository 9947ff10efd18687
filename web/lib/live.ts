import { signal } from "@preact/signals";
import type { Change } from "../../src/schema/changes";
import type { ClientMessage, ServerMessage } from "../../src/schema/live";
import { streamBase } from "../../src/schema/streams";
import { getJson } from "./http";
import { LiveSocket, type LiveStatus } from "./socket";

export type { LiveStatus };

const TIMELINE_KEEP = 300;
const PAGE = 1000;
/** Receipts of a burst of changes go as one message. */
const RECEIPT_DELAY_MS = 100;

/**
 * A stream's changes in sequence order, with no gap: live messages are applied in order; a
 * message that skips ahead, or a reconnect, triggers a pull from the change log first.
 */
export class StreamFeed {
  readonly latestSeq = signal(0);
  readonly changes = signal<Change[]>([]);
  readonly present = signal(0);
  /** Open screens per unit in this stream's room; null until the room has said. */
  readonly screens = signal<Record<string, number> | null>(null);
  /** Per unit, the seq up to which one of its consoles has had every change (delivery receipts). */
  readonly delivered = signal<Record<string, number>>({});
  readonly socket: LiveSocket;
  private receiptTimer: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Set<(c: Change) => void>();
  private waiting = new Map<number, Change>();
  private pulling: Promise<void> | null = null;
  refs = 0;

  constructor(readonly stream: string) {
    const base = streamBase(stream);
    this.socket = new LiveSocket(`${base}/live`, (m) => this.receive(m));
  }

  /** One page of the stream's change log after a sequence number. */
  private page(after: number, limit: number) {
    const query = { after, limit };
    return this.stream === "standing"
      ? getJson("/api/standing/changes", { query })
      : getJson("/api/incidents/:id/changes", { param: { id: this.stream }, query });
  }

  get status() {
    return this.socket.status;
  }

  /** Called for each change in seq order. Returns the unsubscribe function. */
  subscribe(fn: (c: Change) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  release() {
    if (--this.refs > 0) return;
    this.socket.close();
    feeds.delete(this.stream);
  }

  /** Loads the recent timeline; afterwards only what follows it is applied. */
  async start() {
    try {
      const head = await this.page(0, 1);
      const from = Math.max(0, head.latestSeq - TIMELINE_KEEP);
      if (this.latestSeq.value < from) this.latestSeq.value = from;
      await this.pull();
    } finally {
      // Only now listen: the room's hello then pulls whatever came in meanwhile.
      this.socket.open();
    }
  }

  private receive(m: ServerMessage) {
    if (m.type === "hello") {
      this.present.value = m.present;
      this.screens.value = m.screens;
      // A fresh connection has had nothing confirmed yet: say what this screen already holds.
      if (m.latestSeq > this.latestSeq.value) void this.pull();
      else this.sendReceipt();
    } else if (m.type === "presence") {
      this.present.value = m.present;
      this.screens.value = m.screens;
    } else if (m.type === "delivered") {
      this.delivered.value = { ...this.delivered.value, [m.unitId]: m.upTo };
    } else if (m.type === "changes") {
      for (const change of m.changes) this.offer(change);
    }
  }

  private offer(change: Change) {
    if (change.seq <= this.latestSeq.value) return;
    if (change.seq === this.latestSeq.value + 1 && !this.pulling) {
      this.apply(change);
      this.drainWaiting();
    } else {
      this.waiting.set(change.seq, change);
      if (!this.pulling) void this.pull();
    }
  }

  private apply(change: Change) {
    this.latestSeq.value = change.seq;
    const list = this.changes.value;
    this.changes.value = (list.length >= TIMELINE_KEEP ? list.slice(1 - TIMELINE_KEEP) : list).concat(change);
    for (const fn of this.listeners) fn(change);
    this.receiptTimer ??= setTimeout(() => this.sendReceipt(), RECEIPT_DELAY_MS);
  }

  /** Tells the room the seq this screen has applied, so it knows what really reached this unit. */
  private sendReceipt() {
    clearTimeout(this.receiptTimer);
    this.receiptTimer = undefined;
    this.socket.send(JSON.stringify({ type: "applied", seq: this.latestSeq.value } satisfies ClientMessage));
  }

  private drainWaiting() {
    for (;;) {
      const next = this.waiting.get(this.latestSeq.value + 1);
      if (!next) break;
      this.waiting.delete(next.seq);
      this.apply(next);
    }
    for (const seq of this.waiting.keys()) if (seq <= this.latestSeq.value) this.waiting.delete(seq);
  }

  /** Fetches every change after the last applied one, page by page. */
  pull(): Promise<void> {
    // Cleared in a later microtask, so a pull that finished cannot be mistaken for one under way.
    this.pulling ??= this.pullAll().finally(() => (this.pulling = null));
    return this.pulling;
  }

  private async pullAll() {
    for (;;) {
      const page = await this.page(this.latestSeq.value, PAGE);
      for (const c of page.items) if (c.seq === this.latestSeq.value + 1) this.apply(c);
      if (page.nextAfter === null) break;
    }
    // Live messages that arrived meanwhile follow on from what the log gave.
    this.drainWaiting();
  }
}

const feeds = new Map<string, StreamFeed>();

/** The shared feed of a stream (an incident id or "standing"); release() it when done. */
export function openStream(stream: string): StreamFeed {
  let feed = feeds.get(stream);
  if (!feed) {
    feed = new StreamFeed(stream);
    feeds.set(stream, feed);
    void feed.start().catch(() => {});
  }
  feed.refs++;
  return feed;
}

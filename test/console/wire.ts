import type { Change } from "../../src/schema/changes";
import type { StreamFeed } from "../../web/lib/live";

/*
 * Stand-ins for the two network ends the console talks to: the change log over fetch and the
 * room over a WebSocket. The console code under test is real; only the far ends are played here.
 */

export function change(seq: number, entityType = "incident", entityId = "i1", after: unknown = { id: entityId, version: seq }, stream = "i1"): Change {
  return {
    stream,
    seq,
    at: new Date(Date.UTC(2026, 11, 1, 0, 0, seq)).toISOString(),
    actor: { id: "u-hq", name: "防災 太郎", unitId: "hq" },
    entityType,
    entityId,
    op: "update",
    before: null,
    after,
    mutationId: `m${seq}`,
  } as Change;
}

/** A change log answering `/changes?after=&limit=` from an array the test appends to. */
export function changeLog(log: Change[]) {
  const asked: string[] = [];
  const fetchLog = async (input: RequestInfo | URL) => {
    const url = new URL(String(input), "http://console.test");
    asked.push(url.pathname + url.search);
    if (!url.pathname.endsWith("/changes")) return new Response("{}", { status: 404 });
    const after = Number(url.searchParams.get("after") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? 500);
    const items = log.filter((c) => c.seq > after).slice(0, limit);
    const latestSeq = log.at(-1)?.seq ?? 0;
    const last = items.at(-1)?.seq ?? after;
    return Response.json({ items, latestSeq, nextAfter: last < latestSeq ? last : null });
  };
  return { fetch: fetchLog, asked };
}

type Listener = ((e: { data?: string; code?: number }) => void) | null;

/** The room's end of each socket the console opens. */
export class RoomSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 3;
  static opened: RoomSocket[] = [];
  readyState = RoomSocket.CONNECTING;
  onopen: Listener = null;
  onmessage: Listener = null;
  onclose: Listener = null;
  sent: string[] = [];
  closedWith: number | undefined;

  constructor(readonly url: string) {
    RoomSocket.opened.push(this);
  }

  static get last(): RoomSocket {
    return RoomSocket.opened.at(-1)!;
  }

  accept() {
    this.readyState = RoomSocket.OPEN;
    this.onopen?.({});
  }

  say(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }

  send(text: string) {
    this.sent.push(text);
  }

  /** Closed by either end; the console hears it as a close event. */
  close(code = 1006) {
    if (this.readyState === RoomSocket.CLOSED) return;
    this.readyState = RoomSocket.CLOSED;
    this.closedWith = code;
    this.onclose?.({ code });
  }
}

/** Lets pending promise callbacks (a fetch answered, the validator loaded) run. */
export async function settle(times = 20) {
  for (let i = 0; i < times; i++) await new Promise((r) => setTimeout(r, 0));
}

let online = true;
export function setOnline(value: boolean) {
  online = value;
  dispatchEvent(new Event(value ? "online" : "offline"));
}
Object.defineProperty(navigator, "onLine", { configurable: true, get: () => online });

/** Waits (generously) until the condition holds; fails the test with what was last seen otherwise. */
export async function until<T>(read: () => T, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`still ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A feed that hands a store whatever the test pushes, in the order pushed (StreamFeed's promise). */
export function feedOf() {
  const listeners = new Set<(c: Change) => void>();
  return {
    feed: { subscribe: (fn: (c: Change) => void) => (listeners.add(fn), () => listeners.delete(fn)) } as unknown as StreamFeed,
    push: (c: Change) => listeners.forEach((fn) => fn(c)),
    listening: () => listeners.size,
  };
}

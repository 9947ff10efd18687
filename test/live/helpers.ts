import { SELF } from "cloudflare:test";
import type { Change, ChangeOf } from "../../src/schema/changes";
import type { ClientMessage, ServerMessage } from "../../src/schema/live";
import { ORIGIN, type Client } from "../helpers";

/** A connected test listener that keeps every message and can wait for a matching one. */
export type Listener = {
  messages: ServerMessage[];
  next: (match: (m: ServerMessage) => boolean, timeoutMs?: number) => Promise<ServerMessage>;
  /** Waits for a frame carrying a matching change; answers that change. */
  nextChange: (match: (c: Change) => boolean, timeoutMs?: number) => Promise<Change>;
  changeSeqs: () => number[];
  /** Sends a client message, e.g. a delivery receipt { type: "applied", seq }. */
  send: (message: ClientMessage) => void;
  close: () => void;
};

export async function listen(client: Client, path: string): Promise<Listener> {
  const res = await SELF.fetch(`${ORIGIN}${path}`, { headers: { Cookie: client.cookie, Origin: ORIGIN, Upgrade: "websocket" } });
  if (res.status !== 101 || !res.webSocket) throw new Error(`upgrade refused: ${res.status}`);
  const ws = res.webSocket;
  ws.accept();
  const messages: ServerMessage[] = [];
  const waiters: { match: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void; from: number }[] = [];
  ws.addEventListener("message", (e) => {
    const m = JSON.parse(String(e.data)) as ServerMessage;
    messages.push(m);
    for (const w of [...waiters]) {
      if (w.match(m)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  const next: Listener["next"] = (match, timeoutMs = 2000) => {
    const seen = messages.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const w = { match, resolve, from: messages.length };
      waiters.push(w);
      setTimeout(() => reject(new Error(`no matching message in ${timeoutMs} ms; got ${JSON.stringify(messages)}`)), timeoutMs);
    });
  };
  return {
    messages,
    next,
    nextChange: async (match, timeoutMs) => {
      const frame = await next((m) => changesOf(m).some(match), timeoutMs);
      return changesOf(frame).find(match)!;
    },
    changeSeqs: () => messages.flatMap((m) => changesOf(m).map((c) => c.seq)),
    send: (message) => ws.send(JSON.stringify(message)),
    close: () => ws.close(1000, "test done"),
  };
}

/** The changes a frame carries; none for any other message. */
export const changesOf = (m: ServerMessage): Change[] => (m.type === "changes" ? m.changes : []);

export const isChange = (seq: number) => (m: ServerMessage) => changesOf(m).some((c) => c.seq === seq);

/** A change as a write logs it, minus its seq: an addition of one checklist item, numbered n. */
export const additionEntry = (stream: string, n: number, mutationId = `m-${stream}-${n}`): Omit<ChangeOf<"checklist_addition">, "seq"> => ({
  stream,
  at: new Date().toISOString(),
  actor: { id: "user-hq", name: "hq", unitId: "hq" },
  entityType: "checklist_addition",
  entityId: `addition-${n}`,
  op: "create",
  before: null,
  after: { incidentId: "i-1", unitId: "hq", itemCount: 1, itemIds: [`item-${n}`] },
  mutationId,
});

/** The same as announced to a room, at seq n. */
export const additionAt = (stream: string, n: number, mutationId?: string): Change => ({ ...additionEntry(stream, n, mutationId), seq: n });

import { DurableObject } from "cloudflare:workers";
import { listChanges } from "../db/changes";
import type { Change } from "../schema/changes";
import type { Incident } from "../schema/incidents";
import { ClientMessage, PING, PONG, type ServerMessage } from "../schema/live";
import type { Me } from "../schema/session";

export type Listener = Pick<Me, "id" | "displayName" | "unitId" | "role">;

/** How long an out-of-order change waits for its predecessor before the room reads the log. */
const GAP_WAIT_MS = 250;

/**
 * A live room: one per incident (and one for the incident list). Sockets hibernate; identity
 * rides in each socket's attachment. Changes go out in sequence order with no gaps: one that
 * arrives early waits briefly, then the room fills the gap from the change log itself.
 */
export class LiveRoom extends DurableObject<Env> {
  private stream: string | null = null;
  /** Highest seq sent; unknown after waking until the next announcement. */
  private lastSent: number | null = null;
  private early = new Map<number, Change>();
  private gapTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Keep-alive pings are answered by the runtime without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
  }

  /** Accepts an already-authorised WebSocket upgrade forwarded by the worker. */
  async fetch(request: Request): Promise<Response> {
    const listener = JSON.parse(decodeURIComponent(request.headers.get("X-Listener") ?? "null")) as Listener | null;
    const stream = request.headers.get("X-Stream");
    if (!listener || !stream) return new Response("missing identity", { status: 400 });
    this.stream = stream;
    const latestSeq = Math.max(Number(request.headers.get("X-Latest-Seq") ?? 0), this.lastSent ?? 0);

    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, [stream]);
    server.serializeAttachment(listener);
    const present = this.ctx.getWebSockets().length;
    server.send(JSON.stringify({ type: "hello", stream, latestSeq, present } satisfies ServerMessage));
    this.broadcast({ type: "presence", present }, server);
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Called by the write path after its batch committed. */
  async announce(changes: Change[]): Promise<void> {
    for (const change of changes) {
      this.stream ??= change.stream;
      if (this.lastSent === null || change.seq === this.lastSent + 1) this.send(change);
      else if (change.seq > this.lastSent + 1) this.early.set(change.seq, change);
    }
    this.flushEarly();
    if (this.early.size > 0 && !this.gapTimer) {
      this.gapTimer = setTimeout(() => void this.fillGap(), GAP_WAIT_MS);
    }
  }

  async announceIncident(incident: Incident): Promise<void> {
    this.broadcast({ type: "incident", incident });
  }

  async webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer) {
    let parsed: ClientMessage;
    try {
      parsed = ClientMessage.parse(JSON.parse(typeof raw === "string" ? raw : new TextDecoder().decode(raw)));
    } catch {
      ws.send(JSON.stringify({ type: "error", message: "unknown message" } satisfies ServerMessage));
      return;
    }
    if (parsed.type === "ping") ws.send(PONG);
  }

  async webSocketClose(ws: WebSocket, code: number) {
    this.closed(ws, code);
  }

  async webSocketError(ws: WebSocket) {
    this.closed(ws, 1011);
  }

  private closed(ws: WebSocket, code: number) {
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, "bye");
    } catch {
      // already closed
    }
    this.broadcast({ type: "presence", present: this.ctx.getWebSockets().filter((s) => s !== ws).length });
  }

  private send(change: Change) {
    this.lastSent = change.seq;
    this.broadcast({ type: "change", change });
  }

  private flushEarly() {
    while (this.lastSent !== null && this.early.has(this.lastSent + 1)) {
      const next = this.early.get(this.lastSent + 1)!;
      this.early.delete(next.seq);
      this.send(next);
    }
    // Anything at or below what was sent is a duplicate.
    for (const seq of this.early.keys()) if (this.lastSent !== null && seq <= this.lastSent) this.early.delete(seq);
  }

  /** The predecessor never came (its worker died after commit): read it from the log. */
  private async fillGap() {
    this.gapTimer = null;
    if (this.early.size === 0 || this.lastSent === null || !this.stream) return;
    const upTo = Math.min(...this.early.keys());
    const page = await listChanges(this.env.DB, this.stream, this.lastSent, upTo - this.lastSent - 1);
    for (const change of page.items) if (change.seq === this.lastSent + 1) this.send(change);
    // Should the log still lack it, move on: each console pulls what it lacks when it sees the gap.
    if (this.lastSent < upTo - 1) this.lastSent = upTo - 1;
    this.flushEarly();
    if (this.early.size > 0) this.gapTimer = setTimeout(() => void this.fillGap(), GAP_WAIT_MS);
  }

  private broadcast(message: ServerMessage, except?: WebSocket) {
    const text = JSON.stringify(message);
    for (const ws of this.ctx.getWebSockets()) {
      if (ws === except) continue;
      try {
        ws.send(text);
      } catch {
        // a socket closing under us; its close handler tidies up
      }
    }
  }
}

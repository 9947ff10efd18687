import { DurableObject } from "cloudflare:workers";
import { latestSeq as latestLoggedSeq, listChanges } from "../db/changes";
import type { Change } from "../schema/changes";
import type { Incident } from "../schema/incidents";
import { ClientMessage, PING, PONG, type ServerMessage } from "../schema/live";
import type { Me } from "../schema/session";
import { Deliveries } from "./deliveries";
import { type Committed, GroupCommit, type WriteBatch } from "./group-commit";

export type Listener = Pick<Me, "id" | "displayName" | "unitId" | "role">;
/** What each socket's attachment holds: who listens, and the stream's latest seq when they joined. */
type Attachment = Listener & { joinedSeq: number };

/** How long an out-of-order change waits for its predecessor before the room reads the log. */
const GAP_WAIT_MS = 250;
/** Joins and leaves within this long go out as one presence frame (a thousand consoles at once). */
const PRESENCE_EVERY_MS = 100;
/**
 * A frame costs one send per open socket, and the room's sends share one thread with every
 * write it commits. So after a frame the next waits this long per listening socket (at most
 * MAX_FRAME_GAP_MS): changes that come due meanwhile leave together, one send each. A change after
 * a quiet spell leaves at the end of the turn, as before; only a busy room with many listeners
 * waits, and there a hundred sends per change would queue every write behind them. Measured at 100
 * consoles and 50 writes/s, 0.5 ms per socket (a frame at most every 50 ms) spent 5–8 % less server
 * CPU per write than 0.25 and reached the last console sooner at the median; its p99 over four runs
 * each was no worse (median 173 against 192 ms).
 */
const FRAME_GAP_MS_PER_SOCKET = 0.5;
const MAX_FRAME_GAP_MS = 50;
/**
 * Consoles' frames go out uncompressed. Offered permessage-deflate (every browser offers it), the
 * runtime deflates each frame once per socket on the room's one thread, and keeps a compressor per
 * socket: at a thousand consoles that doubled the time for a change to reach the last of them and
 * held a few hundred MiB. A frame is small (a change is under 1 KB); what is large, a snapshot or a
 * page of the log, comes over HTTP. Naming only an extension the runtime does not implement makes
 * it agree to none: the 101 then carries no Sec-WebSocket-Extensions header (RFC 7692 lets a server
 * decline the offer).
 */
const UNCOMPRESSED = { "Sec-WebSocket-Extensions": "uncompressed" };

/**
 * A live room: one per incident (and one for the incident list). Sockets hibernate; identity
 * rides in each socket's attachment. Changes go out in sequence order with no gaps: one that
 * arrives early waits briefly, then the room fills the gap from the change log itself. The room
 * commits its stream's writes itself (a burst in one D1 batch), so it has each change the moment
 * it is committed; changes committed together leave in one frame at the end of the turn.
 */
export class LiveRoom extends DurableObject<Env> {
  private stream: string | null = null;
  /** Highest seq sent; unknown after waking until the next announcement. */
  private lastSent: number | null = null;
  private early = new Map<number, Change>();
  private gapTimer: ReturnType<typeof setTimeout> | null = null;
  /** Changes due out in the next frame: a burst leaves as one frame, serialised once. */
  private outgoing: Change[] = [];
  /** When the last changes frame left (performance.now()), to pace the next. */
  private lastFrameAt = -Infinity;
  /**
   * Who listens, kept as sockets join and leave so a join costs the same with a thousand open:
   * null after waking, then rebuilt once from the sockets' attachments.
   */
  private members: Map<WebSocket, Attachment> | null = null;
  private screens = new Map<string, number>();
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly deliveries: Deliveries;
  private readonly commits: GroupCommit;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.deliveries = new Deliveries(ctx.storage.sql);
    this.commits = new GroupCommit(env.DB, (changes) => void this.announce(changes));
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

    const members = this.listeners();
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, [stream]);
    const attachment: Attachment = { ...listener, joinedSeq: latestSeq };
    server.serializeAttachment(attachment);
    this.join(members, server, attachment);
    server.send(JSON.stringify({ type: "hello", stream, latestSeq, ...this.presence() } satisfies ServerMessage));
    this.presenceChanged();
    return new Response(null, { status: 101, webSocket: client, headers: UNCOMPRESSED });
  }

  /** The write path's batch for this stream: answered once D1 committed it, then broadcast. */
  async commit(stream: string, batch: WriteBatch): Promise<Committed> {
    this.stream ??= stream;
    return this.commits.commit(batch);
  }

  /** Changes committed elsewhere (or read back from the log), in any order. */
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
    else if (parsed.type === "applied") await this.applied(ws, parsed.seq);
  }

  /**
   * What the unit's consoles have had: open screens now, and when each of these seqs first
   * reached one of them (absent while none has).
   */
  async deliveryTo(unitId: string, seqs: number[]): Promise<{ screens: number; upTo: number; at: Record<number, string> }> {
    this.listeners();
    return { screens: this.screens.get(unitId) ?? 0, upTo: this.deliveries.upTo(unitId), at: this.deliveries.deliveredAt(unitId, seqs) };
  }

  /** A console's receipt: recorded for its unit the first time any of the unit's consoles had the change. */
  private async applied(ws: WebSocket, seq: number) {
    const who = this.listeners().get(ws);
    if (!who || !this.stream || seq <= this.deliveries.upTo(who.unitId)) return;
    // A receipt never runs ahead of the log: a console cannot have what was not yet committed.
    let known = Math.max(this.lastSent ?? 0, who.joinedSeq);
    if (seq > known) known = await latestLoggedSeq(this.env.DB, this.stream);
    const at = new Date().toISOString();
    const got = this.deliveries.record(who.unitId, Math.min(seq, known), at);
    if (got) this.broadcast({ type: "delivered", unitId: who.unitId, upTo: got.to, at });
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
    // Woken by this close, the room reads its listeners without it; awake, it counts it out, once
    // (a socket can report an error and then its close).
    const awake = this.members !== null;
    const members = this.listeners(ws);
    const who = members.get(ws);
    if (who) {
      members.delete(ws);
      const left = (this.screens.get(who.unitId) ?? 1) - 1;
      if (left > 0) this.screens.set(who.unitId, left);
      else this.screens.delete(who.unitId);
    } else if (awake) return;
    this.presenceChanged();
  }

  /** The room's listeners; after waking, read once from every open socket but `leaving`. */
  private listeners(leaving?: WebSocket): Map<WebSocket, Attachment> {
    if (this.members) return this.members;
    const members = new Map<WebSocket, Attachment>();
    this.screens = new Map();
    this.members = members;
    for (const ws of this.ctx.getWebSockets()) {
      const a = ws === leaving ? null : (ws.deserializeAttachment() as Attachment | null);
      if (a) this.join(members, ws, a);
    }
    return members;
  }

  private join(members: Map<WebSocket, Attachment>, ws: WebSocket, a: Attachment) {
    members.set(ws, a);
    this.screens.set(a.unitId, (this.screens.get(a.unitId) ?? 0) + 1);
  }

  private presence() {
    return { present: this.listeners().size, screens: Object.fromEntries(this.screens) };
  }

  /** Consoles joining or leaving together are told once, after the burst. */
  private presenceChanged() {
    this.presenceTimer ??= setTimeout(() => {
      this.presenceTimer = null;
      this.broadcast({ type: "presence", ...this.presence() });
    }, PRESENCE_EVERY_MS);
  }

  private send(change: Change) {
    this.lastSent = change.seq;
    if (this.outgoing.push(change) > 1) return;
    const gap = Math.min(MAX_FRAME_GAP_MS, this.listeners().size * FRAME_GAP_MS_PER_SOCKET);
    setTimeout(() => this.flushOutgoing(), Math.max(0, this.lastFrameAt + gap - performance.now()));
  }

  private flushOutgoing() {
    const changes = this.outgoing;
    this.outgoing = [];
    this.lastFrameAt = performance.now();
    if (changes.length > 0) this.broadcast({ type: "changes", changes });
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

  /** To every listener the room keeps (asking the runtime for its sockets on each frame costs more than the sends). */
  private broadcast(message: ServerMessage) {
    const text = JSON.stringify(message);
    for (const ws of this.listeners().keys()) {
      try {
        ws.send(text);
      } catch {
        // a socket closing under us; its close handler tidies up
      }
    }
  }
}

// The benchmarks' worker: Keizoku itself, unchanged, plus what only a benchmark wants, served by
// the same `wrangler dev` so every side shares one runtime, one machine and one load:
//   /bench/bare/{room}               a bare broadcast room (no D1, no checks): the baseline;
//   /bench/sequenced/{room}/liaison  the alternative design, measured before adopting it: the
//                                    incident's own Durable Object numbers and stores each write in
//                                    its SQLite storage (durable before it answers) and broadcasts
//                                    it; D1 only for the session; …/live for its consoles;
//   /bench/round-trips               the D1 round trips every API route has reported (Server-Timing).
import { DurableObject } from "cloudflare:workers";
import { getCookie } from "hono/cookie";
import { Hono } from "hono";
import { findSessionUser } from "../src/db/people";
import app from "../src/index";
import { SESSION_COOKIE } from "../src/lib/guards";
import { sha256 } from "../src/lib/passwords";
import { LiaisonCreate } from "../src/schema/relocation-liaison";
import type { Me } from "../src/schema/session";

export { LiveRoom, WriteMeter } from "../src/index";

type BenchEnv = Env & { BARE_ROOM: DurableObjectNamespace<BareRoom>; SEQUENCED_ROOM: DurableObjectNamespace<SequencedRoom> };

type Written = { seq: number; stream: string; at: string; entityType: "liaison_message"; entityId: string; op: "create"; after: unknown; mutationId: string };

/**
 * The alternative: the room is the incident's log. A write is numbered and stored in the room's
 * own SQLite (the answer leaves only once the storage write is durable), then broadcast with the
 * same per-turn batching as LiveRoom. Idempotency by key within the room.
 */
export class SequencedRoom extends DurableObject<BenchEnv> {
  private outgoing: Written[] = [];

  constructor(ctx: DurableObjectState, env: BenchEnv) {
    super(ctx, env);
    ctx.storage.sql.exec(`CREATE TABLE IF NOT EXISTS changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE,
      entity_id TEXT NOT NULL, at TEXT NOT NULL, after_json TEXT NOT NULL)`);
  }

  async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade")?.toLowerCase() === "websocket") {
      const { 0: client, 1: server } = new WebSocketPair();
      this.ctx.acceptWebSocket(server);
      return new Response(null, { status: 101, webSocket: client });
    }
    const { key, after, stream } = (await request.json()) as { key: string; after: Record<string, unknown>; stream: string };
    const known = this.ctx.storage.sql.exec<{ seq: number }>("SELECT seq FROM changes WHERE key = ?", key).toArray()[0];
    if (known) return Response.json({ seq: known.seq, replayed: true }, { status: 201 });
    const id = crypto.randomUUID();
    const at = new Date().toISOString();
    const row = this.ctx.storage.sql
      .exec<{ seq: number }>("INSERT INTO changes (key, entity_id, at, after_json) VALUES (?, ?, ?, ?) RETURNING seq", key, id, at, JSON.stringify({ ...after, id }))
      .one();
    const change: Written = { seq: row.seq, stream, at, entityType: "liaison_message", entityId: id, op: "create", after: { ...after, id }, mutationId: key };
    if (this.outgoing.push(change) === 1) setTimeout(() => this.flush(), 0);
    return Response.json({ data: { id }, seq: row.seq }, { status: 201 });
  }

  list(): { body: string }[] {
    return this.ctx.storage.sql.exec<{ after_json: string }>("SELECT after_json FROM changes ORDER BY seq").toArray().map((r) => JSON.parse(r.after_json));
  }

  private flush() {
    const text = JSON.stringify({ type: "changes", changes: this.outgoing });
    this.outgoing = [];
    for (const ws of this.ctx.getWebSockets()) {
      try {
        ws.send(text);
      } catch {
        // closing
      }
    }
  }

  async webSocketClose(ws: WebSocket, code: number) {
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, "bye");
    } catch {
      // already closed
    }
  }
}

// The alternative's worker side: the session from D1 (remembered as the app does), the body
// validated with the app's own schema, then straight to the incident's room.
const remembered = new Map<string, { user: Me; until: number }>();
const sequenced = new Hono<{ Bindings: BenchEnv }>()
  .use(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (!token) return c.json({ error: { code: "unauthenticated" } }, 401);
    const hash = await sha256(token);
    let hit = remembered.get(hash);
    if (!hit || hit.until < Date.now()) {
      const user = await findSessionUser(c.env.DB, hash, new Date().toISOString());
      if (!user) return c.json({ error: { code: "unauthenticated" } }, 401);
      hit = { user, until: Date.now() + 60_000 };
      remembered.set(hash, hit);
    }
    await next();
  })
  .get("/bench/sequenced/:room/live", (c) => roomOf(c.env, c.req.param("room")).fetch(c.req.raw))
  .get("/bench/sequenced/:room/liaison", async (c) => c.json({ items: await roomOf(c.env, c.req.param("room")).list() }))
  .post("/bench/sequenced/:room/liaison", async (c) => {
    const parsed = LiaisonCreate.safeParse(await c.req.json());
    const key = c.req.header("Idempotency-Key");
    if (!parsed.success || !key) return c.json({ error: { code: "invalid_request" } }, 400);
    const room = c.req.param("room");
    return roomOf(c.env, room).fetch("https://room/write", { method: "POST", body: JSON.stringify({ key, after: parsed.data, stream: room }) });
  });

const roomOf = (env: BenchEnv, room: string) => env.SEQUENCED_ROOM.get(env.SEQUENCED_ROOM.idFromName(room));

/** Re-sends every WebSocket message to every socket of the room, as it came. */
export class BareRoom extends DurableObject<BenchEnv> {
  async fetch(): Promise<Response> {
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    return new Response(null, { status: 101, webSocket: client });
  }

  async webSocketMessage(_from: WebSocket, message: string | ArrayBuffer) {
    for (const ws of this.ctx.getWebSockets()) {
      try {
        ws.send(message);
      } catch {
        // closing
      }
    }
  }

  async webSocketClose(ws: WebSocket, code: number) {
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, "bye");
    } catch {
      // already closed
    }
  }
}

type Tally = { requests: number; max: number; counts: Record<number, number> };
const tallies = new Map<string, Tally>();

// OpenAPI-style patterns of the app's own routes, to name each request by its route.
const patterns = app.routes
  .filter((r) => r.method !== "ALL" && !r.path.includes("*"))
  .map((r) => ({ name: `${r.method} ${r.path}`, method: r.method, re: new RegExp(`^${r.path.replace(/:[^/]+/g, "[^/]+")}$`) }));

// Remembered per address, so the tally costs the measured requests next to nothing.
const named = new Map<string, string>();
function routeOf(method: string, path: string) {
  const key = `${method} ${path}`;
  let name = named.get(key);
  if (name === undefined) {
    name = patterns.find((p) => p.method === method && p.re.test(path))?.name ?? `${method} (unrouted)`;
    if (named.size >= 10_000) named.clear();
    named.set(key, name);
  }
  return name;
}

function record(request: Request, response: Response) {
  const m = /d1;dur=[\d.]+;desc="(\d+) round trips?/.exec(response.headers.get("Server-Timing") ?? "");
  if (!m) return;
  const route = `${routeOf(request.method, new URL(request.url).pathname)} → ${response.status}`;
  const n = Number(m[1]);
  const t = tallies.get(route) ?? { requests: 0, max: 0, counts: {} };
  t.requests++;
  t.max = Math.max(t.max, n);
  t.counts[n] = (t.counts[n] ?? 0) + 1;
  tallies.set(route, t);
}

export default {
  async fetch(request: Request, env: BenchEnv, ctx: ExecutionContext): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith("/bench/bare/")) {
      return env.BARE_ROOM.get(env.BARE_ROOM.idFromName(pathname)).fetch(request);
    }
    if (pathname.startsWith("/bench/sequenced/")) return sequenced.fetch(request, env, ctx);
    if (pathname === "/bench/round-trips") {
      return Response.json(Object.fromEntries([...tallies].sort(([a], [b]) => a.localeCompare(b))));
    }
    const response = await app.fetch(request, env, ctx);
    record(request, response);
    return response;
  },
};

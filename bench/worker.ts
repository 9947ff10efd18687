// The benchmarks' worker: Keizoku itself, unchanged, plus two things only a benchmark wants,
// served by the same `wrangler dev` so both sides share one runtime, one machine and one load:
//   /bench/bare/{room}    a bare broadcast room (no D1, no checks), the baseline of write → console;
//   /bench/round-trips    the D1 round trips every API route has reported so far (Server-Timing).
import { DurableObject } from "cloudflare:workers";
import app from "../src/index";

export { LiveRoom } from "../src/index";

type BenchEnv = Env & { BARE_ROOM: DurableObjectNamespace<BareRoom> };

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

function routeOf(method: string, path: string) {
  return patterns.find((p) => p.method === method && p.re.test(path))?.name ?? `${method} (unrouted)`;
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
    if (pathname === "/bench/round-trips") {
      return Response.json(Object.fromEntries([...tallies].sort(([a], [b]) => a.localeCompare(b))));
    }
    const response = await app.fetch(request, env, ctx);
    record(request, response);
    return response;
  },
};

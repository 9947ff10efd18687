import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import app from "../../src/index";
import { ORIGIN, signIn } from "../helpers";
import { ENTRIES, type Entry } from "./matrix-entries";
import { allowed, type Fixtures, loginFor, makeFixtures, type Subject, SUBJECTS } from "./matrix-fixtures";

/** Every route the app answers, as Hono lists it (middleware, registered for ALL, left out). */
const appRoutes = () => [...new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`))].sort();

let fx: Fixtures;
// Shared with the fixtures; an entry that ends its person's sessions signs them in again.
const clients = {} as Fixtures["client"];
type Login = keyof Fixtures["client"];
beforeAll(async () => {
  for (const login of ["hq", "water", "hospital", "viewer"] as Login[]) clients[login] = await signIn(login);
  fx = makeFixtures(clients);
});

// Counts of every table a write could touch: a refusal must leave all of them as they were.
async function footprint(): Promise<Record<string, number>> {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT IN ('sessions', 'sign_in_attempts', 'd1_migrations')",
  ).all<{ name: string }>();
  const counts = await env.DB.batch(results.map((t) => env.DB.prepare(`SELECT '${t.name}' AS name, COUNT(*) AS n FROM "${t.name}"`)));
  return Object.fromEntries(counts.map((r) => [(r.results[0] as any).name, (r.results[0] as any).n]));
}

/** D1 round trips (session included, from Server-Timing) of every accepted request, per route. */
const roundTrips = new Map<string, number[]>();

async function ask(entry: Entry, method: string, who: Subject, request: { path: string; body?: unknown }, route?: string): Promise<number> {
  const login = loginFor(who, entry.unit ?? "water");
  const client = login === null ? null : entry.ownSession ? await signIn(login) : clients[login as Login];
  const headers: Record<string, string> = { Origin: ORIGIN };
  if (client) headers.Cookie = client.cookie;
  if (entry.websocket) headers.Upgrade = "websocket";
  if (method !== "GET") headers["Idempotency-Key"] = crypto.randomUUID();
  if (request.body !== undefined) headers["Content-Type"] = "application/json";
  const res = await SELF.fetch(`${ORIGIN}${request.path}`, {
    method,
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  });
  const trips = /d1;[^,]*desc="(\d+) round trip/.exec(res.headers.get("Server-Timing") ?? "");
  if (route && trips && res.status < 300) roundTrips.set(route, [...(roundTrips.get(route) ?? []), Number(trips[1])]);
  if (res.webSocket) {
    res.webSocket.accept();
    res.webSocket.close(1000, "matrix");
  } else await res.arrayBuffer();
  if (entry.ownSession && login !== null) clients[login as Login] = await signIn(login);
  return res.status;
}

describe("authorization matrix", () => {
  it("has exactly one entry for every route the app answers (a new route needs an entry)", () => {
    const routes = appRoutes();
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter((r) => !(r in ENTRIES)), "routes without a matrix entry").toEqual([]);
    expect(Object.keys(ENTRIES).filter((k) => !routes.includes(k)), "entries for routes that no longer exist").toEqual([]);
  });

  for (const [route, entry] of Object.entries(ENTRIES)) {
    const [method] = route.split(" ") as [string];
    it(`${route}: ${entry.rule}${entry.unit ? ` (${entry.unit})` : ""}`, { timeout: 60_000 }, async () => {
      const outcomes: string[] = [];
      // Refusals change nothing and reads change nothing, so they share one request; every
      // accepted write after the first gets a fresh one (its versions are current).
      let request = await entry.request(fx);
      let used = false;
      for (const who of SUBJECTS) {
        const ok = allowed(entry.rule, who);
        if (ok && method !== "GET") {
          if (used) request = await entry.request(fx);
          used = true;
        }
        const before = await footprint();
        const status = await ask(entry, method, who, request, route);
        const expected = ok ? (entry.websocket ? 101 : "2xx") : who === "signedOut" ? 401 : 403;
        const matches = ok ? (entry.websocket ? status === 101 : status >= 200 && status < 300) : status === expected;
        if (!matches) outcomes.push(`${who}: expected ${expected}, got ${status}`);
        if (!ok && method !== "GET") expect(await footprint(), `${who} refused but something was written`).toEqual(before);
      }
      if (entry.crossIncident) {
        const request = await entry.crossIncident(fx);
        const before = await footprint();
        const status = await ask(entry, method, "admin", request);
        const expected = entry.crossStatus ?? 404;
        if (status !== expected) outcomes.push(`another incident's child: expected ${expected}, got ${status}`);
        expect(await footprint(), "a cross-incident request wrote something").toEqual(before);
      }
      expect(outcomes).toEqual([]);
    });
  }
});

// What each accepted request cost in D1 round trips, printed for `npm run bench:round-trips`.
// Targets, session included: a write 2 (the session, its first answer and its preconditions in
// one batch, then the write batch); a read 2 (the session, then one batch of what it reads).
const TARGET = 2;
afterAll(() => {
  const rows = [...roundTrips].sort(([a], [b]) => a.localeCompare(b));
  const cell = (ns: number[]) => [...new Set(ns)].sort().map((n) => `${n} (×${ns.filter((m) => m === n).length})`).join(", ");
  const kind = (route: string) => (route.startsWith("GET ") ? "read " : "write");
  const atTarget = rows.filter(([, ns]) => Math.max(...ns) <= TARGET).length;
  console.log(
    `D1 sequential round trips per accepted request, session included: ${rows.length} routes, ${rows.length - atTarget} above\n` +
      rows.map(([route, ns]) => `  ${Math.max(...ns) > TARGET ? "ABOVE" : "ok   "} ${kind(route)} ${route}: ${cell(ns)}  (target ≤ ${TARGET})`).join("\n") +
      `\n  summary: ${atTarget} of ${rows.length} routes at target (writes ≤ ${TARGET} incl. the session, reads ≤ 1 besides the session)`,
  );
});

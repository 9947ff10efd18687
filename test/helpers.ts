import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { insertUser } from "../src/db/people";
import { hashPassword, newSalt } from "../src/lib/passwords";
import type { Role } from "../src/schema/session";

export const ORIGIN = "https://keizoku.test";
export const PASSWORD = "correct horse";
// Tests hash with few iterations; the server reads each user's own count.
const TEST_ITERATIONS = 1_000;

export const PEOPLE: Record<string, { unitId: string; role: Role }> = {
  hq: { unitId: "hq", role: "admin" },
  water: { unitId: "water", role: "editor" },
  hospital: { unitId: "hospital", role: "editor" },
  viewer: { unitId: "hq", role: "viewer" },
};

export async function seedPeople() {
  const db = env.DB;
  if (await db.prepare("SELECT 1 FROM users LIMIT 1").first()) return;
  const now = new Date().toISOString();
  const statements: D1PreparedStatement[] = [];
  for (const [login, p] of Object.entries(PEOPLE)) {
    const salt = newSalt();
    statements.push(
      insertUser(db, {
        id: `user-${login}`,
        login,
        displayName: `${login} user`,
        unitId: p.unitId,
        role: p.role,
        passwordSalt: salt,
        passwordHash: await hashPassword(PASSWORD, salt, TEST_ITERATIONS),
        passwordIterations: TEST_ITERATIONS,
        createdAt: now,
      }),
    );
  }
  await db.batch(statements);
}

export type Client = {
  cookie: string;
  get: (path: string) => Promise<Response>;
  send: (method: string, path: string, body?: unknown, key?: string) => Promise<Response>;
};

export async function signIn(login: string, password = PASSWORD): Promise<Client> {
  const res = await SELF.fetch(`${ORIGIN}/api/session`, {
    method: "POST",
    headers: { Origin: ORIGIN, "Content-Type": "application/json" },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${login} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get("Set-Cookie")!.split(";")[0]!;
  return clientWith(cookie);
}

export function clientWith(cookie: string): Client {
  return {
    cookie,
    get: (path) => SELF.fetch(`${ORIGIN}${path}`, { headers: { Cookie: cookie } }),
    send: (method, path, body, key = crypto.randomUUID()) =>
      SELF.fetch(`${ORIGIN}${path}`, {
        method,
        headers: { Cookie: cookie, Origin: ORIGIN, "Content-Type": "application/json", "Idempotency-Key": key },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}

/** A request and its parsed JSON answer, for tests that look at both. */
export async function sendJson<B = any>(client: Client, method: string, path: string, body?: unknown) {
  const res = await client.send(method, path, body);
  return { status: res.status, body: (await res.json()) as B, res };
}

export const drillInput = (over: Record<string, unknown> = {}) => ({
  title: "津波避難訓練",
  kind: "drill",
  hazard: "tsunami",
  onsetAt: "2026-11-24T09:00:00+09:00",
  ...over,
});

export async function openIncident(client: Client, over: Record<string, unknown> = {}) {
  const res = await client.send("POST", "/api/incidents", drillInput(over));
  if (res.status !== 201) throw new Error(`open incident failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: { id: string; version: number }; seq: number }).data;
}

export async function countRows(table: string, where = "1 = 1", ...args: unknown[]): Promise<number> {
  const r = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`)
    .bind(...args)
    .first<{ n: number }>();
  return r!.n;
}

/**
 * Rewrites history for a test that needs an aged change log: the database refuses UPDATE and
 * DELETE on change_log (append-only triggers), so they are lifted for `statement` and put back
 * exactly as they were, in one batch.
 */
export async function rewriteChangeLog(statement: D1PreparedStatement) {
  const db = env.DB;
  const { results } = await db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'change_log'")
    .all<{ name: string; sql: string }>();
  await db.batch([
    ...results.map((t) => db.prepare(`DROP TRIGGER ${t.name}`)),
    statement,
    ...results.map((t) => db.prepare(t.sql)),
  ]);
}

import { createExecutionContext, SELF, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { bodyLimitFor, DEFAULT_BODY_BYTES } from "../../src/domain/abuse-limits";
import { HAZARD_MAX_BYTES } from "../../src/domain/relocation-hazard";
import app from "../../src/index";
import { type Client, countRows, drillInput, ORIGIN, openIncident, signIn } from "../helpers";

/** Every route with a body, as Hono lists it, with a concrete path (each parameter filled in). */
const bodyRoutes = () =>
  [...new Set(app.routes.filter((r) => ["POST", "PUT", "PATCH"].includes(r.method)).map((r) => `${r.method} ${r.path}`))]
    .sort()
    .map((route) => {
      const [method, pattern] = route.split(" ") as [string, string];
      return { route, method, path: pattern.replace(/:[A-Za-z]+/g, "x1") };
    });

const post = (client: Client, method: string, path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  SELF.fetch(`${ORIGIN}${path}`, {
    method,
    headers: { Cookie: client.cookie, Origin: ORIGIN, "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID(), ...headers },
    body,
  });

/** Tables a refused request must leave as they were. */
async function footprint() {
  const tables = ["change_log", "idempotency", "incidents", "hazard_layers", "scenarios", "checklist_templates", "users"];
  return Promise.all(tables.map((t) => countRows(t)));
}

describe("request body limits", () => {
  it("every route with a body refuses one byte over its limit with 413, unread and with nothing written", async () => {
    const hq = await signIn("hq");
    const routes = bodyRoutes();
    expect(routes.length).toBeGreaterThan(25);
    const before = await footprint();
    for (const { route, method, path } of routes) {
      const bytes = bodyLimitFor(method, path);
      // Valid JSON up to the last byte: only its size is wrong.
      const body = `"${"x".repeat(bytes - 1)}"`;
      const res = await post(hq, method, path, body);
      expect(res.status, route).toBe(413);
      const e = (await res.json()) as { error: { code: string; fields: { path: string }[] } };
      expect(e.error.code, route).toBe("too_large");
      expect(e.error.fields[0]!.path).toBe("(body)");
    }
    expect(await footprint()).toEqual(before);
  });

  it("keeps ordinary writes small and gives only imports more room", () => {
    expect(bodyLimitFor("POST", "/api/incidents/abc/liaison")).toBe(DEFAULT_BODY_BYTES);
    expect(bodyLimitFor("POST", "/api/session")).toBe(DEFAULT_BODY_BYTES);
    expect(bodyLimitFor("POST", "/api/hazard-layers")).toBe(HAZARD_MAX_BYTES);
    expect(bodyLimitFor("POST", "/api/scenarios/import")).toBeGreaterThan(DEFAULT_BODY_BYTES);
    // The same address with a path beyond it is an ordinary write.
    expect(bodyLimitFor("POST", "/api/hazard-layers/x/features")).toBe(DEFAULT_BODY_BYTES);
  });

  it("counts a streamed body without Content-Length and cuts it off at the limit", async () => {
    const hq = await signIn("hq");
    const before = await countRows("incidents");
    const chunk = new TextEncoder().encode(" ".repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode(JSON.stringify(drillInput())));
        // Whitespace after the JSON: a parser would accept it, only the size is wrong.
        else if (sent < DEFAULT_BODY_BYTES + chunk.byteLength * 2) controller.enqueue(chunk);
        else controller.close();
        sent += chunk.byteLength;
      },
    });
    const res = await post(hq, "POST", "/api/incidents", stream);
    expect(res.status).toBe(413);
    expect(await countRows("incidents")).toBe(before);
  });
});

/** The app itself under another configuration (the vars as an operator would set them), on the same D1. */
async function withVars(vars: Record<string, string>, client: Client, method: string, path: string, body: unknown) {
  const ctx = createExecutionContext();
  const res = await app.fetch(
    new Request(`${ORIGIN}${path}`, {
      method,
      headers: { Cookie: client.cookie, Origin: ORIGIN, "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
      body: JSON.stringify(body),
    }),
    { ...env, ...vars },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

/** A person of the water department of their own, so no other test's writes count against them. */
async function newPerson(): Promise<Client> {
  const login = `rate-${crypto.randomUUID().slice(0, 8)}`;
  const created = await (await signIn("hq")).send("POST", "/api/users", { login, displayName: "計測 太郎", unitId: "water", role: "editor", password: "long enough password" });
  expect(created.status).toBe(201);
  return signIn(login, "long enough password");
}

describe("write rate limit", () => {
  const message = (i: number) => ({ kind: "report", priority: "normal", toUnitId: "hq", body: `定時報告 ${i}` });

  /** A new person posting to a new incident's liaison log under `limit` writes per 60 s, and their meter (the Durable Object itself). */
  async function meteredWriter(limit: number) {
    const incident = await openIncident(await signIn("hq"));
    const person = await newPerson();
    const { user } = (await (await person.get("/api/session")).json()) as { user: { id: string } };
    const vars = { WRITE_RATE_LIMIT: String(limit), WRITE_RATE_WINDOW_SECONDS: "60" };
    return {
      rate: { limit, windowMs: 60_000 },
      meter: env.WRITE_METER.get(env.WRITE_METER.idFromName(user.id)),
      write: (i: number) => withVars(vars, person, "POST", `/api/incidents/${incident.id}/liaison`, message(i)),
    };
  }

  it("answers 429 with Retry-After past the configured writes per person, writes nothing, and lets others write", async () => {
    const hq = await signIn("hq");
    const water = await newPerson();
    const hospital = await newPerson();
    const incident = await openIncident(hq);
    const log = `/api/incidents/${incident.id}/liaison`;
    const vars = { WRITE_RATE_LIMIT: "3", WRITE_RATE_WINDOW_SECONDS: "60" };
    for (let i = 0; i < 3; i++) expect((await withVars(vars, water, "POST", log, message(i))).status).toBe(201);
    const before = await countRows("liaison_messages");
    const changes = await countRows("change_log");

    const refused = await withVars(vars, water, "POST", log, message(3));
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get("Retry-After"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(((await refused.json()) as { error: { code: string; retryAfterSeconds: number } }).error).toMatchObject({ code: "too_many_writes", retryAfterSeconds: wait });
    expect(await countRows("liaison_messages")).toBe(before);
    expect(await countRows("change_log")).toBe(changes);

    // Another person is not held back by the first one's writes; reads are never limited.
    expect((await withVars(vars, hospital, "POST", log, message(4))).status).toBe(201);
    const ctx = createExecutionContext();
    const read = await app.fetch(new Request(`${ORIGIN}${log}`, { headers: { Cookie: water.cookie } }), { ...env, ...vars }, ctx);
    await waitOnExecutionContext(ctx);
    expect(read.status).toBe(200);
  });

  it("lets the person write again once the window has passed", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const log = `/api/incidents/${incident.id}/liaison`;
    const vars = { WRITE_RATE_LIMIT: "1", WRITE_RATE_WINDOW_SECONDS: "1" };
    const person = await newPerson();
    expect((await withVars(vars, person, "POST", log, message(1))).status).toBe(201);
    expect((await withVars(vars, person, "POST", log, message(2))).status).toBe(429);
    await new Promise((r) => setTimeout(r, 1_200));
    expect((await withVars(vars, person, "POST", log, message(3))).status).toBe(201);
  });

  it("counts a person's writes in one meter that every isolate shares: writes charged elsewhere refuse the next one here", async () => {
    const { rate, meter, write } = await meteredWriter(3);
    // Two writes served by another isolate, charged to this person's meter.
    expect((await meter.charge(rate)).granted).toBe(1);
    expect((await meter.charge(rate)).granted).toBe(1);

    expect((await write(1)).status).toBe(201);
    const before = await countRows("liaison_messages");
    const refused = await write(2);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await countRows("liaison_messages")).toBe(before);
    // The meter holds the same count: a third isolate would be refused too.
    expect(await meter.charge(rate)).toMatchObject({ granted: 0, retryAfterSeconds: expect.any(Number) });
  });

  it("spends writes the meter granted in a lease before asking again, and never lets the person past the limit", async () => {
    const { rate, meter, write } = await meteredWriter(100);
    // The first write takes a lease of two (a fiftieth of 100) from the meter and spends one.
    expect((await write(1)).status).toBe(201);
    // Other isolates use up the rest of the window.
    expect((await meter.charge(rate, 98)).granted).toBe(98);
    expect((await meter.charge(rate)).granted).toBe(0);
    // The write already granted here still goes; the next one is refused: 100 in all, never 101.
    expect((await write(2)).status).toBe(201);
    expect((await write(3)).status).toBe(429);
  });

  it("charges a burst of one person's writes one lease at a time, not a lease per write", async () => {
    const { rate, meter, write } = await meteredWriter(600);
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => write(i)));
    expect(burst.map((r) => r.status)).toEqual(Array(30).fill(201));
    // What the meter counted: 30 writes, and at most one lease (12) granted and not yet spent.
    const rest = await meter.charge(rate, 600);
    expect(600 - rest.granted).toBeGreaterThanOrEqual(30);
    expect(600 - rest.granted).toBeLessThanOrEqual(30 + 12);
  });

  it("writes without limit when WRITE_RATE_LIMIT is 0", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const log = `/api/incidents/${incident.id}/liaison`;
    const person = await newPerson();
    for (let i = 0; i < 5; i++) expect((await withVars({ WRITE_RATE_LIMIT: "0", WRITE_RATE_WINDOW_SECONDS: "60" }, person, "POST", log, message(i))).status).toBe(201);
  });
});

describe("page-size caps", () => {
  type Parameter = { name: string; in: string; schema?: { maximum?: number } };
  it("every paged list refuses a page larger than its documented maximum with 400 naming `limit`", async () => {
    const hq = await signIn("hq");
    const doc = (await (await SELF.fetch(`${ORIGIN}/api/openapi.json`)).json()) as { paths: Record<string, { get?: { parameters?: Parameter[] } }> };
    const paged = Object.entries(doc.paths).flatMap(([path, ops]) => {
      const limit = ops.get?.parameters?.find((p) => p.in === "query" && p.name === "limit");
      return limit ? [{ path: path.replace(/\{[^}]+\}/g, "x1"), max: limit.schema?.maximum }] : [];
    });
    expect(paged.length).toBeGreaterThanOrEqual(3);
    for (const { path, max } of paged) {
      expect(max, `${path} documents its maximum page size`).toBeGreaterThan(0);
      const over = await hq.get(`${path}?limit=${max! + 1}`);
      expect(over.status, path).toBe(400);
      const e = (await over.json()) as { error: { fields: { path: string }[] } };
      expect(e.error.fields.map((f) => f.path), path).toContain("limit");
      expect((await hq.get(`${path}?limit=${max}`)).status, path).not.toBe(400);
    }
  });
});

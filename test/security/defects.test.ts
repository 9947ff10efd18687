import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { SECURITY_HEADERS } from "../../src/lib/security-headers";
import { type Client, countRows, ORIGIN, openIncident, sendJson, signIn } from "../helpers";

let hq: Client;
let water: Client;
let hospital: Client;
beforeAll(async () => {
  [hq, water, hospital] = await Promise.all([signIn("hq"), signIn("water"), signIn("hospital")]);
});

const card = { tagNumber: "S-1", description: "歩行可能", canWalk: true, breathing: true };

describe("scenarios belong to a unit", () => {
  it("refuses another unit's editor changing the answer key, writing nothing", async () => {
    const made = await sendJson(hospital, "POST", "/api/scenarios", { title: "病院の想定", casualties: [card] });
    expect(made.status).toBe(201);
    expect(made.body.data.unitId).toBe("hospital");
    const scenario = (await (await hospital.get(`/api/scenarios/${made.body.data.id}`)).json()) as any;
    const target = scenario.casualties[0];
    const log = await countRows("change_log");
    const tampered = await sendJson(water, "PATCH", `/api/scenarios/${scenario.id}/casualties/${target.id}`, {
      version: target.version,
      override: { category: "black", reason: "改ざん" },
    });
    expect(tampered.status).toBe(403);
    expect(tampered.body.error.code).toBe("forbidden");
    expect(await countRows("change_log")).toBe(log);
    const after = (await (await hospital.get(`/api/scenarios/${scenario.id}`)).json()) as any;
    expect(after.casualties[0].expected).toBe("green");

    // Its own unit and the HQ admin may.
    const own = await sendJson(hospital, "PATCH", `/api/scenarios/${scenario.id}/casualties/${target.id}`, {
      version: target.version,
      override: { category: "yellow", reason: "高齢" },
    });
    expect(own.status).toBe(200);
    const admin = await sendJson(hq, "PATCH", `/api/scenarios/${scenario.id}/casualties/${target.id}`, {
      version: own.body.data.version,
      override: null,
    });
    expect(admin.status).toBe(200);
  });

  it("lets only an admin create a scenario for another unit", async () => {
    expect((await sendJson(water, "POST", "/api/scenarios", { title: "他部署", unitId: "hospital", casualties: [card] })).status).toBe(403);
    const made = await sendJson(hq, "POST", "/api/scenarios", { title: "本部作成", unitId: "hospital", casualties: [card] });
    expect(made.status).toBe(201);
    expect(made.body.data.unitId).toBe("hospital");
  });

  it("gives the shipped scenario to the hospital", async () => {
    const s = (await (await water.get("/api/scenarios/seed-tsunami-kushiro")).json()) as any;
    expect(s.unitId).toBe("hospital");
  });
});

describe("ill-formed text", () => {
  it("refuses a lone surrogate with 400 naming the field, writing nothing", async () => {
    const incident = await openIncident(hq);
    const log = await countRows("change_log");
    // JSON.stringify escapes a lone surrogate as \ud800, exactly what an attacker would send.
    const r = await sendJson(water, "POST", `/api/incidents/${incident.id}/liaison`, { toUnitId: "hq", kind: "report", body: "x\ud800y" });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid_request");
    expect(r.body.error.fields).toEqual([{ path: "body", message: expect.stringContaining("well-formed") }]);
    expect(await countRows("change_log")).toBe(log);
  });

  it("refuses a lone surrogate nested in a list, and in a key", async () => {
    const nested = await sendJson(hospital, "POST", "/api/scenarios", { title: "t", casualties: [{ ...card, description: "\udc00" }] });
    expect(nested.body.error.fields[0].path).toBe("casualties.0.description");
    const key = await sendJson(hospital, "POST", "/api/scenarios", { title: "t", casualties: [card], ["k\ud800"]: 1 });
    expect(key.status).toBe(400);
  });

  it("refuses a body that is not well-formed UTF-8", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"title":"'), 0xff, 0xfe, ...new TextEncoder().encode('"}')]);
    const res = await SELF.fetch(`${ORIGIN}/api/incidents`, {
      method: "POST",
      headers: { Cookie: hq.cookie, Origin: ORIGIN, "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
      body: bytes,
    });
    expect(res.status).toBe(400);
  });

  it("accepts paired surrogates (emoji) and Japanese text", async () => {
    const r = await sendJson(hospital, "POST", "/api/scenarios", { title: "訓練 🚑", casualties: [card] });
    expect(r.status).toBe(201);
    expect(r.body.data.title).toBe("訓練 🚑");
  });
});

describe("the change log is append-only", () => {
  it("the database refuses UPDATE and DELETE on it", async () => {
    await openIncident(hq);
    const n = await countRows("change_log");
    await expect(env.DB.prepare("UPDATE change_log SET actor_name = 'someone else'").run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM change_log").run()).rejects.toThrow(/append-only/);
    expect(await countRows("change_log")).toBe(n);
    expect(await countRows("change_log", "actor_name = 'someone else'")).toBe(0);
  });
});

describe("browser-side headers on worker responses", () => {
  const expectHeaders = (res: Response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), name).toBe(value);
  };

  it("are on JSON answers, refusals, CSV exports and unknown paths", async () => {
    expectHeaders(await SELF.fetch(`${ORIGIN}/api/health`));
    expectHeaders(await SELF.fetch(`${ORIGIN}/api/incidents`));
    expectHeaders(await SELF.fetch(`${ORIGIN}/api/nowhere`));
    expectHeaders(await hospital.get("/api/scenarios/seed-tsunami-kushiro/export.csv"));
  });

  it("forbid inline script, eval and framing", () => {
    const csp = SECURITY_HEADERS["Content-Security-Policy"]!;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
  });
});

describe("rewriting history in a test", () => {
  it("puts the append-only triggers back afterwards", async () => {
    const { rewriteChangeLog } = await import("../helpers");
    await rewriteChangeLog(env.DB.prepare("UPDATE change_log SET at = at"));
    await expect(env.DB.prepare("DELETE FROM change_log").run()).rejects.toThrow(/append-only/);
  });
});

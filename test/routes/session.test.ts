import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { clientWith, ORIGIN, PASSWORD, signIn } from "../helpers";

// CF-Connecting-IP is the address header Cloudflare's edge sets on every request.
const attempt = (login: string, password: string, address = "192.0.2.1") =>
  SELF.fetch(`${ORIGIN}/api/session`, {
    method: "POST",
    headers: { Origin: ORIGIN, "Content-Type": "application/json", "CF-Connecting-IP": address },
    body: JSON.stringify({ login, password }),
  });

describe("sign-in", () => {
  it("sets an HttpOnly, Secure, SameSite=Strict cookie and names the user", async () => {
    const res = await attempt("water", PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const { user } = (await res.json()) as { user: { login: string; unitId: string; role: string } };
    expect(user).toMatchObject({ login: "water", unitId: "water", role: "editor" });
  });

  it("refuses a wrong password with 401", async () => {
    const res = await attempt("hospital", "wrong");
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "invalid_credentials" } });
  });

  it("throttles repeated failures for one login from one address with 429 and Retry-After, even for the right password", async () => {
    const from = "198.51.100.10";
    for (let i = 0; i < 5; i++) expect((await attempt("viewer", `guess-${i}`, from)).status).toBe(401);
    const blocked = await attempt("viewer", PASSWORD, from);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await blocked.json()).toMatchObject({ error: { code: "too_many_attempts" } });
    // Other logins from that address are not affected.
    expect((await attempt("hq", PASSWORD, from)).status).toBe(200);
  });

  it("counts parallel guesses atomically: of 30 at once only the limit's five are checked", async () => {
    const from = "198.51.100.11";
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt("water", `parallel-${i}`, from)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    for (const r of answers.filter((r) => r.status === 429)) expect(Number(r.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("limits one address across logins (password spraying)", async () => {
    const from = "198.51.100.12";
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await attempt(`sprayed-${i}`, "keizoku", from)).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    // The real owner of a login, elsewhere, is not affected.
    expect((await attempt("hospital", PASSWORD, "203.0.113.50")).status).toBe(200);
  });

  it("an attacker at one address cannot lock out the admin signing in from another", async () => {
    const attacker = "198.51.100.13";
    for (let i = 0; i < 12; i++) await attempt("hq", `guess-${i}`, attacker);
    expect((await attempt("hq", PASSWORD, attacker)).status).toBe(429);
    const real = await attempt("hq", PASSWORD, "203.0.113.51");
    expect(real.status).toBe(200);
  });

  it("does not count successful sign-ins against the address", async () => {
    const from = "198.51.100.14";
    for (let i = 0; i < 40; i++) expect((await attempt("hospital", PASSWORD, from)).status).toBe(200);
  });

  it("signs out: the old cookie no longer works", async () => {
    const hq = await signIn("hq");
    expect((await hq.get("/api/session")).status).toBe(200);
    const out = await SELF.fetch(`${ORIGIN}/api/session`, { method: "DELETE", headers: { Cookie: hq.cookie, Origin: ORIGIN } });
    expect(out.status).toBe(200);
    expect((await clientWith(hq.cookie).get("/api/session")).status).toBe(401);
  });

  it("expires sessions", async () => {
    const hq = await signIn("hq");
    const { env } = await import("cloudflare:workers");
    await env.DB.prepare("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z'").run();
    expect((await hq.get("/api/incidents")).status).toBe(401);
  });
});

describe("open endpoints", () => {
  it("answers health without sign-in", async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, database: true });
  });

  it("describes every route in the OpenAPI document, from the same schemas", async () => {
    const doc = (await (await SELF.fetch(`${ORIGIN}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }>>;
    };
    for (const p of ["/api/session", "/api/incidents", "/api/incidents/{id}", "/api/incidents/{id}/changes", "/api/incidents/{id}/live", "/api/health"]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    const create = doc.paths["/api/incidents"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(create.required).toEqual(expect.arrayContaining(["title", "kind", "hazard", "onsetAt"]));
  });
});

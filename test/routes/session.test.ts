import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { clientWith, ORIGIN, signIn } from "../helpers";

const attempt = (login: string, password: string) =>
  SELF.fetch(`${ORIGIN}/api/session`, {
    method: "POST",
    headers: { Origin: ORIGIN, "Content-Type": "application/json" },
    body: JSON.stringify({ login, password }),
  });

describe("sign-in", () => {
  it("sets an HttpOnly, Secure, SameSite=Strict cookie and names the user", async () => {
    const res = await attempt("water", "correct horse");
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

  it("throttles repeated failures for one login with 429, even for the right password", async () => {
    for (let i = 0; i < 5; i++) expect((await attempt("viewer", `guess-${i}`)).status).toBe(401);
    const blocked = await attempt("viewer", "correct horse");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Other logins are not affected.
    expect((await attempt("hq", "correct horse")).status).toBe(200);
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

import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import app from "../../src/index";
import { ORIGIN } from "../helpers";

describe("OpenAPI document", () => {
  it("lists every API route the server answers, with its method", async () => {
    const doc = (await (await SELF.fetch(`${ORIGIN}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const served = app.routes
      // The document itself is the one route it does not list.
      .filter((r) => r.path.startsWith("/api/") && r.path !== "/api/openapi.json" && r.method !== "ALL" && !r.path.includes("*"))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(served.length).toBeGreaterThan(20);
    expect(served.filter((r) => !documented.includes(r))).toEqual([]);
  });

  it("documents the Idempotency-Key on entity writes", async () => {
    const doc = (await (await SELF.fetch(`${ORIGIN}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    const create = doc.paths["/api/incidents"]!.post!;
    expect(create.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "idempotency-key", in: "header" })]));
  });

  it("documents 413 on every route that takes a body, with its own limit, and 429 with Retry-After on every entity write", async () => {
    type Op = { requestBody?: unknown; responses: Record<string, { description: string; headers?: Record<string, unknown>; content?: unknown }> };
    const doc = (await (await SELF.fetch(`${ORIGIN}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, Op>> };
    const served = app.routes.filter((r) => r.path.startsWith("/api/") && ["POST", "PUT", "PATCH", "DELETE"].includes(r.method));
    const writes = [...new Set(served.filter((r) => r.path !== "/api/session").map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`))];
    expect(writes.length).toBeGreaterThan(30);
    for (const route of writes) {
      const [method, path] = route.split(" ") as [string, string];
      const op = doc.paths[path]![method]!;
      expect(op.responses["429"], route).toMatchObject({ headers: { "Retry-After": expect.anything() }, content: { "application/json": expect.anything() } });
    }
    const withBody = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).filter(([, op]) => op.requestBody).map(([m, op]) => ({ route: `${m} ${path}`, op })));
    expect(withBody.length).toBeGreaterThan(30);
    for (const { route, op } of withBody) expect(op.responses["413"]?.content, route).toMatchObject({ "application/json": expect.anything() });
    // Each names its own limit: an ordinary write 64 KB, a scenario import more.
    expect(doc.paths["/api/incidents"]!.post!.responses["413"]!.description).toMatch(/\b65536 bytes/);
    expect(doc.paths["/api/scenarios/import"]!.post!.responses["413"]!.description).toMatch(/\b2097152 bytes/);
    // Signing in is throttled on its own terms, not as a write.
    expect(doc.paths["/api/session"]!.post!.responses["429"]!.description).toMatch(/sign|attempt/i);
  });
});

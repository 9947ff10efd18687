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
});

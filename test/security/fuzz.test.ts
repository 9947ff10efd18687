/// <reference types="vite/client" />
import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { illFormedTextPath } from "../../src/schema/common";
import { ORIGIN, signIn } from "../helpers";
import { ENTRIES } from "./matrix-entries";
import { type Fixtures, makeFixtures } from "./matrix-fixtures";

// Every schema module: each exported zod schema is parsed against generated input.
const modules = import.meta.glob("../../src/schema/*.ts", { eager: true }) as Record<string, Record<string, unknown>>;
const schemas = Object.entries(modules).flatMap(([file, m]) =>
  Object.entries(m)
    .filter(([, v]) => v instanceof z.ZodType)
    .map(([name, v]) => [`${file.split("/").pop()}:${name}`, v as z.ZodType] as const),
);

const SCHEMA_RUNS = 600;
const ROUTE_RUNS = 8;
let generated = 0;

describe("fuzzing every zod schema", () => {
  it("found the schemas", () => {
    expect(schemas.length).toBeGreaterThan(40);
  });

  // JSON as a client could send it, biased towards objects so strict object schemas are reached.
  const input = fc.oneof(
    fc.jsonValue(),
    fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 8 }),
    fc.string({ unit: "binary", maxLength: 40 }),
  );

  for (const [name, schema] of schemas) {
    it(`${name} answers every input with success or issues, never an exception`, () => {
      fc.assert(
        fc.property(input, (value) => {
          generated++;
          const r = schema.safeParse(value);
          // An issue list is what the 400 envelope is built from: it must be readable.
          if (!r.success) expect(Array.isArray(r.error.issues)).toBe(true);
        }),
        { numRuns: SCHEMA_RUNS },
      );
    });
  }

  it("finds every lone surrogate anywhere in a body", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0xd800, max: 0xdfff }), (value, unit) => {
        generated++;
        const lone = String.fromCharCode(unit);
        expect(illFormedTextPath({ nested: [value, `a${lone}b`] })).toMatch(/^nested\.1$/);
        expect(illFormedTextPath(value)).toBeNull();
      }),
      { numRuns: SCHEMA_RUNS },
    );
  });
});

// Tables a write changes, to prove a refused request changed none of them.
async function footprint() {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT IN ('sessions', 'sign_in_attempts', 'd1_migrations')",
  ).all<{ name: string }>();
  const counts = await env.DB.batch(results.map((t) => env.DB.prepare(`SELECT COUNT(*) AS n FROM "${t.name}"`)));
  return counts.map((r) => (r.results[0] as { n: number }).n).join(",");
}

// Every committed write stored one idempotency record and logged under the same mutation id.
async function logAndEntitiesAgree() {
  const r = await env.DB.prepare(
    "SELECT (SELECT COUNT(*) FROM idempotency) AS answers, (SELECT COUNT(DISTINCT mutation_id) FROM change_log) AS mutations",
  ).first<{ answers: number; mutations: number }>();
  return r!;
}

describe("fuzzing every write route", () => {
  let fx: Fixtures;
  beforeAll(async () => {
    const [hq, water, hospital, viewer] = await Promise.all(["hq", "water", "hospital", "viewer"].map((l) => signIn(l)));
    fx = makeFixtures({ hq: hq!, water: water!, hospital: hospital!, viewer: viewer! });
  });

  const writes = Object.entries(ENTRIES).filter(([route, e]) => !route.startsWith("GET ") && !e.ownSession && route !== "POST /api/session");

  for (const [route, entry] of writes) {
    it(`${route}: no 5xx and no partial write for generated bodies`, { timeout: 120_000 }, async () => {
      const method = route.split(" ")[0]!;
      const valid = await entry.request(fx);
      const base = (valid.body ?? {}) as Record<string, unknown>;
      const keys = Object.keys(base);
      // Mostly near-valid bodies (one field replaced or dropped), so the handler, not only the schema, runs.
      const body = fc.oneof(
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
        {
          weight: 3,
          arbitrary: fc.record({ key: fc.constantFrom(...(keys.length ? keys : ["x"])), value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ unit: "binary" })), drop: fc.boolean() }).map(({ key, value, drop }) => {
            const copy: Record<string, unknown> = structuredClone(base);
            if (drop) delete copy[key];
            else copy[key] = value;
            return copy;
          }),
        },
      );
      await fc.assert(
        fc.asyncProperty(body, async (b) => {
          generated++;
          const before = await footprint();
          const res = await SELF.fetch(`${ORIGIN}${valid.path}`, {
            method,
            headers: { Cookie: fx.client.hq.cookie, Origin: ORIGIN, "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
            body: JSON.stringify(b),
          });
          const text = await res.text();
          expect(res.status, text).toBeLessThan(500);
          if (res.status >= 400) expect(await footprint(), `${res.status} but something was written`).toBe(before);
          const agree = await logAndEntitiesAgree();
          expect(agree.answers).toBe(agree.mutations);
        }),
        { numRuns: ROUTE_RUNS },
      );
    });
  }

  it("counted what it generated", () => {
    console.log(`fuzz: ${generated} generated inputs (${schemas.length} schemas × ${SCHEMA_RUNS}, ${writes.length} write routes × ${ROUTE_RUNS})`);
    expect(generated).toBeGreaterThanOrEqual(schemas.length * SCHEMA_RUNS);
  });
});

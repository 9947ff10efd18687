import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/** Runtime (non-type) imports between the console's own modules, as a graph. */
function graph(root: string): Map<string, string[]> {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(f)) files.push(p);
    }
  };
  walk(root);
  const edges = new Map<string, string[]>();
  for (const f of files) {
    const deps: string[] = [];
    for (const m of readFileSync(f, "utf8").matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+"(\.[^"]+)"/gm)) {
      const base = resolve(dirname(f), m[1]!);
      const hit = [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((c) => files.includes(c));
      if (hit) deps.push(hit);
    }
    edges.set(f, deps);
  }
  return edges;
}

function cycles(edges: Map<string, string[]>, root: string): string[] {
  const found: string[] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 1);
    stack.push(f);
    for (const d of edges.get(f) ?? []) {
      if (state.get(d) === 1) found.push([...stack.slice(stack.indexOf(d)), d].map((p) => relative(root, p)).join(" -> "));
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(f, 2);
  };
  for (const f of edges.keys()) if (!state.has(f)) visit(f);
  return found;
}

describe("console modules", () => {
  it("have no import cycle (web/lib: http below api and outbox)", () => {
    const root = resolve("web");
    expect(cycles(graph(root), root)).toEqual([]);
  });
});

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseSync } from "vite";
import { describe, expect, it } from "vitest";

/*
 * A change's before/after are typed by the Change union: the console narrows on `entityType` to
 * read them. A cast (`c.after as Item`, `(c.before ?? {}) as Record<…>`, `<Item>c.after`) would
 * silence the compiler exactly where a payload's shape changes, so none may come back. The
 * sources are parsed (oxc, as the build does), so a cast is found however it is written.
 */

type Node = { type: string; start: number; [key: string]: unknown };
const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && typeof Reflect.get(v, "type") === "string";
const PAYLOAD = new Set(["before", "after"]);

/** Whether an expression reads a change's before/after (through parentheses, `??`, `||`, `!`, `?.`, `?:`). */
function readsPayload(e: Node): boolean {
  const inner = (key: string) => {
    const v = e[key];
    return isNode(v) && readsPayload(v);
  };
  switch (e.type) {
    case "ParenthesizedExpression":
    case "TSNonNullExpression":
    case "ChainExpression":
      return inner("expression");
    case "LogicalExpression":
      return inner("left") || inner("right");
    case "ConditionalExpression":
      return inner("consequent") || inner("alternate");
    case "MemberExpression": {
      const p = e.property;
      return (!e.computed && isNode(p) && PAYLOAD.has(String(p.name))) || inner("object");
    }
    default:
      return false;
  }
}

/** Every cast of a before/after in one source file, as "file:line: text". */
export function payloadCasts(file: string, text: string, root: string): string[] {
  const parsed = parseSync(file, text, { lang: file.endsWith(".tsx") ? "tsx" : "ts" });
  if (parsed.errors.length > 0) return [`${relative(root, file)}: does not parse`];
  const found: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isNode(node)) return;
    if ((node.type === "TSAsExpression" || node.type === "TSTypeAssertion") && isNode(node.expression) && readsPayload(node.expression)) {
      const line = text.slice(0, node.start).split("\n").length;
      found.push(`${relative(root, file)}:${line}: ${text.slice(node.start, Number(node.end))}`);
    }
    for (const v of Object.values(node)) if (typeof v === "object") visit(v);
  };
  visit(parsed.program);
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe("the console's reading of changes", () => {
  it("finds a cast of before/after in the forms it could take", () => {
    const code = [
      `const a = c.after as Item;`,
      `const b = (c.after ?? c.before ?? {}) as Record<string, unknown>;`,
      `const d = (change.after as Tag).drillId;`,
      `const e = <Item>c.before;`,
      `const f = page.items[0]!.after! as never;`,
      // Not casts of a payload: narrowing, a const assertion on something else, another field.
      `if (c.entityType === "drill" && c.after) use(c.after);`,
      `const g = ["a", "b"] as const;`,
      `const h = e.current as Action;`,
    ].join("\n");
    expect(payloadCasts("/x/probe.ts", code, "/x").map((f) => f.split(":")[1])).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("has no cast of a change's before/after anywhere in web/", () => {
    const root = resolve(".");
    const found = sources(resolve("web")).flatMap((f) => payloadCasts(f, readFileSync(f, "utf8"), root));
    expect(found).toEqual([]);
  });
});

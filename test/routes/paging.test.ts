import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { encodeCursor } from "../../src/schema/paging";
import { ORIGIN, openIncident, signIn } from "../helpers";

type Page<T> = { items: T[]; next: string | null };
type Message = { id: string; body: string };
type ErrorBody = { error: { code: string; fields?: { path: string }[] } };

const log = (id: string) => `/api/incidents/${id}/liaison`;

type Operation = {
  parameters?: { name: string; in: string; schema?: { maximum?: number; default?: number } }[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};
type Doc = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, unknown> } };

/** GET routes whose answer is a list (`items`), as the OpenAPI document declares them. */
async function listRoutes() {
  const doc = (await (await SELF.fetch(`${ORIGIN}/api/openapi.json`)).json()) as Doc;
  const resolve = (s: unknown): Record<string, unknown> => {
    const ref = (s as { $ref?: string })?.$ref;
    return (ref ? doc.components!.schemas![ref.split("/").pop()!] : s) as Record<string, unknown>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) => {
    const get = ops.get;
    const schema = get && resolve(get.responses["200"]?.content?.["application/json"]?.schema);
    const props = schema?.properties as Record<string, unknown> | undefined;
    if (!get || !props?.items) return [];
    const limit = get.parameters?.find((p) => p.name === "limit" && p.in === "query");
    const after = get.parameters?.find((p) => p.name === "after" && p.in === "query");
    return [{ path, limit, after, answersNext: "next" in props }];
  });
}

/**
 * Lists answered whole, each bounded by what people configure rather than by what happens in an
 * incident: a fixed set of units' rows, not a log that grows.
 */
const WHOLE = new Set<string>([
  "/api/units",
  "/api/incidents/{id}/checklists", // one incident's activated items: bounded by the templates
  "/api/checklists/people", // the accounts able to own an item
  "/api/checklists/readiness",
  "/api/checklists/templates",
  "/api/hazard-layers",
  "/api/relocation/functions",
  "/api/readiness/units",
  "/api/readiness",
]);

/**
 * Lists capped before this idiom, each for its own reader: the change stream (keyset on seq, as the
 * live model catches up), the archive and the timeline search (numbered pages with a total).
 */
const OWN_PAGING = new Set(["/api/incidents/{id}/changes", "/api/standing/changes", "/api/archive/incidents", "/api/incidents/{id}/timeline"]);

describe("paged lists", () => {
  it("every list is paged (a default and a maximum size, a cursor, `next`) unless it is a bounded configuration list", async () => {
    const lists = await listRoutes();
    expect(lists.length).toBeGreaterThan(10);
    const unpaged = lists.filter((l) => !(l.limit && l.after && l.answersNext) && !WHOLE.has(l.path) && !OWN_PAGING.has(l.path)).map((l) => l.path);
    expect(unpaged).toEqual([]);
    for (const path of OWN_PAGING) expect(lists.find((l) => l.path === path)?.limit?.schema?.maximum, path).toBeGreaterThan(0);
    for (const l of lists.filter((l) => l.limit)) {
      expect(l.limit!.schema?.maximum, l.path).toBeGreaterThanOrEqual(l.limit!.schema!.default!);
    }
  });

  it("refuses a zero page and a cursor the list did not give out with 400 in the error envelope", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const paged = (await listRoutes()).filter((l) => l.limit && l.after && !OWN_PAGING.has(l.path));
    expect(paged.map((l) => l.path)).toEqual(expect.arrayContaining(["/api/incidents/{id}/liaison", "/api/drills/{id}/tags"]));
    for (const l of paged) {
      const path = l.path.replace(/\{id\}/g, incident.id).replace(/\{\w+\}/g, "x1");
      // Above the maximum: test/security/abuse-limits.test.ts, for every list with a `limit`.
      for (const query of ["limit=0", "after=not*a*cursor", `after=${encodeCursor(["a", 1, 2, 3, 4])}`]) {
        const res = await hq.get(`${path}?${query}`);
        expect(res.status, `${l.path}?${query}`).toBe(400);
        const e = (await res.json()) as ErrorBody;
        expect(e.error.code).toBe("invalid_request");
        expect(e.error.fields?.map((f) => f.path), `${l.path}?${query}`).toContain(query.split("=")[0]);
      }
    }
  });

  it("reads the liaison log page by page in the order sent: nothing repeated, nothing skipped, a message sent meanwhile on the last page", async () => {
    const hq = await signIn("hq");
    const water = await signIn("water");
    const incident = await openIncident(hq);
    const sent: string[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await water.send("POST", log(incident.id), { kind: "report", toUnitId: "hq", body: `定時報告 第${i + 1}報` });
      expect(res.status).toBe(201);
      sent.push(((await res.json()) as { data: Message }).data.id);
    }
    const first = (await (await hq.get(`${log(incident.id)}?limit=3`)).json()) as Page<Message>;
    expect(first.items.map((m) => m.id)).toEqual(sent.slice(0, 3));
    expect(first.next).not.toBeNull();

    // A message sent between two page reads belongs at the end and moves nothing already read.
    const late = ((await (await water.send("POST", log(incident.id), { kind: "report", toUnitId: "hq", body: "追加報告" })).json()) as { data: Message }).data.id;
    const seen = [...first.items.map((m) => m.id)];
    let next = first.next;
    let pages = 1;
    while (next) {
      const page = (await (await hq.get(`${log(incident.id)}?limit=3&after=${next}`)).json()) as Page<Message>;
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((m) => m.id));
      next = page.next;
      pages++;
    }
    expect(seen).toEqual([...sent, late]);
    expect(pages).toBe(3);

    // Without a limit the default page holds them all and says there is no more.
    const whole = (await (await hq.get(log(incident.id))).json()) as Page<Message>;
    expect(whole.items).toHaveLength(8);
    expect(whole.next).toBeNull();
  });

  it("walks every standing list page by page in exactly the order of one large page, mixed sort directions included", async () => {
    const hq = await signIn("hq");
    // Open and closed incidents, so the open-first, newest-onset-first order has both directions to keep.
    for (const onsetAt of ["2026-11-20T09:00:00+09:00", "2026-11-22T09:00:00+09:00", "2026-11-21T09:00:00+09:00"]) await openIncident(hq, { onsetAt });
    const closing = await openIncident(hq, { onsetAt: "2026-11-23T09:00:00+09:00" });
    expect((await hq.send("PATCH", `/api/incidents/${closing.id}`, { version: closing.version, status: "closed" })).status).toBe(200);

    const standing = (await listRoutes()).filter((l) => l.limit && l.after && !OWN_PAGING.has(l.path) && !l.path.includes("{"));
    expect(standing.map((l) => l.path)).toEqual(expect.arrayContaining(["/api/incidents", "/api/drills", "/api/sites", "/api/users", "/api/scenarios"]));
    for (const l of standing) {
      const whole = (await (await hq.get(`${l.path}?limit=${l.limit!.schema!.maximum}`)).json()) as Page<unknown>;
      expect(whole.next, l.path).toBeNull();
      const walked: unknown[] = [];
      let next: string | null = null;
      do {
        const res = await hq.get(`${l.path}?limit=2${next ? `&after=${next}` : ""}`);
        expect(res.status, l.path).toBe(200);
        const page = (await res.json()) as Page<unknown>;
        expect(page.items.length, l.path).toBeLessThanOrEqual(2);
        walked.push(...page.items);
        next = page.next;
      } while (next);
      const id = (x: unknown) => JSON.stringify(x).slice(0, 60);
      expect(walked.map(id), l.path).toEqual(whole.items.map(id));
    }
    const incidents = ((await (await hq.get("/api/incidents?limit=500")).json()) as Page<{ id: string; status: string }>).items;
    expect(incidents.length).toBeGreaterThan(3);
    const firstClosed = incidents.findIndex((i) => i.status === "closed");
    expect(incidents.slice(firstClosed).every((i) => i.status === "closed")).toBe(true);
    expect(incidents.findIndex((i) => i.id === closing.id)).toBeGreaterThanOrEqual(firstClosed);
  });
});

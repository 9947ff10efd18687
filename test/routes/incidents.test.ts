import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { clientWith, countRows, drillInput, ORIGIN, openIncident, signIn } from "../helpers";

describe("incidents API", () => {
  it("opens an incident and answers it with its sequence number", async () => {
    const hq = await signIn("hq");
    const res = await hq.send("POST", "/api/incidents", drillInput());
    expect(res.status).toBe(201);
    const body = (await res.json()) as { data: Record<string, unknown>; seq: number };
    expect(body.seq).toBe(1);
    expect(body.data).toMatchObject({
      title: "津波避難訓練",
      kind: "drill",
      hazard: "tsunami",
      onsetAt: "2026-11-24T00:00:00.000Z",
      phase: "initial",
      status: "open",
      version: 1,
    });
    const read = await hq.get(`/api/incidents/${body.data.id}`);
    expect(await read.json()).toEqual(body.data);
    const list = (await (await hq.get("/api/incidents")).json()) as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toContain(body.data.id);
  });

  it("refuses a bad body with 400 and field paths, and writes nothing", async () => {
    const hq = await signIn("hq");
    const before = await countRows("incidents");
    const res = await hq.send("POST", "/api/incidents", { title: "", kind: "exercise", hazard: "tsunami", onsetAt: "yesterday" });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; fields: { path: string }[] } };
    expect(error.code).toBe("invalid_request");
    expect(error.fields.map((f) => f.path).sort()).toEqual(["kind", "onsetAt", "title"]);
    expect(await countRows("incidents")).toBe(before);
    expect(await countRows("idempotency")).toBe(await countRows("change_log"));
  });

  it("refuses malformed JSON with the shared error envelope", async () => {
    const hq = await signIn("hq");
    const res = await SELF.fetch(`${ORIGIN}/api/incidents`, {
      method: "POST",
      headers: { Cookie: hq.cookie, Origin: ORIGIN, "Content-Type": "application/json", "Idempotency-Key": "malformed-1" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_request");
  });

  it("answers 401 without a session and 403 for a viewer's write", async () => {
    const anonymous = clientWith("keizoku_session=nonsense");
    expect((await anonymous.get("/api/incidents")).status).toBe(401);
    const viewer = await signIn("viewer");
    expect((await viewer.get("/api/incidents")).status).toBe(200);
    const before = await countRows("incidents");
    const res = await viewer.send("POST", "/api/incidents", drillInput());
    expect(res.status).toBe(403);
    expect(await countRows("incidents")).toBe(before);
  });

  it("lets only the leading unit's editors or an admin change an incident", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const water = await signIn("water");
    const res = await water.send("PATCH", `/api/incidents/${incident.id}`, { version: 1, phase: "emergency" });
    expect(res.status).toBe(403);
  });

  it("refuses a stale version with 409 and the current state; nothing is overwritten", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const first = await hq.send("PATCH", `/api/incidents/${incident.id}`, { version: 1, phase: "emergency" });
    expect(first.status).toBe(200);
    expect(((await first.json()) as { seq: number }).seq).toBe(2);
    const stale = await hq.send("PATCH", `/api/incidents/${incident.id}`, { version: 1, phase: "recovery", title: "上書き" });
    expect(stale.status).toBe(409);
    const { error } = (await stale.json()) as { error: { code: string; current: { phase: string; version: number; title: string } } };
    expect(error.code).toBe("stale_version");
    expect(error.current).toMatchObject({ phase: "emergency", version: 2, title: "津波避難訓練" });
    const now = (await (await hq.get(`/api/incidents/${incident.id}`)).json()) as { phase: string };
    expect(now.phase).toBe("emergency");
    expect(await countRows("change_log", "stream = ?", incident.id)).toBe(2);
  });

  it("writes once for a retried Idempotency-Key and answers the first result again", async () => {
    const hq = await signIn("hq");
    const incidentsBefore = await countRows("incidents");
    const first = await hq.send("POST", "/api/incidents", drillInput(), "retry-key-0001");
    const second = await hq.send("POST", "/api/incidents", drillInput(), "retry-key-0001");
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("Idempotent-Replay")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
    expect(await countRows("incidents")).toBe(incidentsBefore + 1);
  });

  it("refuses the same Idempotency-Key with another body with 422", async () => {
    const hq = await signIn("hq");
    await hq.send("POST", "/api/incidents", drillInput(), "reused-key-0001");
    const before = await countRows("incidents");
    const res = await hq.send("POST", "/api/incidents", drillInput({ title: "別の訓練" }), "reused-key-0001");
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("idempotency_key_reused");
    expect(await countRows("incidents")).toBe(before);
  });

  it("commits concurrent retries of one key once", async () => {
    const hq = await signIn("hq");
    const before = await countRows("incidents");
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => hq.send("POST", "/api/incidents", drillInput({ title: "同時再送" }), "concurrent-key-1")),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const ids = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as { data: { id: string } }).data.id)));
    expect(ids.size).toBe(1);
    expect(await countRows("incidents")).toBe(before + 1);
  });

  it("requires an Idempotency-Key, a same-origin Origin and a JSON body on writes", async () => {
    const hq = await signIn("hq");
    const base = { Cookie: hq.cookie, "Content-Type": "application/json" };
    const noKey = await SELF.fetch(`${ORIGIN}/api/incidents`, {
      method: "POST",
      headers: { ...base, Origin: ORIGIN },
      body: JSON.stringify(drillInput()),
    });
    expect(noKey.status).toBe(400);
    const crossSite = await SELF.fetch(`${ORIGIN}/api/incidents`, {
      method: "POST",
      headers: { ...base, Origin: "https://evil.example", "Idempotency-Key": "cross-site-01" },
      body: JSON.stringify(drillInput()),
    });
    expect(crossSite.status).toBe(403);
    const form = await SELF.fetch(`${ORIGIN}/api/incidents`, {
      method: "POST",
      headers: { Cookie: hq.cookie, Origin: ORIGIN, "Content-Type": "text/plain", "Idempotency-Key": "form-post-01" },
      body: JSON.stringify(drillInput()),
    });
    expect(form.status).toBe(415);
  });

  it("pages the change log in order", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    let version = 1;
    for (const phase of ["emergency", "recovery", "initial", "emergency"]) {
      const r = await hq.send("PATCH", `/api/incidents/${incident.id}`, { version, phase });
      version = ((await r.json()) as { data: { version: number } }).data.version;
    }
    const page1 = (await (await hq.get(`/api/incidents/${incident.id}/changes?after=0&limit=2`)).json()) as {
      items: { seq: number }[];
      latestSeq: number;
      nextAfter: number | null;
    };
    expect(page1.items.map((c) => c.seq)).toEqual([1, 2]);
    expect(page1).toMatchObject({ latestSeq: 5, nextAfter: 2 });
    const page2 = (await (await hq.get(`/api/incidents/${incident.id}/changes?after=2&limit=10`)).json()) as {
      items: { seq: number; op: string; before: { phase: string }; after: { phase: string } }[];
      nextAfter: number | null;
    };
    expect(page2.items.map((c) => c.seq)).toEqual([3, 4, 5]);
    expect(page2.nextAfter).toBeNull();
    expect(page2.items[0]).toMatchObject({ op: "update", before: { phase: "emergency" }, after: { phase: "recovery" } });
  });

  it("answers 404 in the shared envelope for an unknown incident", async () => {
    const hq = await signIn("hq");
    const res = await hq.get("/api/incidents/no-such-incident");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
  });
});

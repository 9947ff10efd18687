import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { clientWith, countRows, openIncident, sendJson, signIn } from "../helpers";

type Report = {
  number: number;
  seq: number;
  asOf: string;
  producedBy: { name: string; unitId: string };
  content: {
    posture: { current: string | null; changes: { posture: string }[] };
    overview: { summary: string; phase: string };
    units: { unitId: string }[];
    openRequests: { subject: string; unitId: string; detail: { fromUnitId: string } }[];
    attention: { total: number };
  };
};
type Refusal = { error: { code: string; fields?: { path: string }[] } };

const reports = (id: string) => `/api/incidents/${id}/situation-reports`;

async function latestSeq(client: Awaited<ReturnType<typeof signIn>>, id: string) {
  return ((await (await client.get(`/api/incidents/${id}/changes?after=0&limit=1`)).json()) as { latestSeq: number }).latestSeq;
}

describe("situation reports (状況報告 第N報)", () => {
  it("numbers reports per incident and reopens each exactly as produced, however much changes later", async () => {
    const hq = await signIn("hq");
    const water = await signIn("water");
    const incident = await openIncident(hq);
    await hq.send("PATCH", `/api/incidents/${incident.id}`, { version: 1, posture: "warning" });
    const seq = await latestSeq(hq, incident.id);

    const first = await sendJson<{ data: Report; seq: number }>(hq, "POST", reports(incident.id), { asOfSeq: seq, summary: "沿岸部に津波警報" });
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({ number: 1, seq, producedBy: { name: "hq user", unitId: "hq" } });
    expect(first.body.data.content.posture.current).toBe("warning");
    expect(first.body.data.content.overview.summary).toBe("沿岸部に津波警報");
    expect(first.res.headers.get("Server-Timing")).toMatch(/d1;dur=[\d.]+;desc="\d+ round trips?, \d+ quer/);
    const stored = (await (await hq.get(`${reports(incident.id)}/1`)).json()) as Report;

    // The incident moves on: a new posture and a request from the water HQ.
    await hq.send("PATCH", `/api/incidents/${incident.id}`, { version: 2, posture: "emergency" });
    const req = await water.send("POST", `/api/incidents/${incident.id}/liaison`, { kind: "request", priority: "high", toUnitId: "hq", body: "給水車2台の派遣を要請" });
    expect(req.status).toBe(201);

    const second = await sendJson<{ data: Report }>(hq, "POST", reports(incident.id), {});
    expect(second.body.data.number).toBe(2);
    expect(second.body.data.content.posture.changes.map((p) => p.posture)).toEqual(["warning", "emergency"]);
    expect(second.body.data.content.openRequests.map((r) => [r.detail.fromUnitId, r.unitId, r.subject])).toEqual([["water", "hq", "給水車2台の派遣を要請"]]);

    expect(await (await hq.get(`${reports(incident.id)}/1`)).json()).toEqual(stored);
    expect(stored).toEqual(first.body.data);
    const list = (await (await hq.get(reports(incident.id))).json()) as { items: { number: number; seq: number }[] };
    expect(list.items.map((r) => r.number)).toEqual([2, 1]);
    expect(list.items[1]!.seq).toBe(seq);
  });

  it("refuses a report as of a seq the incident has moved past, writing nothing", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const seq = await latestSeq(hq, incident.id);
    await hq.send("PATCH", `/api/incidents/${incident.id}`, { version: 1, phase: "emergency" });
    const before = await countRows("change_log", "stream = ?", incident.id);
    const res = await sendJson<Refusal>(hq, "POST", reports(incident.id), { asOfSeq: seq });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("moved_on");
    expect(await countRows("situation_reports", "incident_id = ?", incident.id)).toBe(0);
    expect(await countRows("change_log", "stream = ?", incident.id)).toBe(before);
  });

  it("answers 401, 403, 404 and 400 as the envelope says, writing nothing", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    expect((await clientWith("keizoku_session=nonsense").get(reports(incident.id))).status).toBe(401);
    for (const who of ["viewer", "water"]) {
      expect((await (await signIn(who)).send("POST", reports(incident.id), {})).status).toBe(403);
    }
    expect((await hq.send("POST", reports("no-such-incident"), {})).status).toBe(404);
    expect((await hq.get(`${reports(incident.id)}/7`)).status).toBe(404);
    const bad = await sendJson<Refusal>(hq, "POST", reports(incident.id), { summary: "x".repeat(5000), number: 3 });
    expect(bad.status).toBe(400);
    expect(await countRows("situation_reports", "incident_id = ?", incident.id)).toBe(0);
  });

  it("exports a report as CSV in Japanese, section by section, with formula cells neutralised", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    await hq.send("PATCH", `/api/incidents/${incident.id}`, { version: 1, posture: "emergency" });
    await hq.send("POST", reports(incident.id), { summary: "=HYPERLINK(\"x\")" });
    const res = await hq.get(`${reports(incident.id)}/1/csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    expect(lines[0]).toBe("状況報告,第1報");
    expect(lines).toContain("2 配備体制,非常配備");
    expect(lines.find((l) => l.startsWith("概要,"))).toBe(`概要,"'=HYPERLINK(""x"")"`);
    for (const section of ["1 発生日時・概要", "3 被害・対応状況（部署別）", "5 上下水道部の庁舎機能と応急給水", "6 病院の状況,報告なし"]) {
      expect(lines).toContain(section);
    }
  });

  it("issues no report for a closed incident", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    await hq.send("PATCH", `/api/incidents/${incident.id}`, { version: 1, status: "closed" });
    const res = await sendJson<Refusal>(hq, "POST", reports(incident.id), {});
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("incident_closed");
    expect(await countRows("situation_reports", "incident_id = ?", incident.id)).toBe(0);
  });

  it("answers a retry of the same Idempotency-Key with the identical report, its content stored once", async () => {
    const hq = await signIn("hq");
    const water = await signIn("water");
    const incident = await openIncident(hq);
    await water.send("POST", `/api/incidents/${incident.id}/liaison`, { kind: "request", priority: "urgent", toUnitId: "hq", body: "給水車の派遣を要請" });
    const key = crypto.randomUUID();
    const first = await hq.send("POST", reports(incident.id), { summary: "第1報" }, key);
    expect(first.status).toBe(201);
    const firstText = await first.text();
    // The incident moves on before the retry: the retry still answers the report as it was produced.
    await water.send("POST", `/api/incidents/${incident.id}/liaison`, { kind: "report", priority: "urgent", toUnitId: "hq", body: "浄水場で停電" });

    const retry = await hq.send("POST", reports(incident.id), { summary: "第1報" }, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("Idempotent-Replay")).toBe("true");
    const retryText = await retry.text();
    expect(JSON.parse(retryText)).toEqual(JSON.parse(firstText));
    expect(retryText).toBe(firstText);
    expect(await countRows("situation_reports", "incident_id = ?", incident.id)).toBe(1);

    // The record of the answer holds the heading, not a second copy of the content.
    const sizes = await env.DB.prepare(
      `SELECT (SELECT length(body) FROM idempotency WHERE key = ?1) AS answer, (SELECT length(content_json) FROM situation_reports WHERE incident_id = ?2) AS content`,
    )
      .bind(key, incident.id)
      .first<{ answer: number; content: number }>();
    expect(sizes!.answer).toBeLessThan(600);
    expect(sizes!.content).toBeGreaterThan(sizes!.answer);
    expect((JSON.parse(firstText) as { data: Report }).data.content.openRequests.map((r) => r.subject)).toEqual(["給水車の派遣を要請"]);
  });
});

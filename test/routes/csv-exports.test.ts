import { beforeAll, describe, expect, it } from "vitest";
import type { ChecklistView } from "../../src/schema/checklists";
import { plainCsv } from "../domain/plain-csv";
import { type Client, openIncident, sendJson, signIn } from "../helpers";

// What an attacker types into a free-text field, hoping a spreadsheet will run it.
const LINK = '-1+HYPERLINK("http://evil.example","x")';
const SUM = "=1+2";
const AT = "@SUM(1+1)";

let hospital: Client;
let hq: Client;
let viewer: Client;
beforeAll(async () => {
  [hospital, hq, viewer] = await Promise.all([signIn("hospital"), signIn("hq"), signIn("viewer")]);
});

/** The cells as Excel would read them: our neutralising quote stays in. */
const cellsOf = async (res: Response) => {
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  return plainCsv(await res.text());
};
const FORMULA = /^[=+\-@\t\r]/;

async function scenarioWithPayloads() {
  const card = { tagNumber: "X-1", description: LINK, age: 40, canWalk: false, breathing: true, respiratoryRate: 22, radialPulse: true, capillaryRefillSeconds: 1, followsCommands: true };
  const r = await sendJson<{ data: { id: string } }>(hospital, "POST", "/api/scenarios", {
    title: "書式注入の確認",
    casualties: [{ ...card, override: { category: "red", reason: SUM } }, { ...card, tagNumber: "X-2" }],
  });
  expect(r.status).toBe(201);
  return r.body.data.id;
}

describe("CSV exports neutralise formula cells", () => {
  it("scenario export.csv: a casualty description and an override reason come out as text, and import back unchanged", async () => {
    const id = await scenarioWithPayloads();
    const res = await viewer.get(`/api/scenarios/${id}/export.csv`);
    const text = await res.clone().text();
    const rows = await cellsOf(res);
    const description = rows[0]!.indexOf("description");
    const reason = rows[0]!.indexOf("override_reason");
    expect(rows[1]![description]).toBe(`'${LINK}`);
    expect(rows[1]![reason]).toBe(`'${SUM}`);
    expect(rows.flat().filter((c) => FORMULA.test(c))).toEqual([]);

    const again = await sendJson<{ data: { id: string } }>(hospital, "POST", "/api/scenarios/import", { title: "再取込", csv: text });
    expect(again.status).toBe(201);
    const copy = (await (await viewer.get(`/api/scenarios/${again.body.data.id}`)).json()) as { casualties: Array<{ description: string; override: { reason: string } | null }> };
    expect(copy.casualties.map((c) => c.description)).toEqual([LINK, LINK]);
    expect(copy.casualties[0]!.override?.reason).toBe(SUM);
  });

  it("drill scores.csv: an officer's name and an override reason come out as text", async () => {
    const scenarioId = await scenarioWithPayloads();
    const planned = await sendJson<{ data: { id: string; version: number } }>(hospital, "POST", "/api/drills", {
      kind: "triage",
      title: "書式注入の訓練",
      scheduledAt: "2026-12-05T09:30:00+09:00",
      place: "正面玄関前",
      objectives: [],
      participants: [{ id: "p1", name: AT, role: "triage_officer", zoneId: "er" }],
      scenarioId,
    });
    expect(planned.status).toBe(201);
    const drill = planned.body.data;
    expect((await sendJson(hospital, "POST", `/api/drills/${drill.id}/status`, { version: drill.version, to: "running" })).status).toBe(200);
    const detail = (await (await hospital.get(`/api/drills/${drill.id}`)).json()) as { casualties: Array<{ id: string }> };
    const tag = await sendJson(hospital, "POST", `/api/drills/${drill.id}/tags`, { casualtyId: detail.casualties[0]!.id, category: "red", zoneId: "er", officerId: "p1" });
    expect(tag.status).toBe(201);

    const rows = await cellsOf(await viewer.get(`/api/drills/${drill.id}/scores.csv`));
    const officer = rows[0]!.indexOf("officer");
    const reason = rows[0]!.indexOf("override_reason");
    expect(rows.slice(1).map((r) => r[officer])).toContain(`'${AT}`);
    expect(rows.slice(1).map((r) => r[reason])).toContain(`'${SUM}`);
    expect(rows.flat().filter((c) => FORMULA.test(c))).toEqual([]);
  });

  it("checklist CSV: an item's note comes out as text", async () => {
    const incident = await openIncident(hq, { onsetAt: new Date(Date.now() - 3_600_000).toISOString() });
    expect((await hq.send("POST", `/api/incidents/${incident.id}/checklists/activations`, { unitIds: ["hq"] })).status).toBe(201);
    const view = (await (await hq.get(`/api/incidents/${incident.id}/checklists`)).json()) as ChecklistView;
    const item = view.items.find((i) => i.unitId === "hq")!;
    expect((await hq.send("PATCH", `/api/checklists/items/${item.id}`, { version: item.version, note: LINK })).status).toBe(200);

    const rows = await cellsOf(await viewer.get(`/api/incidents/${incident.id}/checklists.csv?unitId=hq`));
    const note = rows[1]!.indexOf("メモ");
    expect(rows.slice(2).map((r) => r[note])).toContain(`'${LINK}`);
    expect(rows.flat().filter((c) => FORMULA.test(c))).toEqual([]);
  });
});

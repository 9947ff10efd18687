import { beforeAll, describe, expect, it } from "vitest";
import { type Client, countRows, signIn, sendJson as send } from "../helpers";

let hospital: Client;
let viewer: Client;
beforeAll(async () => {
  [hospital, viewer] = await Promise.all([signIn("hospital"), signIn("viewer")]);
});

const HEADER = "tag_number,description,age,can_walk,breathing,breathing_after_airway,respiratory_rate,radial_pulse,capillary_refill_s,follows_commands,override_category,override_reason";
const card = (over: Record<string, unknown> = {}) => ({
  tagNumber: "K-1",
  description: "右下腿骨折",
  age: 40,
  canWalk: false,
  breathing: true,
  respiratoryRate: 22,
  radialPulse: true,
  capillaryRefillSeconds: 1,
  followsCommands: true,
  ...over,
});


describe("the seeded scenario", () => {
  it("ships about 30 Japanese casualty cards with every START category", async () => {
    const list = (await (await viewer.get("/api/scenarios")).json()) as { items: Array<{ id: string; casualtyCount: number }> };
    expect(list.items.find((s) => s.id === "seed-tsunami-kushiro")?.casualtyCount).toBe(30);
    const s = (await (await viewer.get("/api/scenarios/seed-tsunami-kushiro")).json()) as any;
    expect(s.casualties).toHaveLength(30);
    expect(new Set(s.casualties.map((c: any) => c.expected))).toEqual(new Set(["red", "yellow", "green", "black"]));
    expect(s.casualties[0].description).toMatch(/[ぁ-んァ-ン一-龥]/);
  });
});

describe("creating scenarios", () => {
  it("computes the START key of each card, and applies an override with its reason", async () => {
    const r = await send(hospital, "POST", "/api/scenarios", {
      title: "夜間想定",
      casualties: [card(), card({ tagNumber: "K-2", respiratoryRate: 34 }), card({ tagNumber: "K-3", override: { category: "red", reason: "高齢・抗凝固薬内服" } })],
    });
    expect(r.status).toBe(201);
    const s = (await (await viewer.get(`/api/scenarios/${r.body.data.id}`)).json()) as any;
    expect(s.casualties.map((c: any) => [c.startCategory, c.expected])).toEqual([
      ["yellow", "yellow"],
      ["red", "red"],
      ["yellow", "red"],
    ]);
  });

  it("refuses impossible signs naming the card and field, writing nothing", async () => {
    const before = await countRows("scenarios");
    const r = await send(hospital, "POST", "/api/scenarios", {
      title: "誤り",
      casualties: [card(), card({ tagNumber: "K-2", breathing: false, breathingAfterAirway: false, respiratoryRate: 14, followsCommands: false })],
    });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual([{ path: "casualties.1.respiratoryRate", message: expect.stringContaining("not breathing") }]);
    const neg = await send(hospital, "POST", "/api/scenarios", { title: "誤り", casualties: [card({ respiratoryRate: -1 })] });
    expect(neg.body.error.fields[0].path).toBe("casualties.0.respiratoryRate");
    const dup = await send(hospital, "POST", "/api/scenarios", { title: "誤り", casualties: [card(), card()] });
    expect(dup.body.error.fields[0].path).toBe("casualties.1.tagNumber");
    expect(await countRows("scenarios")).toBe(before);
  });

  it("is refused to viewers", async () => {
    expect((await send(viewer, "POST", "/api/scenarios", { title: "x", casualties: [card()] })).status).toBe(403);
  });
});

describe("CSV import and export", () => {
  it("exports the seeded scenario and imports it back as an equal scenario", async () => {
    const csv = await (await viewer.get("/api/scenarios/seed-tsunami-kushiro/export.csv")).text();
    expect(csv.split("\r\n")[0]).toBe(HEADER);
    const r = await send(hospital, "POST", "/api/scenarios/import", { title: "複製", csv });
    expect(r.status).toBe(201);
    const strip = (c: any) => ({ ...c, id: undefined });
    const [a, b] = await Promise.all(
      ["seed-tsunami-kushiro", r.body.data.id].map(async (id) => ((await (await viewer.get(`/api/scenarios/${id}`)).json()) as any).casualties.map(strip)),
    );
    expect(b).toEqual(a);
  });

  it("refuses a malformed row naming row and field, importing nothing", async () => {
    const before = [await countRows("scenarios"), await countRows("scenario_casualties")];
    const csv = [HEADER, "A-1,歩行可,30,yes,yes,,20,yes,1,yes,,", "A-2,呼吸数不明,30,no,yes,,abc,yes,1,yes,,"].join("\n");
    const r = await send(hospital, "POST", "/api/scenarios/import", { title: "壊れた表", csv });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual([{ path: "rows.3.respiratory_rate", message: expect.stringMatching(/^row 3, respiratory_rate/) }]);
    expect([await countRows("scenarios"), await countRows("scenario_casualties")]).toEqual(before);
  });
});

describe("overriding a scenario card", () => {
  it("needs the version seen and a reason", async () => {
    const s = (await (await viewer.get("/api/scenarios/seed-tsunami-kushiro")).json()) as any;
    const c = s.casualties[1];
    const path = `/api/scenarios/seed-tsunami-kushiro/casualties/${c.id}`;
    expect((await send(hospital, "PATCH", path, { version: 99, override: null })).status).toBe(409);
    const ok = await send(hospital, "PATCH", path, { version: 1, override: { category: "yellow", reason: "溺水後の経過観察" } });
    expect(ok.body.data).toMatchObject({ expected: "yellow", startCategory: "green" });
    const back = await send(hospital, "PATCH", path, { version: 2, override: null });
    expect(back.body.data).toMatchObject({ expected: "green", override: null });
  });
});

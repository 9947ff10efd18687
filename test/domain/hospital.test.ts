import { describe, expect, it } from "vitest";
import { statusWarnings } from "../../src/domain/hospital";
import { isOverdue, jstDate, patchAction, withOverdue } from "../../src/domain/drills-report";
import type { HospitalStatus } from "../../src/schema/hospital";

const status = (over: Partial<HospitalStatus> = {}): HospitalStatus => ({
  incidentId: "i",
  beds: { icu: 1, general: 1, pediatric: 0, maternity: 0, isolation: 0, operatingRooms: 1 },
  generatorFuelHours: 96,
  waterDays: 4,
  foodDays: 4,
  medicineDays: 4,
  triageTagStock: 100,
  surgeCapacity: 10,
  power: "commercial",
  waterSupply: "mains",
  note: "",
  version: 1,
  updatedAt: "",
  updatedBy: "",
  ...over,
});

describe("hospital status warnings", () => {
  it("are empty when every figure meets the 72 h / 3 day targets or is unknown", () => {
    expect(statusWarnings(status())).toEqual([]);
    expect(statusWarnings(status({ generatorFuelHours: 72, waterDays: 3, foodDays: null }))).toEqual([]);
    expect(statusWarnings(null)).toEqual([]);
  });
  it("flag figures not updated for over 6 hours, before any shortfall", () => {
    const s = status({ updatedAt: "2026-11-24T00:00:00.000Z", waterDays: 1 });
    expect(statusWarnings(s, "2026-11-24T06:00:00.000Z").map((x) => x.field)).toEqual(["waterDays"]);
    expect(statusWarnings(s, "2026-11-24T06:00:01.000Z").map((x) => x.field)).toEqual(["updatedAt", "waterDays"]);
  });
  it("put the worst shortfall first", () => {
    const w = statusWarnings(status({ generatorFuelHours: 60, medicineDays: 1, power: "none", triageTagStock: 0 }));
    expect(w.map((x) => x.field)).toEqual(["power", "triageTagStock", "medicineDays", "generatorFuelHours"]);
  });
});

describe("corrective action due dates (JST)", () => {
  const a = { status: "open" as const, dueDate: "2026-11-30" };
  it("turn overdue when the next JST day begins", () => {
    expect(jstDate("2026-11-30T14:59:59.000Z")).toBe("2026-11-30");
    expect(jstDate("2026-11-30T15:00:00.000Z")).toBe("2026-12-01");
    expect(isOverdue(a, "2026-11-30T14:59:59.000Z")).toBe(false);
    expect(isOverdue(a, "2026-11-30T15:00:00.000Z")).toBe(true);
    expect(isOverdue({ ...a, status: "closed" }, "2027-01-01T00:00:00.000Z")).toBe(false);
  });
  it("sort overdue first and closed last", () => {
    const base = { drillId: "d", drillTitle: "t", capability: "c", issue: "i", action: "a", owner: "o", organisation: "g", closedAt: null, note: "", version: 1, createdAt: "", updatedAt: "" };
    const list = withOverdue(
      [
        { ...base, id: "closed", status: "closed", dueDate: "2020-01-01" },
        { ...base, id: "later", status: "open", dueDate: "2030-01-01" },
        { ...base, id: "late", status: "in_progress", dueDate: "2026-01-01" },
      ],
      "2026-06-01T00:00:00.000Z",
    );
    expect(list.map((x) => [x.id, x.overdue])).toEqual([
      ["late", true],
      ["later", false],
      ["closed", false],
    ]);
  });
  it("stamp closure when closed and clear it when reopened", () => {
    const base = { id: "x", drillId: "d", drillTitle: "t", capability: "c", issue: "i", action: "a", owner: "o", organisation: "g", dueDate: "2026-01-01", status: "open" as const, closedAt: null, note: "", version: 1, createdAt: "", updatedAt: "" };
    const closed = patchAction(base, { version: 1, status: "closed" }, "2026-02-01T00:00:00.000Z");
    expect(closed).toMatchObject({ closedAt: "2026-02-01T00:00:00.000Z", version: 2 });
    expect(patchAction(closed, { version: 2, status: "open" }, "2026-02-02T00:00:00.000Z").closedAt).toBeNull();
    expect(patchAction(closed, { version: 2, note: "x" }, "2026-02-02T00:00:00.000Z").closedAt).toBe("2026-02-01T00:00:00.000Z");
  });
});

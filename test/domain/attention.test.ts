import { describe, expect, it } from "vitest";
import { attentionCounts, attentionQueue, type AttentionInput } from "../../src/domain/attention";
import type { HospitalStatus } from "../../src/schema/hospital";
import type { ReadinessCheck } from "../../src/schema/relocation";
import type { BcpFunction, Relocation } from "../../src/schema/relocation-board";
import type { LiaisonMessage } from "../../src/schema/relocation-liaison";

const ONSET = "2026-11-24T00:00:00.000Z";
const at = (minutes: number) => new Date(Date.parse(ONSET) + minutes * 60_000).toISOString();
const SETTINGS = { ackMinutes: 10, silentMinutes: 60, fuelHoursRequired: 72 };

const empty = (): AttentionInput => ({
  onsetAt: ONSET,
  items: [],
  messages: [],
  functions: [],
  relocations: [],
  sites: [],
  readiness: [],
  hospital: { unitId: "hospital", expected: false, status: null },
  drills: [],
  actions: [],
  reports: [],
});

function message(over: Partial<LiaisonMessage>): LiaisonMessage {
  return {
    id: "m1",
    incidentId: "i1",
    threadId: over.id ?? "m1",
    parentId: null,
    kind: "report",
    priority: "normal",
    fromUnitId: "water",
    toUnitId: "hq",
    body: "上下水道部庁舎1階が浸水",
    functionId: null,
    siteId: null,
    sentAt: at(5),
    sentBy: "u-water",
    sentByName: "鈴木",
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgedByName: null,
    version: 1,
    ...over,
  };
}

function fn(over: Partial<BcpFunction>): BcpFunction {
  return {
    id: "f1",
    unitId: "water",
    nameJa: "配水監視",
    nameEn: "Distribution monitoring",
    description: "",
    priority: 1,
    targetMinutes: 60,
    staffNeeded: 2,
    equipment: [],
    primarySiteId: "s-primary",
    alternateSiteIds: ["s-alt"],
    sortOrder: 1,
    version: 1,
    updatedAt: ONSET,
    ...over,
  };
}

const sites = [
  { id: "s-primary", nameJa: "上下水道部庁舎", nameEn: "Water HQ", status: "unusable" as const, inInundation: true, unitId: "water" },
  { id: "s-alt", nameJa: "愛国浄水場", nameEn: "Aikoku plant", status: "operational" as const, inInundation: false, unitId: "water" },
];

describe("attention queue", () => {
  it("puts an urgent message at the top the moment it arrives, without waiting for the acknowledgement time", () => {
    const input = {
      ...empty(),
      items: [
        { id: "c1", unitId: "general", state: "todo" as const, deadlineAt: at(30), textJa: "参集", textEn: "Call-in", ownerId: null, sectionKey: "priority_business", version: 1 },
      ],
      messages: [message({ id: "m-urgent", priority: "urgent", sentAt: at(100) })],
    };
    const queue = attentionQueue(input, at(100), SETTINGS);
    expect(queue[0]).toMatchObject({ key: "message:m-urgent", rank: 0, unitId: "hq", since: at(100), action: "acknowledge", version: 1 });
    expect(queue[1]).toMatchObject({ kind: "overdue_item", action: "assign" });
  });

  it("leaves a normal message out until its acknowledgement time has passed, and drops it once acknowledged", () => {
    const input = { ...empty(), messages: [message({ sentAt: at(0) })] };
    expect(attentionQueue(input, at(9), SETTINGS)).toEqual([]);
    expect(attentionQueue(input, at(10), SETTINGS)).toMatchObject([{ kind: "message", rank: 1, detail: { overdueForAck: true } }]);
    const acked = { ...empty(), messages: [message({ sentAt: at(0), acknowledgedAt: at(1), acknowledgedByName: "HQ" })] };
    expect(attentionQueue(acked, at(30), SETTINGS)).toEqual([]);
  });

  it("keeps a request open until the receiving unit replies in its thread, asking to acknowledge and then to answer", () => {
    const request = message({ id: "r1", kind: "request", fromUnitId: "water", toUnitId: "hq", body: "給水車2台を要請" });
    expect(attentionQueue({ ...empty(), messages: [request] }, at(6), SETTINGS)).toMatchObject([{ kind: "request", action: "acknowledge" }]);
    const acked = { ...request, acknowledgedAt: at(6) };
    expect(attentionQueue({ ...empty(), messages: [acked] }, at(7), SETTINGS)).toMatchObject([{ kind: "request", action: "answer", rank: 2 }]);
    const ownFollowUp = message({ id: "r2", parentId: "r1", threadId: "r1", fromUnitId: "water", toUnitId: "hq", acknowledgedAt: at(8) });
    expect(attentionQueue({ ...empty(), messages: [acked, ownFollowUp] }, at(9), SETTINGS)).toHaveLength(1);
    const reply = message({ id: "r3", parentId: "r1", threadId: "r1", fromUnitId: "hq", toUnitId: "water", acknowledgedAt: at(8) });
    expect(attentionQueue({ ...empty(), messages: [acked, reply] }, at(9), SETTINGS)).toEqual([]);
  });

  it("lists overdue items with how long they are overdue, offering assignment only when nobody owns them", () => {
    const item = { id: "c1", unitId: "general", state: "in_progress" as const, deadlineAt: at(60), textJa: "避難所開設", textEn: "Open shelters", ownerId: "u1", sectionKey: "priority_business", version: 3 };
    expect(attentionQueue({ ...empty(), items: [item] }, at(59), SETTINGS)).toEqual([]);
    expect(attentionQueue({ ...empty(), items: [item] }, at(75), SETTINGS)).toMatchObject([
      { key: "overdue_item:c1", since: at(60), subject: "避難所開設", detail: { overdueMinutes: 15, owned: true }, action: null },
    ]);
    expect(attentionQueue({ ...empty(), items: [{ ...item, state: "done" }] }, at(75), SETTINGS)).toEqual([]);
  });

  it("puts a new 至急 report ahead of an older urgent condition, so the top sees it at once", () => {
    const input = { ...empty(), functions: [fn({})], sites, messages: [message({ id: "m-new", priority: "urgent", sentAt: at(120) })] };
    const queue = attentionQueue(input, at(121), SETTINGS);
    expect(queue.map((e) => [e.kind, e.rank])).toEqual([["message", 0], ["late_function", 0]]);
  });

  it("flags a function past its target and not working, and stops once it is operational at the alternate", () => {
    const input = { ...empty(), functions: [fn({})], sites };
    expect(attentionQueue(input, at(59), SETTINGS)).toEqual([]);
    expect(attentionQueue(input, at(90), SETTINGS)).toMatchObject([{ kind: "late_function", rank: 0, since: at(60), detail: { overdueMinutes: 30 } }]);
    const working: Relocation = {
      incidentId: "i1", functionId: "f1", state: "operational_at_alternate", siteId: "s-alt", since: at(80), operationalAt: at(80),
      staffPresent: 2, overrideReason: null, note: "", version: 3, updatedAt: at(80), updatedByName: "鈴木",
    };
    expect(attentionQueue({ ...input, relocations: [working] }, at(90), SETTINGS)).toEqual([]);
  });

  it("raises failed critical readiness at an alternate site, more urgently when a function is moving there", () => {
    const check = (over: Partial<ReadinessCheck>): ReadinessCheck => ({
      siteId: "s-alt", key: "power", status: "ok", critical: true, value: null, note: "", checkedAt: at(3), checkedByName: "鈴木", version: 1, ...over,
    });
    const base = { ...empty(), functions: [fn({ targetMinutes: 600 })], sites, readiness: [check({ key: "power", status: "failed" }), check({ key: "fuel", value: 24 })] };
    expect(attentionQueue(base, at(10), SETTINGS)).toMatchObject([{ kind: "readiness_failed", rank: 2, detail: { failed: "power,fuel", inUse: false } }]);
    const moving: Relocation = {
      incidentId: "i1", functionId: "f1", state: "relocating", siteId: "s-alt", since: at(5), operationalAt: null,
      staffPresent: 0, overrideReason: null, note: "", version: 1, updatedAt: at(5), updatedByName: "鈴木",
    };
    expect(attentionQueue({ ...base, relocations: [moving] }, at(10), SETTINGS)).toMatchObject([{ kind: "readiness_failed", rank: 1 }]);
    const nonCritical = { ...base, readiness: [check({ critical: false, status: "failed" })] };
    expect(attentionQueue(nonCritical, at(10), SETTINGS)).toEqual([]);
  });

  it("says the hospital has not reported rather than staying silent, and puts lost lifelines at the top", () => {
    const expected = { ...empty(), hospital: { unitId: "hospital", expected: true, status: null } };
    expect(attentionQueue(expected, at(10), SETTINGS)).toMatchObject([{ key: "hospital:unreported", rank: 2 }]);
    const status: HospitalStatus = {
      incidentId: "i1", beds: {}, generatorFuelHours: 20, waterDays: 5, foodDays: 5, medicineDays: 5, triageTagStock: 100, surgeCapacity: 10,
      power: "none", waterSupply: "mains", note: "", version: 2, updatedAt: at(8), updatedBy: "看護部",
    } as HospitalStatus;
    const queue = attentionQueue({ ...empty(), hospital: { unitId: "hospital", expected: true, status } }, at(10), SETTINGS);
    expect(queue.map((e) => [e.key, e.rank])).toEqual([
      ["hospital:power", 0],
      ["hospital:generatorFuelHours", 1],
    ]);
  });

  it("counts under-triage only in a running drill", () => {
    const drill = {
      id: "d1", title: "トリアージ訓練", unitId: "hospital", status: "running", startedAt: at(1),
      casualties: [
        { expected: "red" as const, current: "yellow" as const },
        { expected: "yellow" as const, current: "yellow" as const },
        { expected: "green" as const, current: null },
      ],
    };
    expect(attentionQueue({ ...empty(), drills: [drill] }, at(10), SETTINGS)).toMatchObject([{ kind: "under_triage", detail: { under: 1, tagged: 2, total: 3 } }]);
    expect(attentionQueue({ ...empty(), drills: [{ ...drill, status: "ended" }] }, at(10), SETTINGS)).toEqual([]);
  });

  it("lists corrective actions past their JST due date and units silent for the configured time, last", () => {
    const input = {
      ...empty(),
      actions: [{ id: "a1", drillId: "d0", drillTitle: "前回訓練", issue: "無線", action: "無線機を増やす", owner: "総務課", dueDate: "2026-11-20", status: "open" as const, version: 1, unitId: "hospital", reviewId: null }],
      reports: [
        { unitId: "fire", lastAt: at(5) },
        { unitId: "general", lastAt: null },
        { unitId: "water", lastAt: at(50) },
      ],
      messages: [message({ priority: "high", sentAt: at(60) })],
    };
    const queue = attentionQueue(input, at(100), SETTINGS);
    expect(queue.map((e) => e.key)).toEqual(["message:m1", "silent_unit:general", "silent_unit:fire", "overdue_action:a1"]);
    expect(queue[1]).toMatchObject({ since: ONSET, detail: { neverReported: true, silentMinutes: 100 } });
    expect(attentionQueue(input, at(100), { ...SETTINGS, silentMinutes: 120 }).map((e) => e.kind)).not.toContain("silent_unit");
    expect(attentionCounts(queue)).toMatchObject({ total: 4, urgent: 0, byKind: { silent_unit: 2, message: 1 } });
  });

  it("lists a relocation review's overdue corrective action with a link to the reviewed drill incident's records", () => {
    const action = { id: "a2", drillId: "inc-drill-0", drillTitle: "上下水道部 移転訓練", issue: "発電機燃料", action: "燃料の備蓄を72時間分にする", owner: "上下水道部", dueDate: "2026-11-20", version: 3, unitId: "water", reviewId: "inc-drill-0" };
    const queue = attentionQueue({ ...empty(), actions: [{ ...action, status: "in_progress" }] }, at(100), SETTINGS);
    expect(queue).toMatchObject([
      {
        key: "overdue_action:a2",
        unitId: "water",
        subject: "燃料の備蓄を72時間分にする",
        detail: { fromReview: true, drillTitle: "上下水道部 移転訓練", dueDate: "2026-11-20" },
        link: { area: "records", entityType: "relocation_review", entityId: "inc-drill-0", incidentId: "inc-drill-0" },
      },
    ]);
    // Due today (JST) is not overdue yet.
    expect(attentionQueue({ ...empty(), actions: [{ ...action, status: "open", dueDate: "2026-11-24" }] }, at(100), SETTINGS)).toEqual([]);
  });
});

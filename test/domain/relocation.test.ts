import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attentionOrder,
  failedCriticalChecks,
  functionStatus,
  initialRelocation,
  isAllowed,
  moveLabel,
  mustMove,
  NEXT_STATES,
  readinessSiteOf,
  type SiteReadiness,
  transition,
} from "../../src/domain/relocation";
import { functionSiteIssues } from "../../src/domain/relocation-rules";
import type { ReadinessCheck, Site } from "../../src/schema/relocation";
import { type BcpFunction, RelocationState, type Relocation } from "../../src/schema/relocation-board";

const ONSET = "2026-11-24T00:00:00.000Z";
const NOW = "2026-11-24T01:00:00.000Z";

const fn: BcpFunction = {
  id: "fn-supply",
  unitId: "water",
  nameJa: "応急給水",
  nameEn: "Emergency water supply",
  description: "",
  priority: 1,
  targetMinutes: 180,
  staffNeeded: 10,
  equipment: [],
  primarySiteId: "water-hq",
  alternateSiteIds: ["alt-a", "alt-b"],
  sortOrder: 1,
  version: 1,
  updatedAt: ONSET,
};

const site = (id: string, status: Site["status"] = "operational"): Site => ({
  id,
  nameJa: id,
  nameEn: id,
  kind: "alternate_site",
  address: "",
  lat: 43,
  lon: 144,
  status,
  statusNote: "",
  unitId: "water",
  source: "city",
  designations: "",
  note: "",
  inInundation: false,
  depthClass: null,
  depthRank: null,
  hazardLayerId: null,
  version: 1,
  updatedAt: ONSET,
  updatedBy: null,
});

const sitesWith = (over: Partial<Record<string, SiteReadiness>> = {}) =>
  new Map<string, SiteReadiness>(
    Object.entries({
      "water-hq": { site: site("water-hq"), failedCritical: [] },
      "alt-a": { site: site("alt-a"), failedCritical: [] },
      "alt-b": { site: site("alt-b"), failedCritical: [] },
      ...over,
    }) as [string, SiteReadiness][],
  );

const ctx = (sites = sitesWith()) => ({ fn, sites, now: NOW, by: "water user" });
const start = () => initialRelocation("inc-1", fn, ONSET);

function moved(row: Relocation, to: RelocationState, extra: Record<string, unknown> = {}, sites = sitesWith()): Relocation {
  const r = transition(row, { to, version: row.version, ...extra }, ctx(sites));
  if (!r.ok) throw new Error(r.refusal.message);
  return r.value;
}

describe("relocation state machine", () => {
  it("moves a function to its preferred alternate, declares it operational there and brings it back", () => {
    const relocating = moved(start(), "relocating");
    expect(relocating).toMatchObject({ state: "relocating", siteId: "alt-a", version: 1, since: NOW, operationalAt: null });
    const working = moved(relocating, "operational_at_alternate", { staffPresent: 7 });
    expect(working).toMatchObject({ state: "operational_at_alternate", siteId: "alt-a", operationalAt: NOW, staffPresent: 7, version: 2 });
    const returning = moved(working, "returning");
    expect(returning).toMatchObject({ state: "returning", siteId: "water-hq", operationalAt: NOW });
    expect(moved(returning, "at_primary")).toMatchObject({ state: "at_primary", siteId: "water-hq", version: 4 });
  });

  it("refuses every move the table does not allow, as a 409 naming `to`", () => {
    fc.assert(
      fc.property(fc.constantFrom(...RelocationState.options), fc.constantFrom(...RelocationState.options), (from, to) => {
        fc.pre(!isAllowed(from, to));
        const row: Relocation = { ...start(), state: from, siteId: from === "at_primary" || from === "returning" ? "water-hq" : "alt-a", version: 3 };
        const r = transition(row, { to, version: 3, siteId: "alt-b" }, ctx());
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.refusal).toMatchObject({ status: 409, code: "illegal_transition", fields: [{ path: "to" }] });
      }),
    );
  });

  it("never stays in place and never jumps from the primary site straight to operational", () => {
    for (const s of RelocationState.options) expect(NEXT_STATES[s]).not.toContain(s);
    expect(isAllowed("at_primary", "operational_at_alternate")).toBe(false);
    expect(isAllowed("operational_at_alternate", "at_primary")).toBe(false);
  });

  it("keeps its invariants over any sequence of attempted moves", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ to: fc.constantFrom(...RelocationState.options), site: fc.constantFrom("alt-a", "alt-b", undefined) }), { maxLength: 30 }), (attempts) => {
        let row = start();
        for (const { to, site: siteId } of attempts) {
          const r = transition(row, { to, version: row.version, siteId }, ctx());
          if (!r.ok) {
            expect(r.refusal.status === 409 || r.refusal.status === 422).toBe(true);
            continue;
          }
          expect(isAllowed(row.state, r.value.state)).toBe(true);
          expect(r.value.version).toBe(row.version + 1);
          if (r.value.state === "at_primary" || r.value.state === "returning") expect(r.value.siteId).toBe("water-hq");
          if (r.value.state === "relocating" || r.value.state === "operational_at_alternate") expect(fn.alternateSiteIds).toContain(r.value.siteId);
          // Once it worked at an alternate, the first time is kept.
          if (row.operationalAt) expect(r.value.operationalAt).toBe(row.operationalAt);
          row = r.value;
        }
      }),
    );
  });

  it("refuses a site that is not one of the function's alternates, or is unusable", () => {
    const notAlt = transition(start(), { to: "relocating", version: 0, siteId: "water-hq" }, ctx());
    expect(notAlt.ok || notAlt.refusal).toMatchObject({ status: 422, code: "not_an_alternate", fields: [{ path: "siteId" }] });
    const unknown = transition(start(), { to: "relocating", version: 0, siteId: "nowhere" }, ctx());
    expect(unknown.ok || unknown.refusal).toMatchObject({ status: 422, code: "unknown_site" });
    const unusable = transition(start(), { to: "relocating", version: 0, siteId: "alt-a" }, ctx(sitesWith({ "alt-a": { site: site("alt-a", "unusable"), failedCritical: [] } })));
    expect(unusable.ok || unusable.refusal).toMatchObject({ status: 422, code: "site_unusable" });
    // The preferred alternate is skipped when unusable.
    expect(moved(start(), "relocating", {}, sitesWith({ "alt-a": { site: site("alt-a", "unusable"), failedCritical: [] } })).siteId).toBe("alt-b");
  });

  it("will not declare a function operational where critical checks failed, unless a reason is given", () => {
    const failing = sitesWith({ "alt-a": { site: site("alt-a"), failedCritical: ["power", "network"] } });
    const relocating = moved(start(), "relocating", {}, failing);
    const refused = transition(relocating, { to: "operational_at_alternate", version: 1 }, ctx(failing));
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.refusal).toMatchObject({ status: 422, code: "readiness_failed", fields: [{ path: "overrideReason" }] });
      expect(refused.refusal.message).toContain("power, network");
    }
    const overridden = moved(relocating, "operational_at_alternate", { overrideReason: "可搬発電機を搬入済み" }, failing);
    expect(overridden).toMatchObject({ state: "operational_at_alternate", overrideReason: "可搬発電機を搬入済み" });
    // A clean site needs no reason, and records none.
    expect(moved(moved(start(), "relocating"), "operational_at_alternate", { overrideReason: "x" }).overrideReason).toBeNull();
  });

  it("resumes at the primary site from suspension only when it was suspended there", () => {
    const suspendedHome = moved(start(), "suspended");
    expect(moved(suspendedHome, "at_primary").state).toBe("at_primary");
    const suspendedAway = moved(moved(start(), "relocating"), "suspended");
    const r = transition(suspendedAway, { to: "at_primary", version: suspendedAway.version }, ctx());
    expect(r.ok || r.refusal).toMatchObject({ status: 409, code: "illegal_transition" });
    expect(moved(suspendedAway, "returning").siteId).toBe("water-hq");
  });
});

describe("board figures", () => {
  const at = (iso: string) => Date.parse(iso);

  it("counts a function not working past its target as overdue, and time in state", () => {
    const row = moved(start(), "relocating", { staffPresent: 4 });
    const s = functionStatus(fn, row, ONSET, site("water-hq", "unusable"), at("2026-11-24T03:30:00.000Z"));
    expect(s).toMatchObject({ working: false, deadlineAt: "2026-11-24T03:00:00.000Z", overdueMinutes: 30, understaffed: true, minutesInState: 150, actualMinutes: null, metTarget: null });
  });

  it("reports target against actual time to operational", () => {
    const working = moved(moved(start(), "relocating"), "operational_at_alternate", { staffPresent: 10 });
    const s = functionStatus(fn, working, ONSET, site("water-hq", "unusable"), at("2026-11-24T05:00:00.000Z"));
    expect(s).toMatchObject({ working: true, overdueMinutes: 0, actualMinutes: 60, metTarget: true, understaffed: false });
  });

  it("treats a function still at an unusable primary site as not working", () => {
    expect(functionStatus(fn, start(), ONSET, site("water-hq", "unusable"), at("2026-11-24T04:00:00.000Z")).overdueMinutes).toBe(60);
    expect(functionStatus(fn, start(), ONSET, site("water-hq"), at("2026-11-24T04:00:00.000Z")).overdueMinutes).toBe(0);
  });

  it("flags a function still at a primary site in the inundation area from the moment its target passes, before any move", () => {
    const flooded = { ...site("water-hq"), inInundation: true };
    expect(functionStatus(fn, start(), ONSET, flooded, at("2026-11-24T02:59:00.000Z"))).toMatchObject({ working: false, mustMove: true, overdueMinutes: 0 });
    expect(functionStatus(fn, start(), ONSET, flooded, at("2026-11-24T03:01:00.000Z"))).toMatchObject({ working: false, mustMove: true, overdueMinutes: 1 });
    // Suspended is not operational either.
    expect(functionStatus(fn, moved(start(), "suspended"), ONSET, site("water-hq"), at("2026-11-24T03:10:00.000Z")).overdueMinutes).toBe(10);
    // An unassessed primary is not known to flood: its own status decides, the screens say 未判定.
    const unassessed = { ...site("water-hq"), inInundation: null };
    expect(functionStatus(fn, start(), ONSET, unassessed, at("2026-11-24T04:00:00.000Z"))).toMatchObject({ working: true, mustMove: false });
  });

  it("names the alternate whose readiness stands in the way of a function that must still move", () => {
    const sites = new Map([["alt-a", site("alt-a")], ["alt-b", site("alt-b")]]);
    const of = (id: string) => sites.get(id);
    const flooded = { ...site("water-hq"), inInundation: true };
    expect(readinessSiteOf(fn, start(), flooded, of)).toBe("alt-a");
    expect(readinessSiteOf(fn, start(), site("water-hq"), of)).toBeNull();
    sites.set("alt-a", site("alt-a", "unusable"));
    expect(readinessSiteOf(fn, start(), flooded, of)).toBe("alt-b");
    expect(readinessSiteOf(fn, { state: "relocating", siteId: "alt-a" }, flooded, of)).toBe("alt-a");
    expect(readinessSiteOf(fn, { state: "operational_at_alternate", siteId: "alt-b" }, flooded, of)).toBeNull();
    expect(mustMove({ status: "unusable", inInundation: null })).toBe(true);
    expect(mustMove({ status: "operational", inInundation: null })).toBe(false);
  });

  it("orders the most overdue first, then by priority", () => {
    const mk = (id: string, priority: number, overdueMinutes: number) => ({
      fn: { ...fn, id, priority },
      status: { ...functionStatus(fn, start(), ONSET, undefined, 0), overdueMinutes },
    });
    const list = [mk("a", 2, 0), mk("b", 1, 0), mk("c", 3, 40), mk("d", 1, 10)].sort(attentionOrder);
    expect(list.map((x) => x.fn.id)).toEqual(["c", "d", "b", "a"]);
  });

  it("fails the fuel check when the generator runs shorter than required", () => {
    const check = (key: ReadinessCheck["key"], status: ReadinessCheck["status"], value: number | null = null, critical = true): ReadinessCheck => ({
      siteId: "alt-a", key, status, critical, value, note: "", checkedAt: null, checkedByName: null, version: 1,
    });
    expect(failedCriticalChecks([check("fuel", "ok", 48), check("power", "ok"), check("drawings", "failed", null, false)], 72)).toEqual(["fuel"]);
    expect(failedCriticalChecks([check("fuel", "ok", 72), check("comms", "unchecked")], 72)).toEqual([]);
    expect(failedCriticalChecks([check("network", "failed")], 72)).toEqual(["network"]);
  });
});

describe("function sites", () => {
  const kinds = new Map<string, Pick<Site, "kind">>([["water-hq", { kind: "office" }], ["alt-a", { kind: "alternate_site" }], ["gsi-1", { kind: "shelter" }]]);

  it("accepts distinct facility alternates", () => {
    expect(functionSiteIssues("water-hq", ["alt-a"], kinds)).toEqual([]);
  });

  it("names unknown sites, shelters, duplicates and the primary listed as an alternate", () => {
    expect(functionSiteIssues("water-hq", ["alt-a", "alt-a", "water-hq", "gsi-1", "ghost"], kinds).map((i) => i.path)).toEqual([
      "alternateSiteIds.1",
      "alternateSiteIds.2",
      "alternateSiteIds.3",
      "alternateSiteIds.4",
    ]);
    expect(functionSiteIssues("ghost", [], kinds)).toEqual([{ path: "primarySiteId", message: "no site ghost" }]);
  });
});

describe("chronology line", () => {
  it("names the function, the move and the site", () => {
    expect(moveLabel(fn, "relocating", "operational_at_alternate", "緑ケ岡 給水車基地")).toBe("応急給水：移転中 → 代替拠点で業務中（緑ケ岡 給水車基地）");
    expect(moveLabel(fn, "at_primary", "suspended", null)).toBe("応急給水：本来庁舎で業務中 → 一時休止");
  });
});

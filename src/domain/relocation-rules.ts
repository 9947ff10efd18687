import type { Me } from "../schema/session";
import { type ReadinessCheck, type ReadinessKey, SHELTER_KINDS, type Site } from "../schema/relocation";
import type { BcpFunction } from "../schema/relocation-board";
import { mayWriteForUnit } from "./access";

/** Who may change this area's data, and which site choices a function may make. */

type Actor = Pick<Me, "role" | "unitId">;

/** A site is kept by its unit; open-data shelters (no unit) by admins only. */
export function mayEditSite(actor: Actor, site: Pick<Site, "unitId">): boolean {
  return site.unitId === null ? actor.role === "admin" : mayWriteForUnit(actor, site.unitId);
}

/** Staff of a unit whose function would move to a site may check that site's readiness on arrival. */
export function mayCheckReadiness(actor: Actor, site: Pick<Site, "id" | "unitId">, functions: readonly Pick<BcpFunction, "unitId" | "alternateSiteIds">[]): boolean {
  if (mayEditSite(actor, site)) return true;
  return actor.role === "editor" && functions.some((f) => f.unitId === actor.unitId && f.alternateSiteIds.includes(site.id));
}

/** Functions (registry and board) are kept by their own unit's editors and admins. */
export const mayEditFunction = (actor: Actor, fn: Pick<BcpFunction, "unitId">) => mayWriteForUnit(actor, fn.unitId);

/** Hazard layers concern the whole city: the disaster HQ and the water department import them. */
export const mayImportHazard = (actor: Actor) => mayWriteForUnit(actor, "hq") || mayWriteForUnit(actor, "water");

export const mayEditSettings = (actor: Actor) => actor.role === "admin";

export type FieldIssue = { path: string; message: string };

/**
 * A function's primary and alternate sites must exist, must be facilities (not open-data
 * shelters), and the alternates must be distinct and differ from the primary.
 */
export function functionSiteIssues(primarySiteId: string, alternateSiteIds: readonly string[], sites: ReadonlyMap<string, Pick<Site, "kind">>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const check = (id: string, path: string) => {
    const site = sites.get(id);
    if (!site) issues.push({ path, message: `no site ${id}` });
    else if (SHELTER_KINDS.includes(site.kind)) issues.push({ path, message: "evacuation sites and shelters cannot host a function" });
  };
  check(primarySiteId, "primarySiteId");
  alternateSiteIds.forEach((id, i) => {
    check(id, `alternateSiteIds.${i}`);
    if (id === primarySiteId) issues.push({ path: `alternateSiteIds.${i}`, message: "an alternate must differ from the primary site" });
    if (alternateSiteIds.indexOf(id) !== i) issues.push({ path: `alternateSiteIds.${i}`, message: "listed twice" });
  });
  return issues;
}

/** The alternate-site readiness checklist, in the order it is walked on arrival. */
export const READINESS_CHECKS: readonly { key: ReadinessKey; critical: boolean }[] = [
  { key: "power", critical: true },
  { key: "fuel", critical: true },
  { key: "comms", critical: true },
  { key: "network", critical: true },
  { key: "drawings", critical: false },
  { key: "water_food", critical: false },
  { key: "access", critical: true },
  { key: "staff", critical: false },
];

export const newReadinessChecklist = (siteId: string): ReadinessCheck[] =>
  READINESS_CHECKS.map(({ key, critical }) => ({
    siteId,
    key,
    status: "unchecked",
    critical,
    value: null,
    note: "",
    checkedAt: null,
    checkedByName: null,
    version: 1,
  }));

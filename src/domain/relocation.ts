import type { BcpFunction, Relocation, RelocationState, RelocationTransition } from "../schema/relocation-board";
import type { ReadinessCheck, ReadinessKey, Site } from "../schema/relocation";
import { accept, refusal, refused, type Ruled } from "./refusal";

/**
 * The relocation state machine and what the board derives from it. A function is at its primary
 * site, relocating to an alternate, operational at that alternate, suspended, or returning.
 */

export const NEXT_STATES: Readonly<Record<RelocationState, readonly RelocationState[]>> = {
  at_primary: ["relocating", "suspended"],
  relocating: ["operational_at_alternate", "suspended", "returning"],
  operational_at_alternate: ["relocating", "suspended", "returning"],
  suspended: ["relocating", "returning", "at_primary"],
  returning: ["at_primary", "relocating", "suspended"],
};

export const isAllowed = (from: RelocationState, to: RelocationState) => NEXT_STATES[from].includes(to);

/** The board row of a function that has never moved in this incident (the console may not know its primary site yet). */
export function initialRelocation(incidentId: string, fn: Pick<BcpFunction, "id"> & { primarySiteId: string | null }, onsetAt: string): Relocation {
  return {
    incidentId,
    functionId: fn.id,
    state: "at_primary",
    siteId: fn.primarySiteId,
    since: onsetAt,
    operationalAt: null,
    staffPresent: 0,
    overrideReason: null,
    note: "",
    version: 0,
    updatedAt: null,
    updatedByName: null,
  };
}

export type SiteReadiness = { site: Site; failedCritical: string[] };

type Why = {
  status: 409 | 422;
  code: "illegal_transition" | "unknown_site" | "not_an_alternate" | "site_unusable" | "readiness_failed" | "site_mismatch";
  message: string;
  path: string;
};

export type TransitionContext = {
  fn: BcpFunction;
  /** The readiness of each site the function may use (primary and alternates). */
  sites: ReadonlyMap<string, SiteReadiness>;
  now: string;
  by: string;
};

// A refused move names the one field at fault; a 409 carries the row as it is, to reload from.
const refuseMove = (current: Relocation, why: Why): Ruled<Relocation> =>
  refused(refusal(why.status, why.code, why.message, [{ path: why.path, message: why.message }], why.status === 409 ? current : undefined));

/**
 * The row after a move, or why the move is refused. Where the function goes: the chosen (or
 * preferred usable) alternate when relocating; the same site when declared operational there;
 * the primary site when returning or back at primary; where it was when suspended.
 */
export function transition(current: Relocation, input: RelocationTransition, ctx: TransitionContext): Ruled<Relocation> {
  const { fn, sites } = ctx;
  const refuse = (why: Why) => refuseMove(current, why);
  const from = current.state;
  const to = input.to;
  if (!isAllowed(from, to)) {
    return refuse({ status: 409, code: "illegal_transition", message: `A function ${from} cannot move to ${to}.`, path: "to" });
  }
  if (from === "suspended" && to === "at_primary" && current.siteId !== fn.primarySiteId) {
    return refuse({
      status: 409,
      code: "illegal_transition",
      message: "It was suspended away from its primary site: mark it returning first.",
      path: "to",
    });
  }
  let siteId: string | null = current.siteId;
  let overrideReason: string | null = null;

  if (to === "relocating") {
    siteId = input.siteId ?? preferredAlternate(fn, sites, current.siteId);
    if (!siteId) {
      return refuse({ status: 422, code: "not_an_alternate", message: "No usable alternate site is registered for this function.", path: "siteId" });
    }
    if (!sites.has(siteId)) return refuse({ status: 422, code: "unknown_site", message: "No such site.", path: "siteId" });
    if (!fn.alternateSiteIds.includes(siteId)) {
      return refuse({ status: 422, code: "not_an_alternate", message: "That site is not an alternate site of this function.", path: "siteId" });
    }
    if (sites.get(siteId)!.site.status === "unusable") {
      return refuse({ status: 422, code: "site_unusable", message: "That site is marked unusable.", path: "siteId" });
    }
  } else if (to === "operational_at_alternate") {
    if (input.siteId !== undefined && input.siteId !== current.siteId) {
      return refuse({ status: 422, code: "site_mismatch", message: "Declare it operational at the site it relocated to.", path: "siteId" });
    }
    const blockers = blockersAt(sites.get(current.siteId ?? ""));
    if (blockers.length > 0) {
      if (!input.overrideReason) {
        return refuse({
          status: 422,
          code: "readiness_failed",
          message: `Critical checks at this site are not met (${blockers.join(", ")}). Give a reason to declare it operational anyway.`,
          path: "overrideReason",
        });
      }
      overrideReason = input.overrideReason;
    }
  } else if (to === "returning" || to === "at_primary") {
    siteId = fn.primarySiteId;
  }

  return accept({
    ...current,
    state: to,
    siteId,
    since: ctx.now,
    operationalAt: current.operationalAt ?? (to === "operational_at_alternate" ? ctx.now : null),
    staffPresent: input.staffPresent ?? current.staffPresent,
    overrideReason,
    note: input.note ?? current.note,
    version: current.version + 1,
    updatedAt: ctx.now,
    updatedByName: ctx.by,
  });
}

/** The first alternate that is not unusable and not where the function already is. */
function preferredAlternate(fn: BcpFunction, sites: ReadonlyMap<string, SiteReadiness>, here: string | null): string | null {
  return fn.alternateSiteIds.find((id) => id !== here && sites.get(id)?.site.status !== "unusable") ?? null;
}

/** What stops a function being declared operational at a site: failed critical checks, an unusable site. */
export function blockersAt(readiness: SiteReadiness | undefined): string[] {
  if (!readiness) return ["unknown site"];
  return [...(readiness.site.status === "unusable" ? ["site unusable"] : []), ...readiness.failedCritical];
}

/** Critical checks that failed, counting a generator whose fuel lasts less than required. */
export function failedCriticalChecks(checks: readonly ReadinessCheck[], fuelHoursRequired: number): string[] {
  return checks.filter((c) => c.critical && checkFailed(c, fuelHoursRequired)).map((c) => c.key);
}

export function checkFailed(c: ReadinessCheck, fuelHoursRequired: number): boolean {
  if (c.status === "failed") return true;
  return c.key === "fuel" && c.status === "ok" && c.value !== null && c.value < fuelHoursRequired;
}

const MINUTE = 60_000;

type PrimarySite = Pick<Site, "status" | "inInundation">;

/**
 * A function must leave its primary site when that site is known to lie in the inundation area
 * (上下水道部庁舎 in the tsunami area) or is unusable. An unassessed site (no layer covers it) is
 * not known to flood, so its own status decides; the screens still say 未判定.
 */
export function mustMove(primary: PrimarySite | undefined): boolean {
  return primary?.inInundation === true || primary?.status === "unusable";
}

/** Operational: at an alternate site, or at a primary site it need not leave. */
export function isWorking(row: Relocation, primary: PrimarySite | undefined): boolean {
  if (row.state === "operational_at_alternate") return true;
  return row.state === "at_primary" && primary !== undefined && !mustMove(primary);
}

/**
 * The site whose readiness decides the function's next step: the alternate it is moving to, or,
 * while it must still move (at a flooded or unusable primary, or suspended), the first usable
 * alternate it would go to. Null when no readiness stands in its way.
 */
export function readinessSiteOf(
  fn: Pick<BcpFunction, "alternateSiteIds">,
  row: Pick<Relocation, "state" | "siteId">,
  primary: PrimarySite | undefined,
  siteOf: (id: string) => Pick<Site, "status"> | undefined,
): string | null {
  if (row.state === "relocating") return row.siteId;
  const waiting = row.state === "suspended" || (row.state === "at_primary" && mustMove(primary));
  if (!waiting) return null;
  return fn.alternateSiteIds.find((id) => id !== row.siteId && siteOf(id) !== undefined && siteOf(id)!.status !== "unusable") ?? null;
}

export type FunctionStatus = {
  functionId: string;
  working: boolean;
  /** At a primary site it has to leave (known inundation area, or unusable). */
  mustMove: boolean;
  deadlineAt: string;
  /** Minutes past the target while not working; 0 when on time or working. */
  overdueMinutes: number;
  /** Minutes from the onset to working at an alternate, once it did. */
  actualMinutes: number | null;
  metTarget: boolean | null;
  understaffed: boolean;
  minutesInState: number;
};

/** Late from the moment the target passes for any function not operational, whether or not a move has started. */
export function functionStatus(fn: BcpFunction, row: Relocation, onsetAt: string, primary: PrimarySite | undefined, now: number): FunctionStatus {
  const working = isWorking(row, primary);
  const deadline = Date.parse(onsetAt) + fn.targetMinutes * MINUTE;
  const actualMinutes = row.operationalAt === null ? null : Math.max(0, Math.round((Date.parse(row.operationalAt) - Date.parse(onsetAt)) / MINUTE));
  const away = row.state === "relocating" || row.state === "operational_at_alternate";
  return {
    functionId: fn.id,
    working,
    mustMove: mustMove(primary),
    deadlineAt: new Date(deadline).toISOString(),
    overdueMinutes: working ? 0 : Math.max(0, Math.floor((now - deadline) / MINUTE)),
    actualMinutes,
    metTarget: actualMinutes === null ? null : actualMinutes <= fn.targetMinutes,
    understaffed: away && row.staffPresent < fn.staffNeeded,
    minutesInState: Math.max(0, Math.floor((now - Date.parse(row.since)) / MINUTE)),
  };
}

/** Overdue first (most overdue, then priority), then the rest by priority and registry order. */
export function attentionOrder(a: { fn: BcpFunction; status: FunctionStatus }, b: { fn: BcpFunction; status: FunctionStatus }): number {
  return (
    b.status.overdueMinutes - a.status.overdueMinutes ||
    a.fn.priority - b.fn.priority ||
    a.fn.sortOrder - b.fn.sortOrder ||
    a.fn.id.localeCompare(b.fn.id)
  );
}

/** 本来庁舎で業務中 … : how the chronology (クロノロジー) records a state, in the HQ's language. */
export const STATE_LABEL_JA: Readonly<Record<RelocationState, string>> = {
  at_primary: "本来庁舎で業務中",
  relocating: "移転中",
  operational_at_alternate: "代替拠点で業務中",
  suspended: "一時休止",
  returning: "本来庁舎へ復帰中",
};

/** One line for the chronology: "応急給水…：移転中 → 代替拠点で業務中（緑ケ岡 給水車基地）". */
export function moveLabel(fn: Pick<BcpFunction, "nameJa">, from: RelocationState, to: RelocationState, siteNameJa: string | null): string {
  return `${fn.nameJa}：${STATE_LABEL_JA[from]} → ${STATE_LABEL_JA[to]}${siteNameJa ? `（${siteNameJa}）` : ""}`;
}

export const CHECK_LABEL_JA: Readonly<Record<ReadinessKey, string>> = {
  power: "電源",
  fuel: "発電機燃料",
  comms: "通信手段",
  network: "端末・ネットワーク",
  drawings: "図面・台帳",
  water_food: "飲料水・食料",
  access: "鍵・入館手段",
  staff: "参集職員",
};

/** The chronology's name for one readiness check: "愛国浄水場 管理棟：電源". */
export const checkLabel = (site: Pick<Site, "nameJa">, key: ReadinessKey): string => `${site.nameJa}：${CHECK_LABEL_JA[key]}`;

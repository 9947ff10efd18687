import type { HospitalStatus, HospitalStatusPut } from "../schema/hospital";

/** The BCP guide's 72 hours of generator running, and three days of supplies. */
export const FUEL_TARGET_HOURS = 72;
export const SUPPLY_TARGET_DAYS = 3;
/** Figures older than this are no longer a picture the HQ can decide on. */
export const STALE_AFTER_HOURS = 6;

export type Warning = { field: string; message: string };

/** What falls short of the continuity targets, worst first, for the board and the HQ. */
export function statusWarnings(s: HospitalStatus | null, now?: string): Warning[] {
  if (!s) return [];
  const w: Array<Warning & { share: number }> = [];
  if (now && Date.parse(now) - Date.parse(s.updatedAt) > STALE_AFTER_HOURS * 3_600_000) {
    w.push({ field: "updatedAt", message: `not updated for over ${STALE_AFTER_HOURS} h`, share: -1 });
  }
  if (s.power === "none") w.push({ field: "power", message: "no power", share: 0 });
  if (s.waterSupply === "none") w.push({ field: "waterSupply", message: "no water supply", share: 0 });
  if (s.generatorFuelHours !== null && s.generatorFuelHours < FUEL_TARGET_HOURS) {
    w.push({ field: "generatorFuelHours", message: `generator fuel below ${FUEL_TARGET_HOURS} h`, share: s.generatorFuelHours / FUEL_TARGET_HOURS });
  }
  for (const field of ["waterDays", "foodDays", "medicineDays"] as const) {
    const v = s[field];
    if (v !== null && v < SUPPLY_TARGET_DAYS) w.push({ field, message: `below ${SUPPLY_TARGET_DAYS} days`, share: v / SUPPLY_TARGET_DAYS });
  }
  if (s.triageTagStock === 0) w.push({ field: "triageTagStock", message: "no triage tags left", share: 0 });
  return w.sort((a, b) => a.share - b.share).map(({ field, message }) => ({ field, message }));
}

export function nextStatus(
  current: HospitalStatus | null,
  input: HospitalStatusPut,
  ctx: { incidentId: string; now: string; userName: string },
): HospitalStatus {
  const { version: _seen, ...figures } = input;
  return { ...figures, incidentId: ctx.incidentId, version: (current?.version ?? 0) + 1, updatedAt: ctx.now, updatedBy: ctx.userName };
}

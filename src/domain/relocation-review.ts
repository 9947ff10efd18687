import type { LiaisonMessage } from "../schema/relocation-liaison";
import type { ReviewFigures } from "../schema/relocation-review";

const MINUTE = 60_000;
const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / MINUTE);

export type ReviewInput = {
  onsetAt: string;
  endedAt: string;
  unitId: string;
  functions: readonly { id: string; unitId: string; nameJa: string; nameEn: string; targetMinutes: number }[];
  relocations: readonly { functionId: string; siteId: string | null; operationalAt: string | null }[];
  sites: readonly { id: string; nameJa: string }[];
  readiness: readonly { siteId: string; key: string; status: string; critical: boolean; note: string }[];
  business: readonly { id: string; textJa: string; deadlineAt: string | null; state: string; stateChangedAt: string }[];
  messages: readonly Pick<LiaisonMessage, "id" | "fromUnitId" | "toUnitId" | "sentAt" | "acknowledgedAt">[];
};

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The review's figures, in the hospital drill's HSEEP shape: each function's time to operational
 * against its target, failed critical checks at the alternate sites used, prioritised business
 * against its deadline, and how long messages waited for acknowledgement.
 */
export function reviewFigures(input: ReviewInput): ReviewFigures {
  const moved = new Map(input.relocations.map((r) => [r.functionId, r]));
  const functions = input.functions
    .filter((f) => f.unitId === input.unitId)
    .map((f) => {
      const at = moved.get(f.id)?.operationalAt ?? null;
      const minutes = at ? minutesBetween(input.onsetAt, at) : null;
      return { functionId: f.id, nameJa: f.nameJa, nameEn: f.nameEn, targetMinutes: f.targetMinutes, minutesToOperational: minutes, met: minutes !== null && minutes <= f.targetMinutes };
    });
  const used = new Set(input.relocations.map((r) => r.siteId).filter((s): s is string => s !== null));
  const siteName = new Map(input.sites.map((s) => [s.id, s.nameJa]));
  const readinessFailures = input.readiness
    .filter((c) => used.has(c.siteId) && c.critical && c.status === "failed")
    .map((c) => ({ siteId: c.siteId, siteNameJa: siteName.get(c.siteId) ?? c.siteId, checkKey: c.key, note: c.note }));
  const business = input.business.map((b) => {
    const doneAt = b.state === "done" ? b.stateChangedAt : null;
    const met = doneAt !== null && (b.deadlineAt === null || doneAt <= b.deadlineAt);
    return { itemId: b.id, textJa: b.textJa, deadlineAt: b.deadlineAt, doneAt, met };
  });
  const liaison = input.messages
    .filter((m) => m.fromUnitId === input.unitId || m.toUnitId === input.unitId)
    .map((m) => ({
      messageId: m.id,
      fromUnitId: m.fromUnitId,
      toUnitId: m.toUnitId,
      sentAt: m.sentAt,
      minutesToAck: m.acknowledgedAt ? (Date.parse(m.acknowledgedAt) - Date.parse(m.sentAt)) / MINUTE : null,
    }));
  const acked = liaison.map((l) => l.minutesToAck).filter((x): x is number => x !== null);
  return {
    functions,
    readinessFailures,
    business,
    liaison,
    headline: {
      functionsMet: functions.filter((f) => f.met).length,
      functionsTotal: functions.length,
      businessMet: business.filter((b) => b.met).length,
      businessTotal: business.length,
      readinessFailures: readinessFailures.length,
      medianMinutesToAck: median(acked),
      unacknowledged: liaison.length - acked.length,
    },
  };
}

/** A drill incident in which the department moved at least one function gets a review when it closes. */
export const needsReview = (incident: { kind: string }, relocations: readonly unknown[]) => incident.kind === "drill" && relocations.length > 0;

import { unitById } from "../db/people";
import { ApiError } from "../lib/app";
import { refusals } from "./openapi";

export const errors = refusals({
  404: "Not found",
  409: "Conflict: stale version (`current` holds the entity as it is now), closed incident or already active",
  422: "A rule refused the change, or the Idempotency-Key was reused",
});

/** Whether a named unit exists (null, every unit, always does), to read with a route's other preconditions. */
export const namedUnit = (db: D1Database, unitId: string | null) => (unitId === null ? null : unitById(db, unitId));

/** A named unit must exist (null means every unit); otherwise 400 pointing at `unitId`, nothing written. */
export function refuseUnknownUnit(unitId: string | null, known: boolean | null) {
  if (unitId !== null && !known) {
    throw new ApiError(400, "invalid_request", "No such unit.", { fields: [{ path: "unitId", message: `no unit ${unitId}` }] });
  }
}

import { unitExists } from "../db/people";
import { ApiError } from "../lib/app";
import { refusals } from "./openapi";

export const errors = refusals({
  404: "Not found",
  409: "Conflict: stale version (`current` holds the entity as it is now), closed incident or already active",
  422: "A rule refused the change, or the Idempotency-Key was reused",
});

/** A named unit must exist (null means every unit); otherwise 400 pointing at `unitId`, nothing written. */
export async function requireKnownUnit(db: D1Database, unitId: string | null) {
  if (unitId !== null && !(await unitExists(db, unitId))) {
    throw new ApiError(400, "invalid_request", "No such unit.", { fields: [{ path: "unitId", message: `no unit ${unitId}` }] });
  }
}

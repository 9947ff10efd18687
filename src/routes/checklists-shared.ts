import { unitExists } from "../db/people";
import { ApiError } from "../lib/app";
import { ErrorEnvelope } from "../schema/common";
import { commonErrors, json } from "./openapi";

export const errors = {
  ...commonErrors,
  404: json(ErrorEnvelope, "Not found"),
  409: json(ErrorEnvelope, "Conflict: stale version (`current` holds the entity as it is now), closed incident or already active"),
  422: json(ErrorEnvelope, "A rule refused the change, or the Idempotency-Key was reused"),
};

/** A named unit must exist (null means every unit); otherwise 400 pointing at `unitId`, nothing written. */
export async function requireKnownUnit(db: D1Database, unitId: string | null) {
  if (unitId !== null && !(await unitExists(db, unitId))) {
    throw new ApiError(400, "invalid_request", "No such unit.", { fields: [{ path: "unitId", message: `no unit ${unitId}` }] });
  }
}

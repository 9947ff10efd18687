import { z } from "zod";
import { unitExists } from "../db/people";
import { RuleError } from "../domain/checklists";
import { ApiError } from "../lib/app";
import { ErrorEnvelope } from "../schema/common";
import { commonErrors, json } from "./openapi";

export const errors = {
  ...commonErrors,
  404: json(ErrorEnvelope, "Not found"),
  409: json(ErrorEnvelope, "Conflict: stale version (`current` holds the entity as it is now), closed incident or already active"),
  422: json(ErrorEnvelope, "A rule refused the change, or the Idempotency-Key was reused"),
};

export const csvResponse = (description: string) => ({
  content: { "text/csv": { schema: z.string() } },
  description,
});

/** A named unit must exist (null means every unit); otherwise 400 pointing at `unitId`, nothing written. */
export async function requireKnownUnit(db: D1Database, unitId: string | null) {
  if (unitId !== null && !(await unitExists(db, unitId))) {
    throw new ApiError(400, "invalid_request", "No such unit.", { fields: [{ path: "unitId", message: `no unit ${unitId}` }] });
  }
}

/** Runs a pure checklist rule; a broken rule becomes the shared error envelope. */
export function ruled<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RuleError) {
      throw new ApiError(e.status, e.code, e.message, {
        ...(e.fields.length > 0 ? { fields: e.fields } : {}),
        ...(e.current !== undefined ? { current: e.current } : {}),
      });
    }
    throw e;
  }
}

export const csvHeaders = (fileName: string) => ({
  "Content-Type": "text/csv; charset=utf-8",
  "Content-Disposition": `attachment; filename="${fileName}"`,
  "Cache-Control": "no-store",
});

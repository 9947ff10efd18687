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

/**
 * Counts the D1 round trips a handler makes (a batch is one) and the time spent waiting on them,
 * for the Server-Timing header. Statements stay the runtime's own objects so that batch() accepts them.
 */
export function meteredDb(db: D1Database): { db: D1Database; roundTrips: () => number; waitedMs: () => number } {
  let count = 0;
  let waited = 0;
  const timed = <T>(p: Promise<T>): Promise<T> => {
    count++;
    const started = performance.now();
    return p.finally(() => (waited += performance.now() - started));
  };
  const meter = (stmt: D1PreparedStatement): D1PreparedStatement => {
    const bind = stmt.bind.bind(stmt);
    stmt.bind = (...values: unknown[]) => meter(bind(...values));
    for (const name of ["first", "all", "run", "raw"] as const) {
      const call = (stmt[name] as (...a: unknown[]) => Promise<unknown>).bind(stmt);
      (stmt as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => timed(call(...a));
    }
    return stmt;
  };
  const metered = new Proxy(db, {
    get(target, prop) {
      if (prop === "prepare") return (sql: string) => meter(target.prepare(sql));
      if (prop === "batch") return (statements: D1PreparedStatement[]) => timed(target.batch(statements));
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db: metered, roundTrips: () => count, waitedMs: () => waited };
}

/** `Server-Timing: app;dur=12.3, d1;dur=8.1;desc="1 round trip"`, read by the bench and the browser's devtools. */
export function serverTiming(startedAt: number, d1: { roundTrips: number; waitedMs: number }): string {
  const dur = (performance.now() - startedAt).toFixed(1);
  const trips = `${d1.roundTrips} round trip${d1.roundTrips === 1 ? "" : "s"}`;
  return `app;dur=${dur}, d1;dur=${d1.waitedMs.toFixed(1)};desc="${trips}"`;
}

export const csvHeaders = (fileName: string) => ({
  "Content-Type": "text/csv; charset=utf-8",
  "Content-Disposition": `attachment; filename="${fileName}"`,
  "Cache-Control": "no-store",
});

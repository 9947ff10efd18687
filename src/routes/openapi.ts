import { z } from "zod";
import { ErrorEnvelope, IDEMPOTENCY_KEY } from "../schema/common";

/** A JSON response or body entry for createRoute. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

/** The refusals every area documents in the same words: bad input, not signed in, not allowed. */
export const commonErrors = {
  400: json(ErrorEnvelope, "Invalid request; `fields` names each offending path"),
  401: json(ErrorEnvelope, "Not signed in"),
  403: json(ErrorEnvelope, "Not allowed for this role or unit"),
};

/** An answer in the one error envelope, described in its route's words. */
export const refusalDoc = (description: string) => json(ErrorEnvelope, description);

/** The usual wording of a 422 for a write whose only rule is the key's. */
export const KEY_REUSED = "Idempotency-Key reused";

/**
 * The one table of refusals a route documents: the common ones (400, 401, 403) and the statuses
 * it adds, each in its area's words (404 no such thing, 409 stale or in the wrong state, 422 a
 * rule refused it or the key was reused).
 */
export function refusals<S extends 404 | 409 | 422>(wording: Record<S, string>) {
  const added = Object.fromEntries(Object.entries<string>(wording).map(([status, description]) => [status, refusalDoc(description)]));
  // fromEntries keeps the statuses given, which the compiler cannot follow through entries().
  return { ...commonErrors, ...added } as typeof commonErrors & Record<S, ReturnType<typeof refusalDoc>>;
}

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { "application/json": { schema } },
  required: true,
});

/** Documents (and checks) the header every entity write carries. */
export const idempotencyHeaders = z.object({
  "idempotency-key": z.string().regex(IDEMPOTENCY_KEY).describe("The client's mutation id: a retry with the same key answers the first result and writes nothing."),
});

export const IdParam = z.object({ id: z.string().min(1).max(64) });

/** A CSV download, documented. */
export const csvResponse = (description: string) => ({
  content: { "text/csv": { schema: z.string() } },
  description,
});

/** Headers of every CSV export (the body comes from domain/csv's toCsv). */
export const csvHeaders = (fileName: string) => ({
  "Content-Type": "text/csv; charset=utf-8",
  "Content-Disposition": `attachment; filename="${fileName}"`,
  "Cache-Control": "no-store",
});

import { z } from "zod";
import { bodyLimitFor, isEntityWrite, readableBytes } from "../domain/abuse-limits";
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

type Operation = { requestBody?: unknown; responses?: Record<string, { content?: unknown; description?: string; headers?: unknown }> };

/**
 * The abuse limits' refusals on every route the middleware applies them to: 413 on each route
 * that takes a body (with that route's own limit), 429 with Retry-After on each entity write.
 * Added to the generated document from the same rules (bodyLimitFor, isEntityWrite).
 */
export function documentAbuseLimits<D extends { paths?: object }>(doc: D): D {
  for (const [path, operations] of Object.entries(doc.paths ?? {}) as [string, object][]) {
    for (const [method, value] of Object.entries(operations)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
      const op = value as Operation;
      const responses = (op.responses ??= {});
      // The error envelope exactly as this route's other refusals declare it.
      const content = (responses["400"] ?? responses["401"])?.content;
      const concrete = path.replace(/\{\w+\}/g, "x1");
      if (op.requestBody) {
        const bytes = bodyLimitFor(method.toUpperCase(), concrete);
        responses["413"] ??= { description: `Body over this route's limit (${readableBytes(bytes)}, ${bytes} bytes): too_large, refused unread, nothing written`, content };
      }
      if (isEntityWrite(method, path)) {
        responses["429"] ??= {
          description: "More entity writes by this person than WRITE_RATE_LIMIT in WRITE_RATE_WINDOW_SECONDS: too_many_writes, nothing written",
          content,
          headers: { "Retry-After": { description: "Seconds until this person's writes are accepted again", schema: { type: "integer", minimum: 1 } } },
        };
      }
    }
  }
  return doc;
}

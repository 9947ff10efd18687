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

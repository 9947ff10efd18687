import { z } from "zod";

/** An instant, accepted with any offset (e.g. +09:00) and always answered in UTC. */
export const Instant = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s).toISOString());

export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "letters, digits, _ or -");

/** Idempotency-Key header: the client's mutation id. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

export const Version = z.number().int().min(1);

export const ErrorField = z.object({
  path: z.string(),
  message: z.string(),
});

/** The one error shape every failure answers with. */
export const ErrorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(ErrorField).optional(),
    current: z.unknown().optional(),
    retryAfterSeconds: z.number().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** A write's answer: the entity as committed and the change-log sequence number it got. */
export const committed = <T extends z.ZodType>(entity: T) =>
  z.object({ data: entity, seq: z.number().int().min(1) });

// In a /u pattern a surrogate class matches only unpaired halves: a pair is one code point.
const LONE_SURROGATE = /\p{Cs}/u;
const wellFormed = (s: string) => !LONE_SURROGATE.test(s);

/**
 * The path of the first string (or object key) in a parsed JSON value that is not well-formed
 * Unicode (a lone surrogate such as "\ud800"), or null when all are. Every JSON body is checked
 * with it before any schema runs: D1 would store U+FFFD while the change log kept the surrogate.
 */
export function illFormedTextPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return wellFormed(value) ? null : path.join(".") || "(body)";
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = illFormedTextPath(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (!wellFormed(key)) return [...path, "(key)"].join(".");
      const found = illFormedTextPath(inner, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

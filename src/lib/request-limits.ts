import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { Next } from "hono";
import { bodyLimitFor, leaseSize, readableBytes, type WriteRateLimit, writeRateLimit } from "../domain/abuse-limits";
import { ApiError, type AppEnv, type Ctx } from "./app";

/**
 * Refuses a body over its route's limit with 413 before anything reads it: a declared
 * Content-Length is judged unread, a streamed body is counted as it arrives and cut off at the limit.
 */
export const requestBodyLimit = createMiddleware<AppEnv>(async (c, next) => {
  const bytes = bodyLimitFor(c.req.method, c.req.path);
  return bodyLimit({
    maxSize: bytes,
    onError: () => {
      throw new ApiError(413, "too_large", `The request body is larger than this address accepts (${readableBytes(bytes)}, ${bytes} bytes). Split it or send less.`, {
        fields: [{ path: "(body)", message: `at most ${bytes} bytes` }],
      });
    },
  })(c, next);
});

/**
 * Entity writes per person per window (WRITE_RATE_LIMIT in WRITE_RATE_WINDOW_SECONDS), counted in
 * the person's WriteMeter so every isolate sees the same count: over it the write is answered 429
 * with Retry-After and nothing is written. The console's outbox keeps the change and sends it again
 * after that wait. The meter grants a few writes at a time (`leaseSize`), which this isolate spends
 * before asking again, so a burst of writes does not wait on the meter one by one.
 */
export async function limitWrites(c: Ctx, next: Next) {
  const rate = writeRateLimit(c.env);
  if (rate.limit === 0) return next();
  const retryAfterSeconds = await takeWrite(c.env.WRITE_METER, c.get("user").id, rate);
  if (retryAfterSeconds > 0) {
    c.header("Retry-After", String(retryAfterSeconds));
    throw new ApiError(429, "too_many_writes", `Too many changes in a short time (at most ${rate.limit} in ${rate.windowMs / 1000} s). Wait and send again.`, {
      retryAfterSeconds,
    });
  }
  return next();
}

/**
 * What this isolate holds for a person until their window ends: writes granted and not yet spent,
 * or the meter's refusal (the window's count only rises until it ends). For one window and limit only.
 */
type Lease = { left: number; refused: boolean; until: number; limit: number; windowMs: number };
const leases = new Map<string, Lease>();
/** A person's lease being asked for: writes arriving meanwhile wait for it rather than ask too. */
const asking = new Map<string, Promise<boolean>>();
const LEASES_MAX = 5_000;

/** One write for this person: 0 when it may go ahead, else the seconds until their window ends. */
async function takeWrite(meters: Env["WRITE_METER"], personId: string, rate: WriteRateLimit): Promise<number> {
  for (;;) {
    const now = Date.now();
    const lease = leases.get(personId);
    if (lease && lease.until > now && lease.limit === rate.limit && lease.windowMs === rate.windowMs) {
      if (lease.left > 0) {
        lease.left--;
        return 0;
      }
      if (lease.refused) return Math.max(1, Math.ceil((lease.until - now) / 1000));
    }
    const pending = asking.get(personId);
    if (pending) {
      await pending;
      continue;
    }
    const ask = askMeter(meters, personId, rate);
    asking.set(personId, ask);
    try {
      // The limit guards against abuse; an unreachable meter must not stop an incident's writes.
      if (!(await ask)) return 0;
    } finally {
      asking.delete(personId);
    }
  }
}

/** Asks the person's meter for a lease and keeps what it answered; false when the meter could not be reached. */
async function askMeter(meters: Env["WRITE_METER"], personId: string, rate: WriteRateLimit): Promise<boolean> {
  try {
    const charged = await meters.get(meters.idFromName(personId)).charge(rate, leaseSize(rate));
    if (leases.size >= LEASES_MAX) leases.delete(leases.keys().next().value!);
    leases.set(personId, { left: charged.granted, refused: charged.granted === 0, until: charged.windowEndsAt, limit: rate.limit, windowMs: rate.windowMs });
    return true;
  } catch (e) {
    console.error("write meter unavailable", e);
    return false;
  }
}

import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { Next } from "hono";
import { bodyLimitFor, readableBytes, writeRateLimit } from "../domain/abuse-limits";
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
 * after that wait.
 */
export async function limitWrites(c: Ctx, next: Next) {
  const rate = writeRateLimit(c.env);
  if (rate.limit === 0) return next();
  const meters = c.env.WRITE_METER;
  let retryAfterSeconds = 0;
  try {
    retryAfterSeconds = await meters.get(meters.idFromName(c.get("user").id)).charge(rate);
  } catch (e) {
    // The limit guards against abuse; an unreachable meter must not stop an incident's writes.
    console.error("write meter unavailable", e);
  }
  if (retryAfterSeconds > 0) {
    c.header("Retry-After", String(retryAfterSeconds));
    throw new ApiError(429, "too_many_writes", `Too many changes in a short time (at most ${rate.limit} in ${rate.windowMs / 1000} s). Wait and send again.`, {
      retryAfterSeconds,
    });
  }
  return next();
}

import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { Next } from "hono";
import { bodyLimitFor, chargeWrite, readableBytes, type WriteWindow, writeRateLimit } from "../domain/abuse-limits";
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

// Per isolate, like the platform's own rate limiting: bounded so that many people cannot grow it without end.
const WINDOWS_MAX = 10_000;
const windows = new Map<string, WriteWindow>();

/**
 * Entity writes per person per window (WRITE_RATE_LIMIT in WRITE_RATE_WINDOW_SECONDS): over it the
 * write is answered 429 with Retry-After and nothing is written. The console's outbox keeps the
 * change and sends it again after that wait.
 */
export async function limitWrites(c: Ctx, next: Next) {
  const rate = writeRateLimit(c.env);
  if (rate.limit === 0) return next();
  const who = c.get("user").id;
  const now = Date.now();
  const charged = chargeWrite(windows.get(who), now, rate);
  windows.delete(who);
  if (windows.size >= WINDOWS_MAX) windows.delete(windows.keys().next().value!);
  windows.set(who, charged.window);
  if (charged.retryAfterSeconds > 0) {
    c.header("Retry-After", String(charged.retryAfterSeconds));
    throw new ApiError(429, "too_many_writes", `Too many changes in a short time (at most ${rate.limit} in ${rate.windowMs / 1000} s). Wait and send again.`, {
      retryAfterSeconds: charged.retryAfterSeconds,
    });
  }
  return next();
}

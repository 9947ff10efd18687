import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { findSessionUser } from "../db/people";
import { findAnswer } from "../db/idempotency";
import type { Context } from "hono";
import { IDEMPOTENCY_KEY, illFormedTextPath } from "../schema/common";
import { ApiError, type AppEnv, nowIso } from "./app";
import { sha256 } from "./passwords";

export const SESSION_COOKIE = "keizoku_session";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Cross-site request defence for cookie sessions: unsafe methods must come from our own
 * origin, and bodies must be JSON (a cross-site form cannot send that without a preflight).
 */
export const sameOriginJson = createMiddleware<AppEnv>(async (c, next) => {
  if (!UNSAFE.has(c.req.method)) return next();
  const origin = c.req.header("Origin");
  if (origin !== new URL(c.req.url).origin) {
    throw new ApiError(403, "cross_origin", "Unsafe requests must come from this site's own origin.");
  }
  const hasBody = c.req.method !== "DELETE" || Number(c.req.header("Content-Length") ?? 0) > 0;
  if (hasBody && !(c.req.header("Content-Type") ?? "").toLowerCase().startsWith("application/json")) {
    throw new ApiError(415, "json_required", "Send the request body as application/json.");
  }
  if (hasBody) await refuseIllFormedText(c);
  await next();
});

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Bodies must be well-formed UTF-8 whose strings are well-formed Unicode; otherwise 400 naming the field. */
async function refuseIllFormedText(c: Context<AppEnv>) {
  let text: string;
  try {
    text = utf8.decode(await c.req.arrayBuffer());
  } catch {
    throw new ApiError(400, "invalid_request", "The request body is not well-formed UTF-8.", {
      fields: [{ path: "(body)", message: "not well-formed UTF-8" }],
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return; // Not JSON at all: the route's validation answers that in its own words.
  }
  const path = illFormedTextPath(parsed);
  if (path !== null) {
    throw new ApiError(400, "invalid_request", "The request has text that is not well-formed Unicode.", {
      fields: [{ path, message: "not well-formed Unicode (a lone surrogate)" }],
    });
  }
}

export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  const tokenHash = token ? await sha256(token) : null;
  const user = tokenHash ? await findSessionUser(c.env.DB, tokenHash, nowIso()) : null;
  if (!user || !tokenHash) throw new ApiError(401, "unauthenticated", "Sign in first.");
  c.set("user", user);
  c.set("sessionTokenHash", tokenHash);
  await next();
});

/**
 * Every entity write names an Idempotency-Key. A retry with the same key and body answers the
 * first result without writing; the same key with another body is refused.
 */
export const idempotent = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header("Idempotency-Key");
  if (!key || !IDEMPOTENCY_KEY.test(key)) {
    throw new ApiError(400, "idempotency_key_required", "Unsafe requests need an Idempotency-Key header (8–128 letters, digits or _.:-).", {
      fields: [{ path: "header.Idempotency-Key", message: key ? "malformed" : "required" }],
    });
  }
  const body = c.req.method === "DELETE" ? "" : await c.req.text();
  const requestHash = await sha256(`${c.req.method} ${new URL(c.req.url).pathname}\n${body}`);
  const stored = await findAnswer(c.env.DB, c.get("user").id, key);
  if (stored) return replay(stored, requestHash);
  c.set("mutation", { key, requestHash });
  await next();
});

export function replay(stored: { requestHash: string; status: number; body: string }, requestHash: string): Response {
  if (stored.requestHash !== requestHash) {
    throw new ApiError(422, "idempotency_key_reused", "This Idempotency-Key was already used for a different request.");
  }
  return new Response(stored.body, {
    status: stored.status,
    headers: { "Content-Type": "application/json", "Idempotent-Replay": "true" },
  });
}

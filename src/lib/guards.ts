import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { Next } from "hono";
import { findSessionUser } from "../db/people";
import { findAnswer, type StoredAnswer } from "../db/idempotency";
import { IDEMPOTENCY_KEY, illFormedTextPath } from "../schema/common";
import type { Me } from "../schema/session";
import { ApiError, type AppEnv, type Ctx, errorBody, nowIso } from "./app";
import { accessConfig, accessSessionToken, openAccessSession } from "./cloudflare-access";
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
async function refuseIllFormedText(c: Ctx) {
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

/**
 * Who is signed in. Reads ask D1 every time. An entity write may start from the identity this
 * isolate saw for the same session within the last minute, saving the round trip before its
 * preconditions; that memory is never trusted on its own: the write's batch re-checks the
 * session first (`batchGuard`) and a refusal re-checks it before answering, so a session
 * ended anywhere (signed out, expired, account changed) writes nothing and learns nothing more.
 */
const REMEMBER_MS = 60_000;
const REMEMBER_MAX = 5_000;
const remembered = new Map<string, { user: Me; until: number }>();

export const forgetSession = (tokenHash: string) => remembered.delete(tokenHash);

export function rememberSession(tokenHash: string, user: Me, now = Date.now()) {
  if (remembered.size >= REMEMBER_MAX) remembered.delete(remembered.keys().next().value!);
  remembered.set(tokenHash, { user, until: Math.min(now + REMEMBER_MS, Date.parse(user.expiresAt)) });
}

function rememberedUser(tokenHash: string, now: number): Me | null {
  const hit = remembered.get(tokenHash);
  if (hit && hit.until > now) return hit.user;
  remembered.delete(tokenHash);
  return null;
}

export const unauthenticated = () => new ApiError(401, "unauthenticated", "Sign in first.");

export async function requireUser(c: Ctx, next: Next, entityWrite: boolean) {
  // Behind Cloudflare Access the verified assertion is the only proof; otherwise the session cookie.
  const access = accessConfig(c.env);
  const viaAccess = access ? await accessSessionToken(c, access) : null;
  const token = viaAccess ? viaAccess.token : getCookie(c, SESSION_COOKIE);
  const tokenHash = token ? await sha256(token) : null;
  if (!tokenHash) throw unauthenticated();
  const now = Date.now();
  const known = entityWrite ? rememberedUser(tokenHash, now) : null;
  const user =
    known ?? (await findSessionUser(c.env.DB, tokenHash, nowIso())) ?? (viaAccess ? await openAccessSession(c, tokenHash, viaAccess.proof) : null);
  if (!user) {
    forgetSession(tokenHash);
    throw unauthenticated();
  }
  if (!known) rememberSession(tokenHash, user, now);
  c.set("user", user);
  c.set("sessionTokenHash", tokenHash);
  c.set("sessionChecked", !known);
  await next();
}

/**
 * Every entity write names an Idempotency-Key. The write's batch stores the answer under it, so
 * a retry's batch fails on the key and is answered as the first was; a retry refused on the way
 * (its preconditions have moved on since it went through) is looked up here. The same key with
 * another body is refused.
 */
export async function idempotent(c: Ctx, next: Next) {
  const key = c.req.header("Idempotency-Key");
  if (!key || !IDEMPOTENCY_KEY.test(key)) {
    throw new ApiError(400, "idempotency_key_required", "Unsafe requests need an Idempotency-Key header (8–128 letters, digits or _.:-).", {
      fields: [{ path: "header.Idempotency-Key", message: key ? "malformed" : "required" }],
    });
  }
  const body = c.req.method === "DELETE" ? "" : await c.req.text();
  const requestHash = await sha256(`${c.req.method} ${new URL(c.req.url).pathname}\n${body}`);
  c.set("mutation", { key, requestHash, answerChecked: false });
  await next();
  const refusal = c.error;
  if (!(refusal instanceof ApiError) || refusal.status === 401 || c.get("mutation").answerChecked) return;
  const db = c.env.DB;
  const [stored, stillSignedIn] = await Promise.all([
    findAnswer(db, c.get("user").id, key),
    c.get("sessionChecked") || findSessionUser(db, c.get("sessionTokenHash"), nowIso()).then(Boolean),
  ]);
  if (!stillSignedIn) {
    forgetSession(c.get("sessionTokenHash"));
    c.res = refusalResponse(unauthenticated());
  } else if (stored) {
    c.res = storedAnswer(stored, requestHash);
  }
}

const refusalResponse = (e: ApiError) =>
  new Response(JSON.stringify(errorBody(e)), { status: e.status, headers: { "Content-Type": "application/json" } });

/** The first answer to this key, or a refusal when the key came with another request. */
export function storedAnswer(stored: StoredAnswer, requestHash: string): Response {
  if (stored.requestHash !== requestHash) {
    return refusalResponse(new ApiError(422, "idempotency_key_reused", "This Idempotency-Key was already used for a different request."));
  }
  return new Response(stored.body, {
    status: stored.status,
    headers: { "Content-Type": "application/json", "Idempotent-Replay": "true" },
  });
}

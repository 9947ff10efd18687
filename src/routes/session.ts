import { createRoute } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { chargeAttempts, deleteSession, sessionStatements } from "../db/people";
import { attemptKeys, retryAfterSeconds, signInLimits } from "../domain/sign-in";
import { ApiError, type Ctx, newApp } from "../lib/app";
import { accessConfig } from "../lib/cloudflare-access";
import { forgetSession, rememberSession, SESSION_COOKIE } from "../lib/guards";
import { hashPassword, newToken, PBKDF2_ITERATIONS, sameSecret, sha256 } from "../lib/passwords";
import { ErrorEnvelope } from "../schema/common";
import { Me, SignIn } from "../schema/session";
import { json, jsonBody } from "./openapi";

// Compared against when the login is unknown, so a wrong login costs the same time as a wrong password.
const DECOY = { salt: "a2Vpem9rdS1kZWNveS1zYWx0", hash: "" };

const signIn = createRoute({
  method: "post",
  path: "/api/session",
  tags: ["session"],
  summary: "Sign in; sets an HttpOnly session cookie",
  request: { body: jsonBody(SignIn) },
  responses: {
    200: json(z.object({ user: Me }), "Signed in"),
    400: json(ErrorEnvelope, "Invalid body"),
    401: json(ErrorEnvelope, "Wrong login or password"),
    403: json(ErrorEnvelope, "Cloudflare Access mode: sign-in is through Access, not passwords"),
    429: json(ErrorEnvelope, "Too many attempts for this login from this address, or from this address; Retry-After says when to try again"),
  },
});

const current = createRoute({
  method: "get",
  path: "/api/session",
  tags: ["session"],
  summary: "The signed-in user",
  responses: { 200: json(z.object({ user: Me }), "Signed in"), 401: json(ErrorEnvelope, "Not signed in") },
});

const signOut = createRoute({
  method: "delete",
  path: "/api/session",
  tags: ["session"],
  summary: "Sign out",
  responses: { 200: json(z.object({ ok: z.literal(true) }), "Signed out"), 401: json(ErrorEnvelope, "Not signed in") },
});

/** The caller's address as Cloudflare's edge saw it; "local" when no edge is in front (wrangler dev, tests). */
export const clientAddress = (c: Ctx) => c.req.header("CF-Connecting-IP") ?? "local";

/**
 * A new session for someone who just proved who they are (password, or Cloudflare Access): the
 * HttpOnly, Secure, SameSite=Strict cookie is set and the login's failures from this address forgotten.
 */
export async function startSession(c: Ctx, user: Omit<Me, "expiresAt">, keys = attemptKeys(user.login, clientAddress(c))): Promise<Me> {
  const session = await newSession(c, user, keys);
  await c.env.DB.batch(session.steps);
  return session.start();
}

/**
 * The same in two halves, for a write that begins the session in its own batch: the statements
 * that store it, and `start` (the cookie) once they committed.
 */
export async function newSession(
  c: Ctx,
  user: Omit<Me, "expiresAt">,
  keys = attemptKeys(user.login, clientAddress(c)),
): Promise<{ steps: D1PreparedStatement[]; start: () => Me }> {
  const token = newToken();
  const ttlHours = Number(c.env.SESSION_TTL_HOURS) || 12;
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000).toISOString();
  const tokenHash = await sha256(token);
  const steps = sessionStatements(c.env.DB, { tokenHash, userId: user.id, now: now.toISOString(), expiresAt, attemptKeys: keys });
  const start = () => {
    setCookie(c, SESSION_COOKIE, token, { httpOnly: true, secure: true, sameSite: "Strict", path: "/", maxAge: ttlHours * 3600 });
    const me: Me = { id: user.id, login: user.login, displayName: user.displayName, unitId: user.unitId, role: user.role, expiresAt };
    rememberSession(tokenHash, me);
    return me;
  };
  return { steps, start };
}

export const sessionRoutes = newApp()
  .openapi(signIn, async (c) => {
    if (accessConfig(c.env)) {
      throw new ApiError(403, "access_mode", "Sign-in is through Cloudflare Access here; passwords are not accepted.");
    }
    const { login, password } = c.req.valid("json");
    const db = c.env.DB;
    const now = new Date();
    const keys = attemptKeys(login, clientAddress(c));
    const limits = signInLimits(c.env);
    // Charged before the password is checked, in one statement per counter: of many parallel
    // guesses only the limit's worth are ever checked.
    const {
      counts: [forLogin, forAddress],
      user,
    } = await chargeAttempts(db, [keys.loginAddress, keys.address], now, limits.windowMs, login);
    const wait = Math.max(
      retryAfterSeconds(forLogin!, limits.perLoginAddress, limits.windowMs, now),
      retryAfterSeconds(forAddress!, limits.perAddress, limits.windowMs, now),
    );
    if (wait > 0) {
      c.header("Retry-After", String(wait));
      throw new ApiError(429, "too_many_attempts", "Too many sign-in attempts from this address. Wait and try again.", {
        retryAfterSeconds: wait,
      });
    }
    const hash = await hashPassword(password, user?.passwordSalt ?? DECOY.salt, user?.passwordIterations ?? PBKDF2_ITERATIONS);
    if (!user || !sameSecret(hash, user.passwordHash)) {
      throw new ApiError(401, "invalid_credentials", "The login or password is wrong.");
    }
    const me = await startSession(c, user, keys);
    return c.json({ user: me }, 200);
  })
  .openapi(current, (c) => c.json({ user: c.get("user") }, 200))
  .openapi(signOut, async (c) => {
    await deleteSession(c.env.DB, c.get("sessionTokenHash"));
    // Other isolates may still remember it; their writes' batches find it gone.
    forgetSession(c.get("sessionTokenHash"));
    deleteCookie(c, SESSION_COOKIE, { path: "/", secure: true });
    return c.json({ ok: true as const }, 200);
  });

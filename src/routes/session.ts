import { createRoute } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { createSession, deleteSession, findSignInFailures, findUserByLogin, saveSignInFailures } from "../db/people";
import { afterFailure, retryAfterSeconds } from "../domain/sign-in";
import { ApiError, newApp } from "../lib/app";
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
    429: json(ErrorEnvelope, "Too many failed attempts for this login"),
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

export const sessionRoutes = newApp()
  .openapi(signIn, async (c) => {
    const { login, password } = c.req.valid("json");
    const db = c.env.DB;
    const now = new Date();
    const failures = await findSignInFailures(db, login);
    const wait = retryAfterSeconds(failures, now);
    if (wait > 0) {
      c.header("Retry-After", String(wait));
      throw new ApiError(429, "too_many_attempts", "Too many failed sign-ins for this login. Wait and try again.", {
        retryAfterSeconds: wait,
      });
    }
    const user = await findUserByLogin(db, login);
    const hash = await hashPassword(password, user?.passwordSalt ?? DECOY.salt, user?.passwordIterations ?? PBKDF2_ITERATIONS);
    if (!user || !sameSecret(hash, user.passwordHash)) {
      await saveSignInFailures(db, login, afterFailure(failures, now));
      throw new ApiError(401, "invalid_credentials", "The login or password is wrong.");
    }
    const token = newToken();
    const ttlHours = Number(c.env.SESSION_TTL_HOURS) || 12;
    const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000).toISOString();
    const tokenHash = await sha256(token);
    await createSession(db, tokenHash, user.id, now.toISOString(), expiresAt);
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      secure: true,
      sameSite: "Strict",
      path: "/",
      maxAge: ttlHours * 3600,
    });
    const me = { id: user.id, login: user.login, displayName: user.displayName, unitId: user.unitId, role: user.role, expiresAt };
    rememberSession(tokenHash, me);
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

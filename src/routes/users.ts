import { createRoute } from "@hono/zod-openapi";
import { accountById, endSessions, findAccount, insertAccount, listAccounts, loginTaken, secretOf, setPassword, updateAccount } from "../db/users";
import { mayManageAccounts } from "../domain/access";
import { ApiError, type Ctx, forbidden, newApp, notFound, nowIso, staleVersion } from "../lib/app";
import { forgetSession } from "../lib/guards";
import { hashPassword, newSalt, PBKDF2_ITERATIONS, sameSecret } from "../lib/passwords";
import { readPreconditions } from "../lib/preconditions";
import { commitWrite } from "../lib/write-path";
import { STANDING } from "../schema/streams";
import { committed } from "../schema/common";
import { Account, AccountCreate, AccountPatch, PasswordChange, PasswordReset } from "../schema/users";
import { namedUnit, refuseUnknownUnit } from "./checklists-shared";
import { newSession } from "./session";
import { commonErrors, IdParam, idempotencyHeaders, json, jsonBody, refusals } from "./openapi";
import { pageOf, pageQuery } from "../schema/paging";

const tags = ["users"];
const writeErrors = refusals({ 404: "No such account", 409: "Stale version, or the login or e-mail is taken" });

const list = createRoute({
  method: "get",
  path: "/api/users",
  tags,
  summary: "Accounts by unit, then login, a page at a time (`next` asks for the rest; admins only)",
  request: { query: pageQuery({ default: 200, max: 1000, keys: 3 }) },
  responses: { 200: json(pageOf(Account), "Accounts"), ...commonErrors },
});

const create = createRoute({
  method: "post",
  path: "/api/users",
  tags,
  summary: "Create an account with its unit, role and first password (admins only)",
  request: { headers: idempotencyHeaders, body: jsonBody(AccountCreate) },
  responses: { 201: json(committed(Account), "Created"), ...writeErrors },
});

const patch = createRoute({
  method: "patch",
  path: "/api/users/{id}",
  tags,
  summary: "Change a person's name, unit, role or e-mail, or disable the account (ends its sessions at once)",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(AccountPatch) },
  responses: { 200: json(committed(Account), "Changed"), ...writeErrors },
});

const reset = createRoute({
  method: "post",
  path: "/api/users/{id}/password",
  tags,
  summary: "Set a new password for someone (admins only); every session of that person ends",
  request: { params: IdParam, headers: idempotencyHeaders, body: jsonBody(PasswordReset) },
  responses: { 200: json(committed(Account), "Password set"), ...writeErrors },
});

const change = createRoute({
  method: "put",
  path: "/api/session/password",
  tags: ["session"],
  summary: "Change your own password; your other sessions end and this one is renewed",
  request: { headers: idempotencyHeaders, body: jsonBody(PasswordChange) },
  responses: { 200: json(committed(Account), "Password changed"), ...writeErrors },
});

function requireAdmin(c: Ctx) {
  if (!mayManageAccounts(c.get("user"))) throw forbidden("Only administrators manage accounts.");
}

/** The account a route read, or the 404 naming it. */
function knownAccount(account: Account | null, id: string): Account {
  if (!account) throw notFound("account", [{ path: "id", message: `no account ${id}` }]);
  return account;
}

async function newSecret(password: string) {
  const salt = newSalt();
  return { hash: await hashPassword(password, salt, PBKDF2_ITERATIONS), salt, iterations: PBKDF2_ITERATIONS };
}

export const userRoutes = newApp()
  .openapi(list, async (c) => {
    requireAdmin(c);
    return c.json(await listAccounts(c.env.DB, c.req.valid("query")), 200);
  })
  .openapi(create, async (c) => {
    requireAdmin(c);
    const input = c.req.valid("json");
    const db = c.env.DB;
    const [unitKnown, taken] = await readPreconditions(c, [namedUnit(db, input.unitId), loginTaken(db, input.login, input.email)]);
    refuseUnknownUnit(input.unitId, unitKnown);
    if (taken.login || taken.email) {
      throw new ApiError(409, "taken", "That login or e-mail already belongs to someone.", {
        fields: [...(taken.login ? [{ path: "login", message: "already used" }] : []), ...(taken.email ? [{ path: "email", message: "already used" }] : [])],
      });
    }
    const { password, ...fields } = input;
    const account: Account = { id: crypto.randomUUID(), ...fields, disabled: false, version: 1, createdAt: nowIso() };
    const secret = await newSecret(password);
    const done = await commitWrite(c, {
      stream: STANDING,
      steps: [insertAccount(db, { ...account, passwordHash: secret.hash, passwordSalt: secret.salt, passwordIterations: secret.iterations })],
      changes: [{ entityType: "user", entityId: account.id, op: "create", before: null, after: account }],
      data: account,
      status: 201,
    });
    return c.json(done, 201);
  })
  .openapi(patch, async (c) => {
    requireAdmin(c);
    const { id } = c.req.valid("param");
    const { version, ...changes } = c.req.valid("json");
    const db = c.env.DB;
    const [found, unitKnown, taken] = await readPreconditions(c, [
      accountById(db, id),
      namedUnit(db, changes.unitId ?? null),
      changes.email ? loginTaken(db, "", changes.email) : null,
    ]);
    const current = knownAccount(found, id);
    if (version !== current.version) throw staleVersion(current);
    refuseUnknownUnit(changes.unitId ?? null, unitKnown);
    // An admin who demotes or disables themselves could leave the city with no admin at all.
    if (id === c.get("user").id && (changes.disabled || (changes.role && changes.role !== "admin"))) {
      throw new ApiError(422, "own_account", "You cannot disable or demote your own account; ask another administrator.", {
        fields: [{ path: changes.disabled ? "disabled" : "role", message: "not for your own account" }],
      });
    }
    if (changes.email && changes.email !== current.email && taken?.email) {
      throw new ApiError(409, "taken", "That e-mail already belongs to someone.", { fields: [{ path: "email", message: "already used" }] });
    }
    const next: Account = { ...current, ...changes, version: current.version + 1 };
    const op = changes.disabled === true && !current.disabled ? "disable" : changes.disabled === false && current.disabled ? "enable" : "update";
    const done = await commitWrite(c, {
      stream: STANDING,
      steps: [{ exactlyOne: updateAccount(db, next, version, nowIso()) }, ...(next.disabled ? [endSessions(db, id)] : [])],
      changes: [{ entityType: "user", entityId: id, op, before: current, after: next }],
      data: next,
      reload: () => findAccount(db, id),
    });
    return c.json(done, 200);
  })
  .openapi(reset, async (c) => {
    requireAdmin(c);
    const { id } = c.req.valid("param");
    const { version, password } = c.req.valid("json");
    const db = c.env.DB;
    const [found] = await readPreconditions(c, [accountById(db, id)]);
    const current = knownAccount(found, id);
    if (version !== current.version) throw staleVersion(current);
    const next = { ...current, version: current.version + 1 };
    const done = await commitWrite(c, {
      stream: STANDING,
      steps: [{ exactlyOne: setPassword(db, id, version, await newSecret(password)) }, endSessions(db, id)],
      changes: [{ entityType: "user", entityId: id, op: "password_reset", before: current, after: next }],
      data: next,
      reload: () => findAccount(db, id),
    });
    return c.json(done, 200);
  })
  .openapi(change, async (c) => {
    const me = c.get("user");
    const { currentPassword, newPassword } = c.req.valid("json");
    const db = c.env.DB;
    const [secret, found] = await readPreconditions(c, [secretOf(db, me.id), accountById(db, me.id)]);
    const current = knownAccount(found, me.id);
    if (!secret || !sameSecret(await hashPassword(currentPassword, secret.password_salt, secret.password_iterations), secret.password_hash)) {
      throw new ApiError(422, "wrong_password", "Your current password is not right.", { fields: [{ path: "currentPassword", message: "wrong" }] });
    }
    const next = { ...current, version: current.version + 1 };
    const oldToken = c.get("sessionTokenHash");
    // The person's new session begins in the same batch that ends every old one.
    const session = await newSession(c, me);
    const done = await commitWrite(c, {
      stream: STANDING,
      steps: [{ exactlyOne: setPassword(db, me.id, secret.version, await newSecret(newPassword)) }, endSessions(db, me.id), ...session.steps],
      changes: [{ entityType: "user", entityId: me.id, op: "password_change", before: current, after: next }],
      data: next,
      reload: () => findAccount(db, me.id),
    });
    // Every session ended with the old password, this one too; the person carries on in a new one.
    forgetSession(oldToken);
    session.start();
    return c.json(done, 200);
  });

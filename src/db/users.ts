import type { Role } from "../schema/session";
import type { Account } from "../schema/users";
import { readOne, rowRead } from "./together";
import { readPage } from "./paging";
import type { PageQuery } from "../schema/paging";

type AccountRow = {
  id: string;
  login: string;
  display_name: string;
  unit_id: string;
  role: Role;
  email: string | null;
  disabled_at: string | null;
  version: number;
  created_at: string;
};

const COLUMNS = "id, login, display_name, unit_id, role, email, disabled_at, version, created_at";

const accountFromRow = (r: AccountRow): Account => ({
  id: r.id,
  login: r.login,
  displayName: r.display_name,
  unitId: r.unit_id,
  role: r.role,
  email: r.email,
  disabled: r.disabled_at !== null,
  version: r.version,
  createdAt: r.created_at,
});

/** A page of accounts by unit, then login. */
export async function listAccounts(db: D1Database, page: PageQuery): Promise<{ items: Account[]; next: string | null }> {
  const { rows, next } = await readPage<AccountRow>(db, { select: COLUMNS, from: "users", keys: ["unit_id", "login", "id"] }, page);
  return { items: rows.map(accountFromRow), next };
}

export const accountById = (db: D1Database, id: string) =>
  rowRead(db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`).bind(id), (r: AccountRow | undefined) => (r ? accountFromRow(r) : null));

export const findAccount = (db: D1Database, id: string): Promise<Account | null> => readOne(accountById(db, id));

/** Whether someone already has this login, or this e-mail. */
export const loginTaken = (db: D1Database, login: string, email: string | null) =>
  rowRead(
    db.prepare("SELECT EXISTS (SELECT 1 FROM users WHERE login = ?1) AS login, EXISTS (SELECT 1 FROM users WHERE email = ?2) AS email").bind(login, email),
    (r: { login: number; email: number } | undefined) => ({ login: r?.login === 1, email: r?.email === 1 }),
  );

export function insertAccount(
  db: D1Database,
  a: Account & { passwordHash: string; passwordSalt: string; passwordIterations: number },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO users (id, login, display_name, unit_id, role, email, password_hash, password_salt, password_iterations, created_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    )
    .bind(a.id, a.login, a.displayName, a.unitId, a.role, a.email, a.passwordHash, a.passwordSalt, a.passwordIterations, a.createdAt);
}

/** The account's new fields over the version last seen (guard with exactlyOne). */
export function updateAccount(db: D1Database, a: Account, seenVersion: number, now: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE users SET display_name = ?, unit_id = ?, role = ?, email = ?, version = version + 1,
         disabled_at = CASE WHEN ? THEN COALESCE(disabled_at, ?) ELSE NULL END
       WHERE id = ? AND version = ?`,
    )
    .bind(a.displayName, a.unitId, a.role, a.email, a.disabled ? 1 : 0, now, a.id, seenVersion);
}

/** A new password over the version last seen (guard with exactlyOne). */
export function setPassword(
  db: D1Database,
  id: string,
  seenVersion: number,
  p: { hash: string; salt: string; iterations: number },
): D1PreparedStatement {
  return db
    .prepare("UPDATE users SET password_hash = ?, password_salt = ?, password_iterations = ?, version = version + 1 WHERE id = ? AND version = ?")
    .bind(p.hash, p.salt, p.iterations, id, seenVersion);
}

/** Every session of the person ends: after disabling, a reset, or a change of password. */
export function endSessions(db: D1Database, userId: string, keepTokenHash: string | null = null): D1PreparedStatement {
  return db.prepare("DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?").bind(userId, keepTokenHash);
}

/** The stored secret, for checking the current password before a change. */
export const secretOf = (db: D1Database, id: string) =>
  rowRead(
    db.prepare("SELECT password_hash, password_salt, password_iterations, version FROM users WHERE id = ?").bind(id),
    (r: { password_hash: string; password_salt: string; password_iterations: number; version: number } | undefined) => r ?? null,
  );

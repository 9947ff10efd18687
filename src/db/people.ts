import type { Me, Role, Unit } from "../schema/session";
import { readOne, rowRead } from "./together";

export type UserWithSecret = {
  id: string;
  login: string;
  displayName: string;
  unitId: string;
  role: Role;
  passwordHash: string;
  passwordSalt: string;
  passwordIterations: number;
};

export async function findUserByLogin(db: D1Database, login: string): Promise<UserWithSecret | null> {
  const r = await db
    .prepare(
      `SELECT id, login, display_name, unit_id, role, password_hash, password_salt, password_iterations
       FROM users WHERE login = ?`,
    )
    .bind(login)
    .first<Record<string, string | number>>();
  if (!r) return null;
  return {
    id: String(r.id),
    login: String(r.login),
    displayName: String(r.display_name),
    unitId: String(r.unit_id),
    role: r.role as Role,
    passwordHash: String(r.password_hash),
    passwordSalt: String(r.password_salt),
    passwordIterations: Number(r.password_iterations),
  };
}

export function insertUser(
  db: D1Database,
  u: Omit<UserWithSecret, "id"> & { id: string; createdAt: string },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO users (id, login, display_name, unit_id, role, password_hash, password_salt, password_iterations, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(u.id, u.login, u.displayName, u.unitId, u.role, u.passwordHash, u.passwordSalt, u.passwordIterations, u.createdAt);
}

export async function createSession(db: D1Database, tokenHash: string, userId: string, now: string, expiresAt: string) {
  await db.batch([
    db.prepare("DELETE FROM sessions WHERE user_id = ? AND expires_at < ?").bind(userId, now),
    db
      .prepare("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
      .bind(tokenHash, userId, now, expiresAt),
    db.prepare("DELETE FROM sign_in_failures WHERE login = (SELECT login FROM users WHERE id = ?)").bind(userId),
  ]);
}

/**
 * A live session and its user (?1 token hash, ?2 now): the one definition that both the session
 * lookup and every write's re-check (sessionStillValid) use, so ending a session ends both.
 */
const LIVE_SESSION = `FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?1 AND s.expires_at > ?2`;

/** The signed-in user behind a session token hash, or null when unknown or expired. */
export async function findSessionUser(db: D1Database, tokenHash: string, now: string): Promise<Me | null> {
  const r = await db
    .prepare(`SELECT u.id, u.login, u.display_name, u.unit_id, u.role, s.expires_at ${LIVE_SESSION}`)
    .bind(tokenHash, now)
    .first<{ id: string; login: string; display_name: string; unit_id: string; role: Role; expires_at: string }>();
  if (!r) return null;
  return {
    id: r.id,
    login: r.login,
    displayName: r.display_name,
    unitId: r.unit_id,
    role: r.role,
    expiresAt: r.expires_at,
  };
}

/**
 * The first step of every write's batch: aborts it (constraint `session_ended`) unless the
 * session is still live (LIVE_SESSION) and its user still has the unit and role the write was
 * authorised for.
 */
export function sessionStillValid(db: D1Database, tokenHash: string, user: Pick<Me, "id" | "unitId" | "role">, now: string) {
  return db
    .prepare(
      `INSERT OR REPLACE INTO session_guard (id, ok) VALUES (1, (
         SELECT COUNT(*) ${LIVE_SESSION} AND u.id = ?3 AND u.unit_id = ?4 AND u.role = ?5))`,
    )
    .bind(tokenHash, now, user.id, user.unitId, user.role);
}

export const isSessionEnded = (err: unknown): boolean => String(err).includes("session_ended");

export async function deleteSession(db: D1Database, tokenHash: string) {
  await db.prepare("DELETE FROM sessions WHERE token_hash = ?").bind(tokenHash).run();
}

export type SignInFailures = { failures: number; firstFailedAt: string; blockedUntil: string | null };

export async function findSignInFailures(db: D1Database, login: string): Promise<SignInFailures | null> {
  const r = await db
    .prepare("SELECT failures, first_failed_at, blocked_until FROM sign_in_failures WHERE login = ?")
    .bind(login)
    .first<{ failures: number; first_failed_at: string; blocked_until: string | null }>();
  return r ? { failures: r.failures, firstFailedAt: r.first_failed_at, blockedUntil: r.blocked_until } : null;
}

export async function saveSignInFailures(db: D1Database, login: string, f: SignInFailures) {
  await db
    .prepare(
      `INSERT INTO sign_in_failures (login, failures, first_failed_at, blocked_until) VALUES (?, ?, ?, ?)
       ON CONFLICT (login) DO UPDATE SET failures = excluded.failures, first_failed_at = excluded.first_failed_at,
         blocked_until = excluded.blocked_until`,
    )
    .bind(login, f.failures, f.firstFailedAt, f.blockedUntil)
    .run();
}

type UnitRow = { id: string; name_ja: string; name_en: string; kind: Unit["kind"] };

export async function listUnits(db: D1Database): Promise<Unit[]> {
  const { results } = await db
    .prepare("SELECT id, name_ja, name_en, kind FROM units ORDER BY sort_order, id")
    .all<UnitRow>();
  return results.map((r) => ({ id: r.id, nameJa: r.name_ja, nameEn: r.name_en, kind: r.kind }));
}

export const unitById = (db: D1Database, id: string) => rowRead(db.prepare("SELECT 1 FROM units WHERE id = ?").bind(id), (r) => r !== undefined);

export const unitExists = (db: D1Database, id: string): Promise<boolean> => readOne(unitById(db, id));

/** Whether the database answers at all, for the health check. */
export async function databaseAnswers(db: D1Database): Promise<boolean> {
  return db
    .prepare("SELECT 1")
    .first()
    .then(() => true)
    .catch(() => false);
}

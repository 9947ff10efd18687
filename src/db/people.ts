import type { AttemptCount } from "../domain/sign-in";
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

type SecretRow = {
  id: string;
  login: string;
  display_name: string;
  unit_id: string;
  role: Role;
  password_hash: string;
  password_salt: string;
  password_iterations: number;
};

const userByLogin = (db: D1Database, login: string) =>
  rowRead(
    db
      .prepare(
        `SELECT id, login, display_name, unit_id, role, password_hash, password_salt, password_iterations
         FROM users WHERE login = ? AND disabled_at IS NULL`,
      )
      .bind(login),
    (r: SecretRow | undefined): UserWithSecret | null =>
      r
        ? {
            id: r.id,
            login: r.login,
            displayName: r.display_name,
            unitId: r.unit_id,
            role: r.role,
            passwordHash: r.password_hash,
            passwordSalt: r.password_salt,
            passwordIterations: Number(r.password_iterations),
          }
        : null,
  );

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

/**
 * A session for a user who just proved their password: the login's counter from this address is
 * cleared, and this attempt no longer counts against the address (only failures should).
 */
export function sessionStatements(
  db: D1Database,
  s: { tokenHash: string; userId: string; now: string; expiresAt: string; attemptKeys: { loginAddress: string; address: string } | null },
): D1PreparedStatement[] {
  return [
    db.prepare("DELETE FROM sessions WHERE user_id = ? AND expires_at < ?").bind(s.userId, s.now),
    // A Cloudflare Access session is keyed by its assertion: the same assertion seen twice at once is one session.
    db
      .prepare("INSERT OR IGNORE INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
      .bind(s.tokenHash, s.userId, s.now, s.expiresAt),
    ...(s.attemptKeys
      ? [
          db.prepare("DELETE FROM sign_in_attempts WHERE key = ?").bind(s.attemptKeys.loginAddress),
          db.prepare("UPDATE sign_in_attempts SET attempts = MAX(attempts - 1, 0) WHERE key = ?").bind(s.attemptKeys.address),
        ]
      : []),
  ];
}

export async function createSession(db: D1Database, s: Parameters<typeof sessionStatements>[1]) {
  await db.batch(sessionStatements(db, s));
}

/** The account Cloudflare Access's verified e-mail names (e-mails are stored lower-case), if it is not disabled. */
export async function findUserByEmail(db: D1Database, email: string): Promise<Omit<Me, "expiresAt"> | null> {
  const r = await db
    .prepare("SELECT id, login, display_name, unit_id, role FROM users WHERE email = ? AND disabled_at IS NULL")
    .bind(email)
    .first<{ id: string; login: string; display_name: string; unit_id: string; role: Role }>();
  return r ? { id: r.id, login: r.login, displayName: r.display_name, unitId: r.unit_id, role: r.role } : null;
}

/**
 * A live session and its user (?1 token hash, ?2 now): the one definition that both the session
 * lookup and every write's re-check (batchGuard) use, so ending a session ends both.
 */
// A session is live while unexpired and its account not disabled.
const LIVE_SESSION = `FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND u.disabled_at IS NULL`;

/** The signed-in user behind a session token hash, or null when unknown or expired. */
export const sessionUser = (db: D1Database, tokenHash: string, now: string) =>
  rowRead<{ id: string; login: string; display_name: string; unit_id: string; role: Role; expires_at: string }, Me | null>(
    db.prepare(`SELECT u.id, u.login, u.display_name, u.unit_id, u.role, s.expires_at ${LIVE_SESSION}`).bind(tokenHash, now),
    (r) => (r ? { id: r.id, login: r.login, displayName: r.display_name, unitId: r.unit_id, role: r.role, expiresAt: r.expires_at } : null),
  );

export const findSessionUser = (db: D1Database, tokenHash: string, now: string): Promise<Me | null> => readOne(sessionUser(db, tokenHash, now));

/**
 * The first step of every write's batch, one row: aborts it (constraint `session_ended`) unless
 * the session is still live (LIVE_SESSION) and its user still has the unit and role the write was
 * authorised for, and then (constraint `incident_closed`) when the write's stream is a closed
 * incident. A stream that is no incident (STANDING) passes.
 */
export function batchGuard(db: D1Database, tokenHash: string, user: Pick<Me, "id" | "unitId" | "role">, stream: string, now: string) {
  return db
    .prepare(
      `INSERT OR REPLACE INTO batch_guard (id, session_live, incident_open) VALUES (1,
         (SELECT COUNT(*) ${LIVE_SESSION} AND u.id = ?3 AND u.unit_id = ?4 AND u.role = ?5),
         NOT EXISTS (SELECT 1 FROM incidents WHERE id = ?6 AND status = 'closed'))`,
    )
    .bind(tokenHash, now, user.id, user.unitId, user.role, stream);
}

export const isSessionEnded = (err: unknown): boolean => String(err).includes("session_ended");

export async function deleteSession(db: D1Database, tokenHash: string) {
  await db.prepare("DELETE FROM sessions WHERE token_hash = ?").bind(tokenHash).run();
}

// Counts this attempt in one statement (no read-then-write race): a window older than `windowStart`
// restarts at 1, otherwise the count goes up by one. RETURNING gives the count this attempt made.
const CHARGE_ATTEMPT = `INSERT INTO sign_in_attempts (key, attempts, window_start) VALUES (?1, 1, ?2)
  ON CONFLICT (key) DO UPDATE SET
    attempts = CASE WHEN window_start <= ?3 THEN 1 ELSE attempts + 1 END,
    window_start = CASE WHEN window_start <= ?3 THEN ?2 ELSE window_start END
  RETURNING attempts, window_start`;

/**
 * Charges one sign-in attempt to each key in one transaction (the counts after it, in key order),
 * and reads the login's account in the same round trip; the password is checked only after.
 */
export async function chargeAttempts(
  db: D1Database,
  keys: string[],
  now: Date,
  windowMs: number,
  login: string,
): Promise<{ counts: AttemptCount[]; user: UserWithSecret | null }> {
  const nowIso = now.toISOString();
  const expired = new Date(now.getTime() - windowMs).toISOString();
  const account = userByLogin(db, login);
  const results = await db.batch([...keys.map((k) => db.prepare(CHARGE_ATTEMPT).bind(k, nowIso, expired)), ...account.statements]);
  const counts = results.slice(0, keys.length).map((r) => {
    const row = r.results[0] as { attempts: number; window_start: string };
    return { attempts: row.attempts, windowStart: row.window_start };
  });
  return { counts, user: account.read([results[keys.length]!.results as Record<string, unknown>[]]) };
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

-- Security: sign-in attempt counters per login+address and per address, scenario ownership,
-- user accounts that can be disabled, and a change log the database itself keeps append-only.

-- One row per throttled key ("login:<login>|<address>" or "address:<address>"). An attempt is
-- counted in one statement BEFORE the password is checked, so parallel guesses cannot all slip
-- in under the limit.
CREATE TABLE sign_in_attempts (
  key           TEXT PRIMARY KEY,
  attempts      INTEGER NOT NULL,
  window_start  TEXT NOT NULL
) WITHOUT ROWID;
DROP TABLE sign_in_failures;

-- Scenarios belong to a unit: only that unit's editors (and admins) change their answer key.
ALTER TABLE scenarios ADD COLUMN unit_id TEXT NOT NULL DEFAULT 'hospital';
UPDATE scenarios SET unit_id = COALESCE((SELECT unit_id FROM users WHERE users.id = scenarios.created_by), 'hospital');

-- A disabled account cannot sign in and has no sessions; the row stays so the log's actors resolve.
ALTER TABLE users ADD COLUMN disabled_at TEXT;
ALTER TABLE users ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
-- Cloudflare Access mode maps the signed e-mail to a user.
ALTER TABLE users ADD COLUMN email TEXT;
CREATE UNIQUE INDEX users_by_email ON users(email) WHERE email IS NOT NULL;

-- The audit trail is append-only: no statement, from any route or console, may rewrite history.
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN
  SELECT RAISE(ABORT, 'change_log is append-only');
END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN
  SELECT RAISE(ABORT, 'change_log is append-only');
END;

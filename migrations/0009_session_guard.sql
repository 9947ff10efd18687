-- A write's batch begins by re-checking the session it was authorised under. The CHECK aborts
-- the whole batch when that session has ended (signed out, expired, or the account changed),
-- so a session ended anywhere writes nothing more, even where its identity was remembered.
CREATE TABLE session_guard (
  id  INTEGER PRIMARY KEY CHECK (id = 1),
  ok  INTEGER NOT NULL CONSTRAINT session_ended CHECK (ok = 1)
);

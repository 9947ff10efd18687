-- A write's batch began with two guard rows, one for its session and one for its incident. One row
-- now checks both, a statement fewer in every write; the constraint names, and so the refusals, are
-- unchanged. SQLite checks a row's CHECK constraints in the order the table declares them, so an
-- ended session is refused before a closed incident is named.
-- session_guard and open_incident_guard stay until a later migration: workers of the previous
-- version still write to them while a deploy rolls out.
CREATE TABLE batch_guard (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  session_live   INTEGER NOT NULL CONSTRAINT session_ended CHECK (session_live = 1),
  incident_open  INTEGER NOT NULL CONSTRAINT incident_closed CHECK (incident_open = 1)
);

-- The incident's lifecycle as the HQ speaks it: phases 警戒 (warning) / 発災 (initial) / 応急
-- (emergency) / 復旧 (recovery) with the time each began, and the HQ's 配備体制 (posture) with its
-- changes. Closed incidents are an archive: the write path refuses every change to them.

-- The phase column gains 'warning'. SQLite cannot alter a CHECK, so the column is replaced by one
-- with the wider CHECK; its existing values (initial / emergency / recovery) keep their meaning.
ALTER TABLE incidents ADD COLUMN phase_now TEXT NOT NULL DEFAULT 'initial'
  CHECK (phase_now IN ('warning', 'initial', 'emergency', 'recovery'));
UPDATE incidents SET phase_now = phase;
ALTER TABLE incidents DROP COLUMN phase;
ALTER TABLE incidents RENAME COLUMN phase_now TO phase;

-- [{phase, beganAt}] oldest first; the last entry is the current phase.
ALTER TABLE incidents ADD COLUMN phases_json TEXT NOT NULL DEFAULT '[]';
UPDATE incidents SET phases_json = json_array(json_object('phase', phase, 'beganAt', onset_at));

-- 注意配備 (attention) / 警戒配備 (warning) / 非常配備 (emergency); NULL until the HQ declares one.
ALTER TABLE incidents ADD COLUMN posture TEXT CHECK (posture IN ('attention', 'warning', 'emergency'));
-- [{posture, since}] oldest first.
ALTER TABLE incidents ADD COLUMN postures_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE incidents ADD COLUMN closed_at TEXT;
CREATE INDEX incidents_archive ON incidents(status, onset_at DESC);

-- Every write batch to an incident's stream starts with a write here; the CHECK aborts the whole
-- batch when the incident is closed, so no route can forget it and it costs no extra round trip.
CREATE TABLE open_incident_guard (
  id  INTEGER PRIMARY KEY CHECK (id = 1),
  ok  INTEGER NOT NULL CONSTRAINT incident_closed CHECK (ok = 1)
);

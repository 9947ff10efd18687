-- After-action reviews of the water & sewer department's relocation drills, in the HSEEP shape of
-- the hospital's: the figures are taken when the drill incident closes and kept, so the next
-- drill shows the trend. Their corrective actions share the hospital's table and rules.
CREATE TABLE relocation_reviews (
  incident_id   TEXT PRIMARY KEY REFERENCES incidents(id),
  unit_id       TEXT NOT NULL REFERENCES units(id),
  title         TEXT NOT NULL,
  onset_at      TEXT NOT NULL,
  ended_at      TEXT NOT NULL,
  figures_json  TEXT NOT NULL,
  created_at    TEXT NOT NULL
);
CREATE INDEX relocation_reviews_by_end ON relocation_reviews(unit_id, ended_at);

-- A corrective action now comes from a hospital drill or a relocation review: exactly one of them.
-- SQLite cannot relax NOT NULL in place, so the table is rebuilt with its rows kept.
CREATE TABLE corrective_actions_next (
  id            TEXT PRIMARY KEY,
  drill_id      TEXT REFERENCES drills(id),
  review_id     TEXT REFERENCES relocation_reviews(incident_id),
  capability    TEXT NOT NULL,
  issue         TEXT NOT NULL,
  action        TEXT NOT NULL,
  owner         TEXT NOT NULL,
  organisation  TEXT NOT NULL,
  due_date      TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'closed')),
  closed_at     TEXT,
  note          TEXT NOT NULL DEFAULT '',
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  CHECK ((drill_id IS NULL) <> (review_id IS NULL))
);
INSERT INTO corrective_actions_next (id, drill_id, review_id, capability, issue, action, owner, organisation, due_date, status, closed_at, note, version, created_at, updated_at)
  SELECT id, drill_id, NULL, capability, issue, action, owner, organisation, due_date, status, closed_at, note, version, created_at, updated_at FROM corrective_actions;
DROP TABLE corrective_actions;
ALTER TABLE corrective_actions_next RENAME TO corrective_actions;
CREATE INDEX corrective_actions_open ON corrective_actions(status, due_date);
CREATE INDEX corrective_actions_by_drill ON corrective_actions(drill_id);
CREATE INDEX corrective_actions_by_review ON corrective_actions(review_id);

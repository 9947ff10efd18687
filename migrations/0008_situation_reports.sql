-- Situation reports (状況報告 第N報): numbered per incident, each stored exactly as produced and
-- never rewritten; a later report corrects an earlier one.
CREATE TABLE situation_reports (
  incident_id       TEXT NOT NULL REFERENCES incidents(id),
  number            INTEGER NOT NULL,
  as_of             TEXT NOT NULL,          -- the instant the content describes
  seq               INTEGER NOT NULL,       -- the incident's change-log seq the content reflects
  produced_by       TEXT NOT NULL,
  produced_by_name  TEXT NOT NULL,
  produced_by_unit  TEXT NOT NULL,
  produced_at       TEXT NOT NULL,
  content_json      TEXT NOT NULL,
  PRIMARY KEY (incident_id, number)
) WITHOUT ROWID;

-- The HQ overview is read every time anything changes in an incident, by every console: what it
-- counts on every read is kept counted at write time instead, and what it picks out it reaches
-- through an index that holds only the rows it wants.

-- Each unit's checklist counted by state. Kept by triggers, so every write that adds, removes or
-- moves an item (whichever route or statement makes it) changes the count in the same
-- transaction; a count that fell to zero stays as a row with n = 0 (readers skip those). Items are
-- never written with INSERT OR REPLACE: the rows REPLACE deletes fire no delete trigger in D1.
CREATE TABLE checklist_progress (
  incident_id TEXT NOT NULL,
  unit_id     TEXT NOT NULL,
  state       TEXT NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (incident_id, unit_id, state)
) WITHOUT ROWID;

INSERT INTO checklist_progress (incident_id, unit_id, state, n)
  SELECT incident_id, unit_id, state, COUNT(*) FROM checklist_items GROUP BY incident_id, unit_id, state;

CREATE TRIGGER checklist_progress_on_insert AFTER INSERT ON checklist_items BEGIN
  INSERT INTO checklist_progress (incident_id, unit_id, state, n) VALUES (NEW.incident_id, NEW.unit_id, NEW.state, 1)
    ON CONFLICT (incident_id, unit_id, state) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER checklist_progress_on_delete AFTER DELETE ON checklist_items BEGIN
  UPDATE checklist_progress SET n = n - 1 WHERE incident_id = OLD.incident_id AND unit_id = OLD.unit_id AND state = OLD.state;
END;

CREATE TRIGGER checklist_progress_on_update AFTER UPDATE OF incident_id, unit_id, state ON checklist_items
  WHEN OLD.incident_id IS NOT NEW.incident_id OR OLD.unit_id IS NOT NEW.unit_id OR OLD.state IS NOT NEW.state
BEGIN
  UPDATE checklist_progress SET n = n - 1 WHERE incident_id = OLD.incident_id AND unit_id = OLD.unit_id AND state = OLD.state;
  INSERT INTO checklist_progress (incident_id, unit_id, state, n) VALUES (NEW.incident_id, NEW.unit_id, NEW.state, 1)
    ON CONFLICT (incident_id, unit_id, state) DO UPDATE SET n = n + 1;
END;

-- Open items with a target, by target: the overdue ones (target before the time since onset) are
-- one range of this index, however many items are closed or have no target.
CREATE INDEX checklist_items_open_by_target ON checklist_items(incident_id, target_minutes)
  WHERE state NOT IN ('done', 'not_applicable') AND target_minutes IS NOT NULL;

-- A running drill's casualties counted by (expected, current tag) straight from the index.
CREATE INDEX drill_casualties_by_tag ON drill_casualties(drill_id, expected, current_category);

-- The facilities (everything but the open-data shelters, which are hundreds) without a scan.
CREATE INDEX sites_facilities ON sites(id) WHERE kind NOT IN ('evacuation_site', 'shelter');

-- The function registry in its display order without a sort.
CREATE INDEX relocation_functions_in_order ON relocation_functions(sort_order, id);

-- The HQ overview counts every unit's checklist by state and picks the overdue items on every
-- read: an index holding exactly those columns answers both without reading the items themselves.
CREATE INDEX checklist_items_progress ON checklist_items(incident_id, unit_id, state, target_minutes);

-- How long a participating unit may stay silent before the HQ's attention queue names it: the
-- incident's own setting, changed by the HQ like any other field of the incident (and logged).
ALTER TABLE incidents ADD COLUMN silent_minutes INTEGER NOT NULL DEFAULT 60;

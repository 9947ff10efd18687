-- What the console knows, and no more.

-- Inundation is known only where an imported layer covers a site (the layer's extent holds it);
-- elsewhere it is unassessed (未判定), never "outside".
ALTER TABLE sites ADD COLUMN inundation_assessed INTEGER NOT NULL DEFAULT 0 CHECK (inundation_assessed IN (0, 1));
UPDATE sites SET inundation_assessed = 1
WHERE EXISTS (SELECT 1 FROM hazard_layers l WHERE sites.lon BETWEEN l.min_lon AND l.max_lon AND sites.lat BETWEEN l.min_lat AND l.max_lat);

-- An illustrative layer (例示: hand-drawn demo data, not the published hazard map) says so wherever it shows.
ALTER TABLE hazard_layers ADD COLUMN illustrative INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1));

-- A template item applies to the units listed (JSON array of unit ids), or to every unit when NULL:
-- the mayor's order of succession is the HQ's item, not the hospital's.
ALTER TABLE checklist_template_items ADD COLUMN unit_ids TEXT;
UPDATE checklist_template_items SET unit_ids = '["hq"]'
WHERE template_id = 'municipal-bcp' AND key IN ('succession-order', 'call-in-sent', 'site-decision', 'site-notice', 'comms-prefecture', 'pb-hq', 'pb-suspend');
UPDATE checklist_template_items SET unit_ids = '["hq","welfare"]' WHERE template_id = 'municipal-bcp' AND key = 'data-victims';

-- When a tag reached the HQ is a delivery receipt kept by the stream's live room (a console of the
-- HQ really had it), no longer a write by whichever HQ browser had the page open.
ALTER TABLE drill_tags DROP COLUMN hq_received_at;
ALTER TABLE drill_tags DROP COLUMN hq_received_by;

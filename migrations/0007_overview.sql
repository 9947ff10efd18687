-- The HQ overview asks, for every unit, when it last reported in an incident: one index lookup
-- per unit instead of a scan of the incident's whole change log.
CREATE INDEX change_log_by_actor_unit ON change_log(stream, actor_unit, at);

-- Since 0014 every write's batch begins with one batch_guard row; no worker now deployed writes to
-- the two guard tables it replaced.
DROP TABLE session_guard;
DROP TABLE open_incident_guard;

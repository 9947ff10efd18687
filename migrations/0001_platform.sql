-- Platform: units, people, sessions, incidents, the sequenced change log and idempotency records.
-- Times are ISO 8601 UTC strings ("2026-11-24T00:00:00.000Z"); the console shows them in JST.

CREATE TABLE units (
  id          TEXT PRIMARY KEY,            -- short code: 'hq', 'water', 'hospital', ...
  name_ja     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('hq', 'department', 'hospital', 'fire', 'other')),
  sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE users (
  id                  TEXT PRIMARY KEY,
  login               TEXT NOT NULL UNIQUE,
  display_name        TEXT NOT NULL,
  unit_id             TEXT NOT NULL REFERENCES units(id),
  role                TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
  password_hash       TEXT NOT NULL,       -- base64 PBKDF2-SHA256
  password_salt       TEXT NOT NULL,       -- base64, per user
  password_iterations INTEGER NOT NULL,
  created_at          TEXT NOT NULL
);

-- The cookie carries a random token; only its SHA-256 is stored, so a leaked table signs nobody in.
CREATE TABLE sessions (
  token_hash  TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users(id),
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions(user_id);

CREATE TABLE sign_in_failures (
  login            TEXT PRIMARY KEY,
  failures         INTEGER NOT NULL,
  first_failed_at  TEXT NOT NULL,
  blocked_until    TEXT
);

CREATE TABLE incidents (
  id          TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('real', 'drill')),
  hazard      TEXT NOT NULL CHECK (hazard IN ('earthquake', 'tsunami', 'flood', 'fire', 'other')),
  onset_at    TEXT NOT NULL,
  phase       TEXT NOT NULL CHECK (phase IN ('initial', 'emergency', 'recovery')),
  status      TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  lead_unit_id TEXT NOT NULL REFERENCES units(id),
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX incidents_by_onset ON incidents(onset_at DESC);

-- One row per change. `stream` is an incident id (or 'standing' for peacetime data);
-- seq is gap-free per stream because it is assigned inside the writing transaction.
CREATE TABLE change_log (
  stream       TEXT NOT NULL,
  seq          INTEGER NOT NULL,
  at           TEXT NOT NULL,
  actor_id     TEXT NOT NULL,
  actor_name   TEXT NOT NULL,
  actor_unit   TEXT NOT NULL,
  entity_type  TEXT NOT NULL,
  entity_id    TEXT NOT NULL,
  op           TEXT NOT NULL,
  before_json  TEXT,
  after_json   TEXT,
  mutation_id  TEXT NOT NULL,
  PRIMARY KEY (stream, seq)
) WITHOUT ROWID;
CREATE INDEX change_log_by_entity ON change_log(entity_type, entity_id);

-- The stored first answer to an Idempotency-Key, written in the same batch as the change.
CREATE TABLE idempotency (
  user_id       TEXT NOT NULL,
  key           TEXT NOT NULL,
  request_hash  TEXT NOT NULL,
  status        INTEGER NOT NULL,
  body          TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (user_id, key)
) WITHOUT ROWID;

-- A batch step that must touch exactly one row is followed by a write here; the CHECK aborts
-- the whole batch (and so the change-log row) when it did not, e.g. on a stale version.
CREATE TABLE write_guard (
  id  INTEGER PRIMARY KEY CHECK (id = 1),
  ok  INTEGER NOT NULL CONSTRAINT stale_write CHECK (ok = 1)
);

-- Kushiro City's units. 'hq' is the disaster HQ secretariat (災害対策本部事務局, 防災危機管理課).
INSERT INTO units (id, name_ja, name_en, kind, sort_order) VALUES
  ('hq',           '災害対策本部（防災危機管理課）', 'Disaster HQ (Disaster Management Div.)', 'hq', 1),
  ('general',      '総務部',                 'General Affairs Dept.',              'department', 2),
  ('policy',       '総合政策部',             'Policy Planning Dept.',              'department', 3),
  ('finance',      '財政部',                 'Finance Dept.',                      'department', 4),
  ('citizens',     '市民環境部',             'Citizens & Environment Dept.',       'department', 5),
  ('welfare',      '福祉部',                 'Welfare Dept.',                      'department', 6),
  ('children',     'こども保健部',           'Children & Health Dept.',            'department', 7),
  ('industry',     '産業振興部',             'Industrial Promotion Dept.',         'department', 8),
  ('port',         '水産港湾空港部',         'Fisheries, Port & Airport Dept.',    'department', 9),
  ('urban',        '都市整備部',             'Urban Development Dept.',            'department', 10),
  ('water',        '上下水道部',             'Water & Sewer Dept.',                'department', 11),
  ('hospital',     '市立釧路総合病院',       'Kushiro City General Hospital',      'hospital', 12),
  ('fire',         '消防本部',               'Fire Department HQ',                 'fire', 13),
  ('education',    '教育委員会',             'Board of Education',                 'department', 14),
  ('akan',         '阿寒町行政センター',     'Akan Administrative Centre',         'other', 15),
  ('onbetsu',      '音別町行政センター',     'Onbetsu Administrative Centre',      'other', 16),
  ('accounting',   '会計室',                 'Accounting Office',                  'department', 17),
  ('assembly',     '議会事務局',             'Assembly Secretariat',               'other', 18),
  ('agriculture',  '農業委員会事務局',       'Agricultural Committee Secretariat', 'other', 19),
  ('audit',        '監査委員事務局',         'Audit Secretariat',                  'other', 20);

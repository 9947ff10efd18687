-- Hospital drills: triage scenarios with their START key, drills and their live tags, fire drill
-- milestones, after-action reports with corrective actions, and the hospital status board.
-- Times are ISO 8601 UTC strings; booleans are 0/1; NULL means "not observed / not yet".

CREATE TABLE scenarios (
  id              TEXT PRIMARY KEY,
  title           TEXT NOT NULL,
  description     TEXT NOT NULL DEFAULT '',
  hazard          TEXT NOT NULL,
  casualty_count  INTEGER NOT NULL,
  version         INTEGER NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  created_by      TEXT                      -- NULL for the scenario shipped with the console
);

-- The casualty card columns are shared by scenario cards and their copies in a drill.
CREATE TABLE scenario_casualties (
  id                      TEXT PRIMARY KEY,
  scenario_id             TEXT NOT NULL REFERENCES scenarios(id),
  sort_order              INTEGER NOT NULL,
  tag_number              TEXT NOT NULL,
  description             TEXT NOT NULL,
  age                     INTEGER,
  can_walk                INTEGER NOT NULL,
  breathing               INTEGER NOT NULL,
  breathing_after_airway  INTEGER,
  respiratory_rate        INTEGER,
  radial_pulse            INTEGER,
  capillary_refill_s      REAL,
  follows_commands        INTEGER,
  start_category          TEXT NOT NULL CHECK (start_category IN ('green', 'yellow', 'red', 'black')),
  expected                TEXT NOT NULL CHECK (expected IN ('green', 'yellow', 'red', 'black')),
  override_category       TEXT CHECK (override_category IN ('green', 'yellow', 'red', 'black')),
  override_reason         TEXT,
  version                 INTEGER NOT NULL DEFAULT 1,
  UNIQUE (scenario_id, tag_number)
);
CREATE INDEX scenario_casualties_by_scenario ON scenario_casualties(scenario_id, sort_order);

CREATE TABLE drills (
  id                 TEXT PRIMARY KEY,
  kind               TEXT NOT NULL CHECK (kind IN ('triage', 'fire')),
  title              TEXT NOT NULL,
  scheduled_at       TEXT NOT NULL,
  place              TEXT NOT NULL,
  objectives_json    TEXT NOT NULL,
  participants_json  TEXT NOT NULL,
  zones_json         TEXT NOT NULL,
  targets_json       TEXT NOT NULL,       -- fire drill milestone targets
  scenario_id        TEXT REFERENCES scenarios(id),
  scenario_title     TEXT,
  incident_id        TEXT REFERENCES incidents(id),
  unit_id            TEXT NOT NULL REFERENCES units(id),
  status             TEXT NOT NULL CHECK (status IN ('planned', 'running', 'ended', 'reviewed', 'cancelled')),
  started_at         TEXT,
  ended_at           TEXT,
  reviewed_at        TEXT,
  cancelled_at       TEXT,
  cancel_reason      TEXT,
  casualty_count     INTEGER NOT NULL DEFAULT 0,
  score_json         TEXT,                -- the score as computed when the drill ended
  version            INTEGER NOT NULL DEFAULT 1,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  created_by         TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX drills_by_kind ON drills(kind, ended_at);
CREATE INDEX drills_by_incident ON drills(incident_id);

-- A drill's own copy of its scenario's cards, so editing a scenario never rewrites a past drill.
CREATE TABLE drill_casualties (
  id                      TEXT PRIMARY KEY,
  drill_id                TEXT NOT NULL REFERENCES drills(id),
  sort_order              INTEGER NOT NULL,
  tag_number              TEXT NOT NULL,
  description             TEXT NOT NULL,
  age                     INTEGER,
  can_walk                INTEGER NOT NULL,
  breathing               INTEGER NOT NULL,
  breathing_after_airway  INTEGER,
  respiratory_rate        INTEGER,
  radial_pulse            INTEGER,
  capillary_refill_s      REAL,
  follows_commands        INTEGER,
  start_category          TEXT NOT NULL,
  expected                TEXT NOT NULL,
  override_category       TEXT,
  override_reason         TEXT,
  current_category        TEXT CHECK (current_category IN ('green', 'yellow', 'red', 'black')),
  current_zone_id         TEXT,
  first_tagged_at         TEXT,
  last_tagged_at          TEXT,
  tag_count               INTEGER NOT NULL DEFAULT 0,
  version                 INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX drill_casualties_by_drill ON drill_casualties(drill_id, sort_order);

-- Every tag and re-tag, kept: the history is what scoring and the after-action report read.
CREATE TABLE drill_tags (
  id                 TEXT PRIMARY KEY,
  drill_id           TEXT NOT NULL REFERENCES drills(id),
  casualty_id        TEXT NOT NULL REFERENCES drill_casualties(id),
  tag_number         TEXT NOT NULL,
  category           TEXT NOT NULL CHECK (category IN ('green', 'yellow', 'red', 'black')),
  zone_id            TEXT NOT NULL,
  officer_id         TEXT,
  officer_name       TEXT NOT NULL,
  tagged_by          TEXT NOT NULL REFERENCES users(id),
  tagged_at          TEXT NOT NULL,
  previous_category  TEXT,
  previous_zone_id   TEXT,
  hq_received_at     TEXT,                -- when the disaster HQ's console first showed it
  hq_received_by     TEXT
);
CREATE INDEX drill_tags_by_drill ON drill_tags(drill_id, tagged_at);

CREATE TABLE drill_milestones (
  drill_id       TEXT NOT NULL REFERENCES drills(id),
  key            TEXT NOT NULL,
  reached_at     TEXT NOT NULL,
  recorded_by    TEXT NOT NULL,
  PRIMARY KEY (drill_id, key)
) WITHOUT ROWID;

-- After-action report (HSEEP): one per drill, opened when the drill ends.
CREATE TABLE drill_reports (
  drill_id            TEXT PRIMARY KEY REFERENCES drills(id),
  summary             TEXT NOT NULL DEFAULT '',
  strengths_json      TEXT NOT NULL DEFAULT '[]',
  improvements_json   TEXT NOT NULL DEFAULT '[]',
  ratings_json        TEXT NOT NULL DEFAULT '[]',
  version             INTEGER NOT NULL DEFAULT 1,
  updated_at          TEXT NOT NULL,
  updated_by          TEXT
);

-- Improvement plan: corrective actions tracked to closure, often for months after the drill.
CREATE TABLE corrective_actions (
  id            TEXT PRIMARY KEY,
  drill_id      TEXT NOT NULL REFERENCES drills(id),
  capability    TEXT NOT NULL,
  issue         TEXT NOT NULL,
  action        TEXT NOT NULL,
  owner         TEXT NOT NULL,
  organisation  TEXT NOT NULL,
  due_date      TEXT NOT NULL,              -- YYYY-MM-DD, a JST calendar date
  status        TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'closed')),
  closed_at     TEXT,
  note          TEXT NOT NULL DEFAULT '',
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX corrective_actions_open ON corrective_actions(status, due_date);
CREATE INDEX corrective_actions_by_drill ON corrective_actions(drill_id);

-- The hospital's continuity figures during an incident (EMIS / HICS 251). History is the change log.
CREATE TABLE hospital_status (
  incident_id          TEXT PRIMARY KEY REFERENCES incidents(id),
  beds_json            TEXT NOT NULL,
  generator_fuel_hours REAL,
  water_days           REAL,
  food_days            REAL,
  medicine_days        REAL,
  triage_tag_stock     INTEGER,
  surge_capacity       INTEGER,
  power                TEXT NOT NULL,
  water_supply         TEXT NOT NULL,
  note                 TEXT NOT NULL DEFAULT '',
  version              INTEGER NOT NULL DEFAULT 1,
  updated_at           TEXT NOT NULL,
  updated_by           TEXT NOT NULL
);

-- Shipped scenario: the 2011-type tsunami reaching Kushiro's waterfront (錦町, MOO, the fishing port).
INSERT INTO scenarios (id, title, description, hazard, casualty_count, version, created_at, updated_at, created_by) VALUES
  ('seed-tsunami-kushiro', '津波による多数傷病者受入れ（釧路港湾部）',
   '冬季の夕刻、千島海溝沿いの地震により大津波警報。錦町・MOO周辺と漁港が浸水し、救出された傷病者30名が市立釧路総合病院へ搬送される想定。正面玄関でSTART法による一次トリアージを行う。',
   'tsunami', 30, 1, '2026-04-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', NULL);

INSERT INTO scenario_casualties (id, scenario_id, sort_order, tag_number, description, age, can_walk, breathing, breathing_after_airway,
  respiratory_rate, radial_pulse, capillary_refill_s, follows_commands, start_category, expected, override_category, override_reason) VALUES
  ('seed-tsunami-01', 'seed-tsunami-kushiro', 0, 'T-01', '錦町の岸壁から自力で避難。両手に擦過傷、衣服が濡れ寒気を訴える', 34, 1, 1, NULL, 22, 1, 1.5, 1, 'green', 'green', NULL, NULL),
  ('seed-tsunami-02', 'seed-tsunami-kushiro', 1, 'T-02', 'MOO前で津波に流され救出。咳込みあり、歩行可能', 58, 1, 1, NULL, 24, 1, 2, 1, 'green', 'green', NULL, NULL),
  ('seed-tsunami-03', 'seed-tsunami-kushiro', 2, 'T-03', '漁港作業員。右足首を捻挫、支えがあれば歩ける', 45, 1, 1, NULL, 18, 1, 1, 1, 'green', 'green', NULL, NULL),
  ('seed-tsunami-04', 'seed-tsunami-kushiro', 3, 'T-04', '右大腿部変形（骨折疑い）、歩行不能、意識清明', 67, 0, 1, NULL, 22, 1, 2, 1, 'yellow', 'yellow', NULL, NULL),
  ('seed-tsunami-05', 'seed-tsunami-kushiro', 4, 'T-05', 'がれきの下敷き後に救出。呼吸数36回/分、顔面蒼白', 52, 0, 1, NULL, 36, 1, 3, 1, 'red', 'red', NULL, NULL),
  ('seed-tsunami-06', 'seed-tsunami-kushiro', 5, 'T-06', '水没車両から救出。呼吸なし、気道確保後も呼吸なし', 73, 0, 0, 0, NULL, 0, NULL, 0, 'black', 'black', NULL, NULL),
  ('seed-tsunami-07', 'seed-tsunami-kushiro', 6, 'T-07', '頭部打撲、呼びかけに反応するが指示に従えない', 40, 0, 1, NULL, 24, 1, 2, 0, 'red', 'red', NULL, NULL),
  ('seed-tsunami-08', 'seed-tsunami-kushiro', 7, 'T-08', '腹部打撲、腹痛の訴え、橈骨動脈触知せず', 61, 0, 1, NULL, 28, 0, 4, 1, 'red', 'red', NULL, NULL),
  ('seed-tsunami-09', 'seed-tsunami-kushiro', 8, 'T-09', '低体温症疑い、震えあり、歩行不能', 80, 0, 1, NULL, 16, 1, 2, 1, 'yellow', 'yellow', NULL, NULL),
  ('seed-tsunami-10', 'seed-tsunami-kushiro', 9, 'T-10', '左前腕開放骨折、出血は圧迫で止血、歩行不能', 29, 0, 1, NULL, 24, 1, 1.5, 1, 'yellow', 'yellow', NULL, NULL),
  ('seed-tsunami-11', 'seed-tsunami-kushiro', 10, 'T-11', '海水を大量に誤嚥。呼吸なし、気道確保で呼吸再開', 66, 0, 0, 1, 8, 1, NULL, NULL, 'red', 'red', NULL, NULL),
  ('seed-tsunami-12', 'seed-tsunami-kushiro', 11, 'T-12', '避難所から搬送。軽度の胸痛、自力歩行可', 71, 1, 1, NULL, 20, 1, 2, 1, 'green', 'green', NULL, NULL),
  ('seed-tsunami-13', 'seed-tsunami-kushiro', 12, 'T-13', '5歳児。呼吸数40回/分、啼泣あり、歩行不能', 5, 0, 1, NULL, 40, 1, 2, 1, 'red', 'yellow', 'yellow', '小児のためJumpSTARTで判定：呼吸数15〜45回/分は正常範囲、末梢循環良好'),
  ('seed-tsunami-14', 'seed-tsunami-kushiro', 13, 'T-14', '背部痛、歩行不能、呼吸数26回/分、指示に従う', 55, 0, 1, NULL, 26, 1, 2, 1, 'yellow', 'yellow', NULL, NULL),
  ('seed-tsunami-15', 'seed-tsunami-kushiro', 14, 'T-15', '骨盤部の痛み、ショック症状（冷汗、CRT 3秒）', 48, 0, 1, NULL, 28, 1, 3, 1, 'red', 'red', NULL, NULL),
  ('seed-tsunami-16', 'seed-tsunami-kushiro', 15, 'T-16', '顔面の切創、出血あるが歩行可', 23, 1, 1, NULL, 20, 1, 1, 1, 'green', 'green', NULL, NULL),
  ('seed-tsunami-17', 'seed-tsunami-kushiro', 16, 'T-17', '高齢者施設から避難中に転倒、左手首の痛み、歩行可', 84, 1, 1, NULL, 18, 1, 2, 1, 'green', 'green', NULL, NULL),
  ('seed-tsunami-18', 'seed-tsunami-kushiro', 17, 'T-18', '津波に巻き込まれ溺水。呼吸なし、気道確保後も呼吸なし', 39, 0, 0, 0, NULL, NULL, NULL, 0, 'black', 'black', NULL, NULL),
  ('seed-tsunami-19', 'seed-tsunami-kushiro', 18, 'T-19', '胸部打撲、呼吸数32回/分、呼吸困難の訴え', 63, 0, 1, NULL, 32, 1, 2, 1, 'red', 'red', NULL, NULL),
  ('seed-tsunami-20', 'seed-tsunami-kushiro', 19, 'T-20', '両下肢挫滅（がれき下敷き）、意識もうろう、指示に従えない', 50, 0, 1, NULL, 28, 1, 3, 0, 'red', 'red', NULL, NULL),
  ('seed-tsunami-21', 'seed-tsunami-kushiro', 20, 'T-21', '妊娠30週の妊婦、腹部の張りを訴える、歩行不能', 31, 0, 1, NULL, 22, 1, 2, 1, 'yellow', 'yellow', NULL, NULL),
  ('seed-tsunami-22', 'seed-tsunami-kushiro', 21, 'T-22', '右肩脱臼疑い、強い痛み、歩行可', 42, 1, 1, NULL, 22, 1, 1, 1, 'green', 'green', NULL, NULL),
  ('seed-tsunami-23', 'seed-tsunami-kushiro', 22, 'T-23', '軽度の熱傷（灯油ストーブ転倒）、歩行可', 36, 1, 1, NULL, 20, 1, 1, 1, 'green', 'green', NULL, NULL),
  ('seed-tsunami-24', 'seed-tsunami-kushiro', 23, 'T-24', '漂流物で頭部挫創、意識清明、めまいで歩行不能', 57, 0, 1, NULL, 20, 1, 2, 1, 'yellow', 'yellow', NULL, NULL),
  ('seed-tsunami-25', 'seed-tsunami-kushiro', 24, 'T-25', '糖尿病の持病、薬を流失、倦怠感、歩行可', 69, 1, 1, NULL, 18, 1, 2, 1, 'green', 'green', NULL, NULL),
  ('seed-tsunami-26', 'seed-tsunami-kushiro', 25, 'T-26', '泥水の誤嚥、咳込み、呼吸数28回/分、歩行不能', 76, 0, 1, NULL, 28, 1, 2, 1, 'yellow', 'yellow', NULL, NULL),
  ('seed-tsunami-27', 'seed-tsunami-kushiro', 26, 'T-27', '上腕からの拍動性出血、橈骨動脈触知せず', 33, 0, 1, NULL, 30, 0, NULL, 1, 'red', 'red', NULL, NULL),
  ('seed-tsunami-28', 'seed-tsunami-kushiro', 27, 'T-28', '避難中に転落、意識なし、呼吸なし、気道確保後も呼吸なし', 60, 0, 0, 0, NULL, NULL, NULL, 0, 'black', 'black', NULL, NULL),
  ('seed-tsunami-29', 'seed-tsunami-kushiro', 28, 'T-29', '両膝の擦過傷、不安が強いが歩行可', 15, 1, 1, NULL, 24, 1, 1, 1, 'green', 'green', NULL, NULL),
  ('seed-tsunami-30', 'seed-tsunami-kushiro', 29, 'T-30', '車いす利用者、自力歩行不能、外傷なし、バイタル安定', 78, 0, 1, NULL, 18, 1, 1.5, 1, 'yellow', 'yellow', NULL, NULL);


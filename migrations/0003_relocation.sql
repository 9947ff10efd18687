-- Water & sewer HQ relocation (上下水道部庁舎機能の移転): sites, inundation hazard layers, the
-- function registry, alternate-site readiness, the per-incident relocation board and the liaison
-- log (連絡・報告) between units. Times are ISO 8601 UTC strings.

-- Facilities. Inundation columns are computed from the imported hazard layers, never typed in.
CREATE TABLE sites (
  id              TEXT PRIMARY KEY,
  name_ja         TEXT NOT NULL,
  name_en         TEXT NOT NULL DEFAULT '',
  kind            TEXT NOT NULL CHECK (kind IN ('office', 'treatment_plant', 'sewage_plant', 'pump_station', 'reservoir',
                                                 'alternate_site', 'depot', 'hospital', 'evacuation_site', 'shelter', 'other')),
  address         TEXT NOT NULL DEFAULT '',
  lat             REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon             REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
  status          TEXT NOT NULL DEFAULT 'operational' CHECK (status IN ('operational', 'degraded', 'unusable')),
  status_note     TEXT NOT NULL DEFAULT '',
  -- The unit that keeps this site's record; NULL for open-data shelters (admins keep them).
  unit_id         TEXT REFERENCES units(id),
  source          TEXT NOT NULL DEFAULT 'city' CHECK (source IN ('city', 'gsi')),
  designations    TEXT NOT NULL DEFAULT '',   -- hazards an emergency evacuation site is designated for
  note            TEXT NOT NULL DEFAULT '',
  in_inundation   INTEGER NOT NULL DEFAULT 0 CHECK (in_inundation IN (0, 1)),
  depth_class     TEXT,                       -- A40_003 label of the deepest polygon the site lies in
  depth_rank      REAL,                       -- lower bound in metres of that class, for ordering and colour
  hazard_layer_id TEXT,
  version         INTEGER NOT NULL DEFAULT 1,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT
);
CREATE INDEX sites_by_kind ON sites(kind);

-- Alternate-site readiness (代替拠点の準備状況): one row per check per site.
CREATE TABLE site_readiness (
  site_id         TEXT NOT NULL REFERENCES sites(id),
  check_key       TEXT NOT NULL CHECK (check_key IN ('power', 'fuel', 'comms', 'network', 'drawings', 'water_food', 'access', 'staff')),
  status          TEXT NOT NULL DEFAULT 'unchecked' CHECK (status IN ('unchecked', 'ok', 'failed')),
  critical        INTEGER NOT NULL CHECK (critical IN (0, 1)),
  value           REAL,                       -- fuel: hours of generator running; staff: people present
  note            TEXT NOT NULL DEFAULT '',
  checked_at      TEXT,
  checked_by      TEXT,
  checked_by_name TEXT,
  version         INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (site_id, check_key)
) WITHOUT ROWID;

-- Imported hazard layers (e.g. 国土数値情報 A40 津波浸水想定). Geometry lives one feature per row
-- because D1 caps a row at 2 MB while a layer may be larger.
CREATE TABLE hazard_layers (
  id               TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  hazard           TEXT NOT NULL CHECK (hazard IN ('tsunami', 'flood', 'storm_surge', 'other')),
  source           TEXT NOT NULL DEFAULT '',
  depth_property   TEXT NOT NULL,
  feature_count    INTEGER NOT NULL,
  bytes            INTEGER NOT NULL,
  min_lon REAL NOT NULL, min_lat REAL NOT NULL, max_lon REAL NOT NULL, max_lat REAL NOT NULL,
  imported_at      TEXT NOT NULL,
  imported_by      TEXT NOT NULL,
  imported_by_name TEXT NOT NULL
);

CREATE TABLE hazard_polygons (
  layer_id    TEXT NOT NULL REFERENCES hazard_layers(id),
  idx         INTEGER NOT NULL,
  depth_class TEXT,
  depth_rank  REAL,
  min_lon REAL NOT NULL, min_lat REAL NOT NULL, max_lon REAL NOT NULL, max_lat REAL NOT NULL,
  coordinates TEXT NOT NULL,                  -- MultiPolygon coordinates, [lon, lat]
  PRIMARY KEY (layer_id, idx)
);
CREATE INDEX hazard_polygons_by_box ON hazard_polygons(min_lon, max_lon);

-- The department's functions (業務) and where they run in normal times and in a relocation.
CREATE TABLE relocation_functions (
  id                 TEXT PRIMARY KEY,
  unit_id            TEXT NOT NULL REFERENCES units(id),
  name_ja            TEXT NOT NULL,
  name_en            TEXT NOT NULL DEFAULT '',
  description        TEXT NOT NULL DEFAULT '',
  priority           INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),  -- 1 = first to restore
  target_minutes     INTEGER NOT NULL CHECK (target_minutes > 0),        -- from the onset
  staff_needed       INTEGER NOT NULL CHECK (staff_needed >= 0),
  equipment          TEXT NOT NULL DEFAULT '[]',                        -- JSON array of strings
  primary_site_id    TEXT NOT NULL REFERENCES sites(id),
  alternate_site_ids TEXT NOT NULL DEFAULT '[]',                        -- JSON array, preferred first
  sort_order         INTEGER NOT NULL DEFAULT 0,
  version            INTEGER NOT NULL DEFAULT 1,
  updated_at         TEXT NOT NULL,
  updated_by         TEXT
);

-- The relocation board: where each function is in one incident. A function with no row is
-- still at its primary site (rows appear with the first move).
CREATE TABLE relocations (
  incident_id     TEXT NOT NULL REFERENCES incidents(id),
  function_id     TEXT NOT NULL REFERENCES relocation_functions(id),
  state           TEXT NOT NULL CHECK (state IN ('at_primary', 'relocating', 'operational_at_alternate', 'suspended', 'returning')),
  site_id         TEXT REFERENCES sites(id),
  since           TEXT NOT NULL,
  operational_at  TEXT,                       -- first time it worked at an alternate site in this incident
  staff_present   INTEGER NOT NULL DEFAULT 0,
  override_reason TEXT,
  note            TEXT NOT NULL DEFAULT '',
  version         INTEGER NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  updated_by_name TEXT NOT NULL,
  PRIMARY KEY (incident_id, function_id)
) WITHOUT ROWID;

-- Every move on the board: who, when, where.
CREATE TABLE relocation_moves (
  id              TEXT PRIMARY KEY,
  incident_id     TEXT NOT NULL REFERENCES incidents(id),
  function_id     TEXT NOT NULL REFERENCES relocation_functions(id),
  from_state      TEXT NOT NULL,
  to_state        TEXT NOT NULL,
  site_id         TEXT REFERENCES sites(id),
  at              TEXT NOT NULL,
  by_user         TEXT NOT NULL,
  by_name         TEXT NOT NULL,
  by_unit         TEXT NOT NULL,
  staff_present   INTEGER NOT NULL,
  note            TEXT NOT NULL DEFAULT '',
  override_reason TEXT
);
CREATE INDEX relocation_moves_by_function ON relocation_moves(incident_id, function_id, at);

-- The liaison log (連絡・報告): reports, orders and requests between units, acknowledged by the receiver.
CREATE TABLE liaison_messages (
  id                   TEXT PRIMARY KEY,
  incident_id          TEXT NOT NULL REFERENCES incidents(id),
  thread_id            TEXT NOT NULL,         -- the first message's id; replies share it
  parent_id            TEXT REFERENCES liaison_messages(id),
  kind                 TEXT NOT NULL CHECK (kind IN ('report', 'order', 'request')),
  priority             TEXT NOT NULL CHECK (priority IN ('urgent', 'high', 'normal')),
  from_unit_id         TEXT NOT NULL REFERENCES units(id),
  to_unit_id           TEXT NOT NULL REFERENCES units(id),
  body                 TEXT NOT NULL,
  function_id          TEXT REFERENCES relocation_functions(id),
  site_id              TEXT REFERENCES sites(id),
  sent_at              TEXT NOT NULL,
  sent_by              TEXT NOT NULL,
  sent_by_name         TEXT NOT NULL,
  acknowledged_at      TEXT,
  acknowledged_by      TEXT,
  acknowledged_by_name TEXT,
  version              INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX liaison_by_incident ON liaison_messages(incident_id, sent_at);

-- One row of settings for this area.
CREATE TABLE relocation_settings (
  id                  INTEGER PRIMARY KEY CHECK (id = 1),
  liaison_ack_minutes INTEGER NOT NULL CHECK (liaison_ack_minutes BETWEEN 1 AND 1440),
  fuel_hours_required INTEGER NOT NULL CHECK (fuel_hours_required BETWEEN 1 AND 720),
  tile_url            TEXT NOT NULL,          -- '' draws vector layers only
  tile_attribution    TEXT NOT NULL,
  version             INTEGER NOT NULL DEFAULT 1,
  updated_at          TEXT NOT NULL
);
INSERT INTO relocation_settings (id, liaison_ack_minutes, fuel_hours_required, tile_url, tile_attribution, updated_at)
VALUES (1, 10, 72, 'https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png', '国土地理院', '2026-11-24T00:00:00.000Z');

-- Kushiro's own places (DOMAIN.md). The 防災庁舎 and MOO points are placed beside their addresses.
INSERT INTO sites (id, name_ja, name_en, kind, address, lat, lon, unit_id, note, updated_at) VALUES
  ('city-hall',   '釧路市役所本庁舎',         'Kushiro City Hall',                 'office',   '釧路市黒金町7丁目5番地', 42.98500, 144.38167, 'general',  '電気室が地下にあり津波浸水の恐れ', '2026-11-24T00:00:00.000Z'),
  ('bousai',      '防災庁舎',                 'Disaster Prevention Building',      'office',   '釧路市黒金町8丁目2番',   42.98560, 144.38080, 'hq',       '全庁の災害対策本部', '2026-11-24T00:00:00.000Z'),
  ('water-hq',    '上下水道部庁舎',           'Water & Sewer Dept. Building',      'office',   '釧路市南大通2丁目1番',   42.97856, 144.38329, 'water',    '上下水道災害対策本部の所在地', '2026-11-24T00:00:00.000Z'),
  ('hospital',    '市立釧路総合病院',         'Kushiro City General Hospital',     'hospital', '釧路市春湖台1-12',       42.97722, 144.40361, 'hospital', '643床', '2026-11-24T00:00:00.000Z'),
  ('moo',         '釧路フィッシャーマンズワーフMOO', 'MOO (Fisherman''s Wharf)',    'office',   '釧路市錦町2丁目4',       42.98445, 144.38635, 'industry', '2011年の津波で浸水し行政機能を一時喪失', '2026-11-24T00:00:00.000Z');

-- Illustrative water & sewer facilities and alternate sites for drills: names and points are
-- examples placed on higher ground or inland, not the department's published facility list.
INSERT INTO sites (id, name_ja, name_en, kind, address, lat, lon, unit_id, note, updated_at) VALUES
  ('alt-tottori', '上下水道部 代替拠点（鳥取資材センター）', 'Water alternate base (Tottori depot)', 'alternate_site', '釧路市鳥取南（例示）', 42.99480, 144.34520, 'water', '位置・名称は訓練用の例示', '2026-11-24T00:00:00.000Z'),
  ('aikoku-wtp',  '愛国浄水場 管理棟',        'Aikoku water treatment plant',      'treatment_plant', '釧路市愛国（例示）',   43.01800, 144.37300, 'water', '位置は訓練用の例示', '2026-11-24T00:00:00.000Z'),
  ('furukawa-stp','古川下水処理センター',     'Furukawa sewage treatment centre',  'sewage_plant',    '釧路市古川町（例示）', 42.99070, 144.40060, 'water', '位置・名称は訓練用の例示', '2026-11-24T00:00:00.000Z'),
  ('otanoshike-stp','大楽毛下水処理センター', 'Otanoshike sewage treatment centre','sewage_plant',    '釧路市大楽毛（例示）', 42.98800, 144.26300, 'water', '位置・名称は訓練用の例示', '2026-11-24T00:00:00.000Z'),
  ('hamacho-ps',  '浜町ポンプ場',             'Hamacho pump station',              'pump_station',    '釧路市浜町（例示）',   42.97950, 144.39200, 'water', '位置は訓練用の例示', '2026-11-24T00:00:00.000Z'),
  ('shinfuji-ps', '新富士ポンプ場',           'Shin-Fuji pump station',            'pump_station',    '釧路市新富士町（例示）', 42.97700, 144.34800, 'water', '位置は訓練用の例示', '2026-11-24T00:00:00.000Z'),
  ('harutori-res','春採配水池',               'Harutori distribution reservoir',   'reservoir',       '釧路市春採（例示）',   42.97400, 144.41100, 'water', '位置は訓練用の例示', '2026-11-24T00:00:00.000Z'),
  ('midori-base', '緑ケ岡 給水車基地',        'Midorigaoka water-truck base',      'depot',           '釧路市緑ケ岡（例示）', 42.99300, 144.39800, 'water', '位置・名称は訓練用の例示', '2026-11-24T00:00:00.000Z');

-- Every site except open-data shelters carries the readiness checklist; power, fuel,
-- communications, terminals/network and keys/access are the critical ones.
INSERT INTO site_readiness (site_id, check_key, critical)
SELECT s.id, c.column1, c.column2 FROM sites s,
  (VALUES ('power', 1), ('fuel', 1), ('comms', 1), ('network', 1), ('drawings', 0), ('water_food', 0), ('access', 1), ('staff', 0)) c
WHERE s.source = 'city';

-- A drill-ready picture: two alternates checked, one with its network still down.
UPDATE site_readiness SET status = 'ok', checked_at = '2026-11-20T01:00:00.000Z', checked_by_name = '上下水道部 総務課'
 WHERE site_id IN ('aikoku-wtp', 'bousai', 'alt-tottori', 'midori-base') AND check_key <> 'staff';
UPDATE site_readiness SET value = 72 WHERE site_id IN ('aikoku-wtp', 'bousai', 'alt-tottori', 'midori-base') AND check_key = 'fuel';
UPDATE site_readiness SET status = 'failed', note = '庁内LAN未接続（回線工事待ち）'
 WHERE site_id = 'midori-base' AND check_key = 'network';

-- The department's functions, with the targets of its BCP (counted from the onset).
INSERT INTO relocation_functions (id, unit_id, name_ja, name_en, description, priority, target_minutes, staff_needed, equipment, primary_site_id, alternate_site_ids, sort_order, updated_at) VALUES
  ('fn-water-hq',   'water', '上下水道災害対策本部の運営',   'Water & sewer disaster HQ',            '本部長・副本部長・班長の参集、被害情報の集約、全庁の災害対策本部との連絡', 1, 60,    8,  '["衛星携帯電話","MCA無線","管路図","ホワイトボード"]', 'water-hq', '["aikoku-wtp","bousai"]', 1, '2026-11-24T00:00:00.000Z'),
  ('fn-monitoring', 'water', '配水監視（テレメータ）',       'Distribution monitoring (telemetry)',  '配水池水位・配水圧の監視と弁操作の指示', 1, 60, 3, '["監視端末","テレメータ回線","非常用発電機"]', 'water-hq', '["aikoku-wtp"]', 2, '2026-11-24T00:00:00.000Z'),
  ('fn-plants',     'water', '浄水場・下水処理場・ポンプ場の運転監視', 'Treatment plant and pump station monitoring', '処理場・ポンプ場の運転状況と停電・浸水の確認', 1, 180, 6, '["監視端末","燃料","可搬式ポンプ"]', 'water-hq', '["furukawa-stp","aikoku-wtp"]', 3, '2026-11-24T00:00:00.000Z'),
  ('fn-supply',     'water', '応急給水の指揮・給水車配車',   'Emergency water supply dispatch',      '給水拠点の開設と給水車の配車（目標：3日目まで1人1日3L）', 1, 180, 10, '["給水車","給水タンク","給水袋","車両無線"]', 'water-hq', '["midori-base","alt-tottori"]', 4, '2026-11-24T00:00:00.000Z'),
  ('fn-pipes',      'water', '管路被害調査・応急復旧',       'Pipe damage survey and emergency repair', '漏水・破損箇所の調査、応急復旧工事の指示、工事業者との調整', 2, 1440, 12, '["管路図・台帳","漏水探知機","掘削資機材","業者連絡網"]', 'water-hq', '["alt-tottori","midori-base"]', 5, '2026-11-24T00:00:00.000Z'),
  ('fn-customers',  'water', 'お客様対応（断水・濁水の問合せ）', 'Customer calls',                  '断水・濁水・給水所の問合せ受付と広報', 2, 1440, 6, '["電話回線","お客様情報端末"]', 'water-hq', '["city-hall","alt-tottori"]', 6, '2026-11-24T00:00:00.000Z'),
  ('fn-procurement','water', '資機材・燃料の調達',           'Procurement of materials and fuel',    '協定業者・日本水道協会への応援要請と資機材・燃料の確保', 3, 4320, 3, '["調達台帳","協定業者リスト"]', 'water-hq', '["city-hall"]', 7, '2026-11-24T00:00:00.000Z'),
  ('fn-billing',    'water', '料金・会計事務',               'Billing and accounts',                 '検針・料金の減免受付、支払事務（非常時は一時休止可）', 4, 20160, 2, '["料金システム端末"]', 'water-hq', '["city-hall"]', 8, '2026-11-24T00:00:00.000Z');

-- BEGIN generated shelters (scripts/shelters-to-sql.mjs)
-- 出典：国土地理院「指定緊急避難場所・指定避難所データ」（国土地理院コンテンツ利用規約）. 344 sites.
INSERT INTO sites (id, name_ja, kind, address, lat, lon, designations, note, source, unit_id, updated_at)
SELECT column1, column2, column3, column4, column5, column6, column7, column8, 'gsi', NULL, '2026-11-24T00:00:00.000Z' FROM (VALUES
  ('gsi-E0120600010201', '阿寒町行政センター２階・３階', 'evacuation_site', '北海道釧路市阿寒町中央1-4-1', 43.112689, 144.12353, '津波', ''),
  ('gsi-E0120600011201', '阿寒町スポーツセンター１階・２階', 'evacuation_site', '北海道釧路市阿寒町中央1-6-1', 43.11354, 144.122917, '津波', ''),
  ('gsi-E0120600013201', '阿寒町公民館１階・２階', 'evacuation_site', '北海道釧路市阿寒町中央2-4', 43.115543, 144.12384, '津波', ''),
  ('gsi-E0120600017201', '阿寒小学校１階・２階', 'evacuation_site', '北海道釧路市阿寒町富士見1-17', 43.106522, 144.126315, '津波', ''),
  ('gsi-E0120600022201', '阿寒中学校１階・２階', 'evacuation_site', '北海道釧路市阿寒町北新町2-4', 43.118283, 144.125976, '津波', ''),
  ('gsi-E0120600024201', '中部地区コミュニティセンター（コアかがやき）１～２階', 'evacuation_site', '北海道釧路市愛国191-5511', 43.025267, 144.398421, '津波', ''),
  ('gsi-E0120600025201', '釧路中央ＩＣ避難高台広場', 'evacuation_site', '北海道釧路市愛国１９１地先', 43.028927, 144.401003, '津波', ''),
  ('gsi-E0120600026201', '愛国小学校２～３階', 'evacuation_site', '北海道釧路市愛国西1-25', 43.012082, 144.386668, '津波', ''),
  ('gsi-E0120600028201', '明輝高等学校３階・４階', 'evacuation_site', '北海道釧路市愛国西1-38', 43.015155, 144.385461, '津波', ''),
  ('gsi-E0120600033201', '旭改良住宅４階～９階', 'evacuation_site', '北海道釧路市旭町12', 42.98536, 144.391635, '津波', ''),
  ('gsi-E0120600034201', '総合福祉センター３～４階', 'evacuation_site', '北海道釧路市旭町12-3', 42.985239, 144.391078, '津波', ''),
  ('gsi-E0120600261201', 'コーディアルタウン旭橋４～１０階', 'evacuation_site', '北海道釧路市旭町24', 42.986238, 144.393769, '津波', ''),
  ('gsi-E0120600035201', '芦野小学校２～３階', 'evacuation_site', '北海道釧路市芦野1-13', 43.011674, 144.398981, '津波', ''),
  ('gsi-E0120600039201', '釧路公立大学１階～４階', 'evacuation_site', '北海道釧路市芦野4-1', 43.018744, 144.396564, '津波', ''),
  ('gsi-E0120600042201', '釧路小学校１階・２階', 'evacuation_site', '北海道釧路市浦見2-2', 42.976609, 144.384174, '津波', ''),
  ('gsi-E0120600044201', '東部地区コミュニティセンター（コア大空）１階・２階', 'evacuation_site', '北海道釧路市益浦1-20', 42.955781, 144.431047, '津波', ''),
  ('gsi-E0120600046201', '体験学習センター１階', 'evacuation_site', '北海道釧路市音別町音別原野基線138-3', 42.972411, 143.876944, '津波', ''),
  ('gsi-E0120600282201', '音別浄化センター　屋上', 'evacuation_site', '北海道釧路市音別町海光1-31', 42.887771, 143.937835, '津波', ''),
  ('gsi-E0120600281201', '海光団地かいこう２２　５階', 'evacuation_site', '北海道釧路市音別町海光1-31-3', 42.88778, 143.934703, '津波', ''),
  ('gsi-E0120600050201', '音別公園墓地駐車場', 'evacuation_site', '北海道釧路市音別町尺別9-1', 42.882817, 143.923274, '津波', ''),
  ('gsi-E0120600051201', '音別神社１階・２階', 'evacuation_site', '北海道釧路市音別町尺別9-2', 42.884356, 143.922552, '津波', ''),
  ('gsi-E0120600052201', '尺別中央会館１階', 'evacuation_site', '北海道釧路市音別町尺別原野基線41-5', 42.892246, 143.871207, '津波', ''),
  ('gsi-E0120600053201', 'おんべつ学園３階', 'evacuation_site', '北海道釧路市音別町川東1-200-1', 42.898575, 143.933119, '津波', ''),
  ('gsi-E0120600055201', '西消防署音別支署屋上', 'evacuation_site', '北海道釧路市音別町中園1-78', 42.895062, 143.9326, '津波', ''),
  ('gsi-E0120600059201', '音別町行政センター３階・屋上', 'evacuation_site', '北海道釧路市音別町中園町1-134', 42.892785, 143.933296, '津波', ''),
  ('gsi-E0120600061201', '拓北会館１階', 'evacuation_site', '北海道釧路市音別町中音別445-1', 42.946702, 143.926093, '津波', ''),
  ('gsi-E0120600062201', 'チノミ台高台（旧おんべつ学園付近）', 'evacuation_site', '北海道釧路市音別町中音別630', 42.90954, 143.978164, '津波', ''),
  ('gsi-E0120600063201', '大塚製薬工場釧路工場屋上', 'evacuation_site', '北海道釧路市音別町朝日1-13', 42.892771, 143.939711, '津波', ''),
  ('gsi-E0120600066201', '直別生活館東の高台路肩', 'evacuation_site', '北海道釧路市音別町直別原野東1', 42.857945, 143.859723, '津波', ''),
  ('gsi-E0120600067201', '共栄中学校２～３階', 'evacuation_site', '北海道釧路市花園町9-40', 43.001529, 144.385193, '津波', ''),
  ('gsi-E0120600259201', '小学校給食センター２階', 'evacuation_site', '北海道釧路市貝塚3-7-22', 42.998755, 144.416676, '津波', ''),
  ('gsi-E0120600260201', '貝塚送配水ポンプ場１階', 'evacuation_site', '北海道釧路市貝塚4-14-77', 42.996322, 144.420543, '津波', ''),
  ('gsi-E0120600069201', '北中学校３階・４階', 'evacuation_site', '北海道釧路市喜多町1-23', 42.995429, 144.37335, '津波', ''),
  ('gsi-E0120600070201', '宮本会館１階', 'evacuation_site', '北海道釧路市宮本2-12', 42.972832, 144.386164, '津波', ''),
  ('gsi-E0120600072201', 'はまなす会館１階', 'evacuation_site', '北海道釧路市興津2-17', 42.962307, 144.414292, '津波', ''),
  ('gsi-E0120600076201', 'フィッシャーマンズワーフＭＯＯ４階・５階', 'evacuation_site', '北海道釧路市錦町2-4', 42.9818, 144.383981, '津波', ''),
  ('gsi-E0120600077201', 'ＡＮＡクラウンプラザホテル釧路３階・５階', 'evacuation_site', '北海道釧路市錦町3-7', 42.982511, 144.382087, '津波', ''),
  ('gsi-E0120600078202', '駒場団地（Ｓ７）４階～８階', 'evacuation_site', '北海道釧路市駒場町11', 43.002756, 144.368266, '津波', ''),
  ('gsi-E0120600078201', '駒場団地（Ｓ８）４階～７階', 'evacuation_site', '北海道釧路市駒場町11', 43.003217, 144.368538, '津波', ''),
  ('gsi-E0120600081201', '旧桂恋小学校１～２階', 'evacuation_site', '北海道釧路市桂恋172', 42.946963, 144.451853, '津波', ''),
  ('gsi-E0120600082201', '古川下水終末処理場２～３階', 'evacuation_site', '北海道釧路市古川町7-4', 42.998975, 144.401132, '津波', ''),
  ('gsi-E0120600083201', '光陽小学校２～３階', 'evacuation_site', '北海道釧路市光陽町15-17', 43.002224, 144.391995, '津波', ''),
  ('gsi-E0120600084201', '江南高等学校３階・４階', 'evacuation_site', '北海道釧路市光陽町24-17', 43.005125, 144.390072, '津波', ''),
  ('gsi-E0120600085201', '釧路地方合同庁舎３階～９階', 'evacuation_site', '北海道釧路市幸町10-3', 42.986671, 144.377879, '津波', ''),
  ('gsi-E0120600086201', '道営住宅であえーる幸団地３階～１２階', 'evacuation_site', '北海道釧路市幸町13-2-4', 42.989281, 144.378836, '津波', ''),
  ('gsi-E0120600087201', '釧路プリンスホテル３階・５階', 'evacuation_site', '北海道釧路市幸町7-1', 42.984639, 144.380464, '津波', ''),
  ('gsi-E0120600089201', '湿原の風アリーナ釧路１階～３階', 'evacuation_site', '北海道釧路市広里18', 43.027553, 144.417725, '津波', ''),
  ('gsi-E0120600090201', '釧路広域連合清掃工場２階～３階', 'evacuation_site', '北海道釧路市高山30-1', 42.957373, 144.472249, '津波', ''),
  ('gsi-E0120600091201', '阿部ビル（釧路ロイヤルイン）１０階・１１階', 'evacuation_site', '北海道釧路市黒金町14-9', 42.990269, 144.380529, '津波', ''),
  ('gsi-E0120600092201', '市役所３階～５階', 'evacuation_site', '北海道釧路市黒金町7-5', 42.984863, 144.381348, '津波', ''),
  ('gsi-E0120600093201', '市役所防災庁舎３～５階・屋上', 'evacuation_site', '北海道釧路市黒金町8-2', 42.985508, 144.381544, '津波', ''),
  ('gsi-E0120600104201', '山花温泉　リフレ', 'evacuation_site', '北海道釧路市山花１４線131', 43.07918, 144.230535, '津波', ''),
  ('gsi-E0120600105201', '山花小中学校', 'evacuation_site', '北海道釧路市山花１４線132', 43.076568, 144.232466, '津波', ''),
  ('gsi-E0120600106201', '市民文化会館２階・３階', 'evacuation_site', '北海道釧路市治水町12-10', 43.010175, 144.373134, '津波', ''),
  ('gsi-E0120600109201', 'ラスティングホテル３階～８階', 'evacuation_site', '北海道釧路市若松町3-3', 42.991262, 144.385338, '津波', ''),
  ('gsi-E0120600266201', '北海道職員住宅ＲＣ－９６－１　３～４階', 'evacuation_site', '北海道釧路市若竹町5', 42.997763, 144.377022, '津波', ''),
  ('gsi-E0120600266202', '北海道職員住宅ＲＣ－９７－１　３～４階', 'evacuation_site', '北海道釧路市若竹町5', 42.997632, 144.376321, '津波', ''),
  ('gsi-E0120600266203', '北海道職員住宅ＲＣ－９８－１　３～４階', 'evacuation_site', '北海道釧路市若竹町5', 42.998108, 144.376915, '津波', ''),
  ('gsi-E0120600110201', '中央小学校３階', 'evacuation_site', '北海道釧路市寿1-2', 42.990718, 144.376003, '津波', ''),
  ('gsi-E0120600113201', '釧路ガス３階', 'evacuation_site', '北海道釧路市寿4-1', 42.991876, 144.372896, '津波', ''));
INSERT INTO sites (id, name_ja, kind, address, lat, lon, designations, note, source, unit_id, updated_at)
SELECT column1, column2, column3, column4, column5, column6, column7, column8, 'gsi', NULL, '2026-11-24T00:00:00.000Z' FROM (VALUES
  ('gsi-E0120600114201', '児童発達支援センター２階～４階', 'evacuation_site', '北海道釧路市住吉2-12-37', 42.977036, 144.394846, '津波', ''),
  ('gsi-E0120600115201', '幣舞中学校１階～３階', 'evacuation_site', '北海道釧路市春湖台1-3', 42.975491, 144.400992, '津波', ''),
  ('gsi-E0120600116201', '春採生活館１階・２階', 'evacuation_site', '北海道釧路市春採1-12', 42.969461, 144.401344, '津波', ''),
  ('gsi-E0120600121201', '春採中学校１階～３階', 'evacuation_site', '北海道釧路市春採5-1', 42.9705, 144.413513, '津波', ''),
  ('gsi-E0120600262204', '公営住宅春日ヴィレッジ（ぽぷら）３～９階', 'evacuation_site', '北海道釧路市春日町7', 42.996403, 144.377215, '津波', ''),
  ('gsi-E0120600262201', '公営住宅春日ヴィレッジ（いちい）３～５階', 'evacuation_site', '北海道釧路市春日町7', 42.99722, 144.376603, '津波', ''),
  ('gsi-E0120600262202', '公営住宅春日ヴィレッジ（さくら）３～５階', 'evacuation_site', '北海道釧路市春日町7', 42.997032, 144.377231, '津波', ''),
  ('gsi-E0120600262203', '公営住宅春日ヴィレッジ（かえで）３～９階', 'evacuation_site', '北海道釧路市春日町7', 42.996557, 144.376667, '津波', ''),
  ('gsi-E0120600124201', '昭和小学校２階・３階', 'evacuation_site', '北海道釧路市昭和中央3-12', 43.021351, 144.364328, '津波', ''),
  ('gsi-E0120600126201', 'イオンモール釧路昭和２階', 'evacuation_site', '北海道釧路市昭和中央4-18-1', 43.026726, 144.359939, '津波', ''),
  ('gsi-E0120600128201', '商業高等学校２階～４階', 'evacuation_site', '北海道釧路市昭和中央5-10-1', 43.025769, 144.355849, '津波', ''),
  ('gsi-E0120600274202', '公営住宅昭和団地（ＳＷ２えんれいそう）２～５階', 'evacuation_site', '北海道釧路市昭和中央5-8', 43.024587, 144.353999, '津波', ''),
  ('gsi-E0120600274204', '公営住宅昭和団地（ＳＷ４はなしのぶ）２～５階', 'evacuation_site', '北海道釧路市昭和中央5-8', 43.025199, 144.35465, '津波', ''),
  ('gsi-E0120600274203', '公営住宅昭和団地（ＳＷ３さくらそう）２～５階', 'evacuation_site', '北海道釧路市昭和中央5-8', 43.024817, 144.354385, '津波', ''),
  ('gsi-E0120600274201', '公営住宅昭和団地（ＳＷ１りんどう）２～５階', 'evacuation_site', '北海道釧路市昭和中央5-8', 43.024974, 144.353326, '津波', ''),
  ('gsi-E0120600274205', '公営住宅昭和団地（ＳＷ５なでしこ）２～５階', 'evacuation_site', '北海道釧路市昭和中央5-8', 43.025445, 144.354006, '津波', ''),
  ('gsi-E0120600129201', '鳥取中学校２階～４階', 'evacuation_site', '北海道釧路市昭和町2-5', 43.013913, 144.36674, '津波', ''),
  ('gsi-E0120600136201', '城山小学校３階', 'evacuation_site', '北海道釧路市城山1-14', 42.982739, 144.397978, '津波', ''),
  ('gsi-E0120600138201', '北海道教育大学釧路校１階～４階', 'evacuation_site', '北海道釧路市城山1-15', 42.981325, 144.398534, '津波', ''),
  ('gsi-E0120600264201', '公営住宅新川団地（Ｓ－２）３～８階', 'evacuation_site', '北海道釧路市新川町17', 43.002368, 144.37141, '津波', ''),
  ('gsi-E0120600264202', '公営住宅新川団地（Ｓ－３）３～７階', 'evacuation_site', '北海道釧路市新川町17', 43.002493, 144.372054, '津波', ''),
  ('gsi-E0120600264203', '公営住宅新川団地（Ｓ－４）３～８階', 'evacuation_site', '北海道釧路市新川町17', 43.001709, 144.371593, '津波', ''),
  ('gsi-E0120600264204', '公営住宅新川団地（Ｓ－５）３～７階', 'evacuation_site', '北海道釧路市新川町17', 43.00183, 144.372283, '津波', ''),
  ('gsi-E0120600141201', '青葉小学校３階', 'evacuation_site', '北海道釧路市新川町3-7', 43.002248, 144.376033, '津波', ''),
  ('gsi-E0120600270201', '北海道職員住宅朋友寮　屋上', 'evacuation_site', '北海道釧路市新富士町4-3-28', 43.004039, 144.347088, '津波', ''),
  ('gsi-E0120600143201', '公設地方卸売市場３階・屋上', 'evacuation_site', '北海道釧路市新富士町6-1', 43.007292, 144.339331, '津波', ''),
  ('gsi-E0120600144201', 'サンエス電気通信３階・４階', 'evacuation_site', '北海道釧路市星が浦大通1-7', 43.016603, 144.327285, '津波', ''),
  ('gsi-E0120600275201', '社会医療法人孝仁会老人保健施設星が浦３階', 'evacuation_site', '北海道釧路市星が浦大通3-9-35', 43.016534, 144.31696, '津波', ''),
  ('gsi-E0120600146201', '釧路交通本社ビル４階', 'evacuation_site', '北海道釧路市星が浦大通5-5', 43.014805, 144.306528, '津波', ''),
  ('gsi-E0120600147201', '大楽毛下水終末処理場３階・屋上', 'evacuation_site', '北海道釧路市星が浦南6-9', 43.009122, 144.305567, '津波', ''),
  ('gsi-E0120600150201', 'マルセンクリーニング本社工場３階・４階・屋上', 'evacuation_site', '北海道釧路市星が浦北4-2', 43.017146, 144.308924, '津波', ''),
  ('gsi-E0120600151201', '釧路市港湾庁舎屋上', 'evacuation_site', '北海道釧路市西港1-100', 43.000146, 144.336408, '津波', ''),
  ('gsi-E0120600153201', 'ヤマダ電機・ビッグハウス旭町店３階', 'evacuation_site', '北海道釧路市川上町8-8', 42.987175, 144.389307, '津波', ''),
  ('gsi-E0120600154201', '道営住宅川北団地Ｄ３４号棟（Ｄ３４Ａ、Ｄ３４Ｂ合算）４階・５階', 'evacuation_site', '北海道釧路市川北町1-6', 42.989387, 144.390371, '津波', ''),
  ('gsi-E0120600265201', '新川北団地わかば３～５階', 'evacuation_site', '北海道釧路市川北町2', 42.990586, 144.391148, '津波', ''),
  ('gsi-E0120600156201', '新川北団地ふたば３～５階', 'evacuation_site', '北海道釧路市川北町4-67', 42.989711, 144.390181, '津波', ''),
  ('gsi-E0120600157201', '釧路製作所３階', 'evacuation_site', '北海道釧路市川北町9-19', 42.994299, 144.397142, '津波', ''),
  ('gsi-E0120600158201', '共栄小学校３階・屋上', 'evacuation_site', '北海道釧路市双葉町4-17', 42.995945, 144.390409, '津波', ''),
  ('gsi-E0120600159201', '大楽毛中学校屋上', 'evacuation_site', '北海道釧路市大楽毛1-10', 43.012055, 144.297029, '津波', ''),
  ('gsi-E0120600162203', '王子マテリア社宅（７棟）屋上', 'evacuation_site', '北海道釧路市大楽毛2-5', 43.012393, 144.291384, '津波', ''),
  ('gsi-E0120600162201', '王子マテリア社宅（独身寮）屋上', 'evacuation_site', '北海道釧路市大楽毛2-5', 43.013165, 144.288, '津波', ''),
  ('gsi-E0120600162202', '王子マテリア社宅（９棟）屋上', 'evacuation_site', '北海道釧路市大楽毛2-5', 43.011942, 144.290553, '津波', ''),
  ('gsi-E0120600164201', '釧路優心病院５階', 'evacuation_site', '北海道釧路市大楽毛4-1', 43.009486, 144.273472, '津波', ''),
  ('gsi-E0120600163201', '釧路新道大楽毛避難階段', 'evacuation_site', '北海道釧路市大楽毛３－２地先', 43.022072, 144.272948, '津波', ''),
  ('gsi-E0120600280201', '大楽毛西住宅５０１　３～５階', 'evacuation_site', '北海道釧路市大楽毛西2-26', 43.013604, 144.261606, '津波', ''),
  ('gsi-E0120600278201', '市営住宅Ｋ－１　３～５階', 'evacuation_site', '北海道釧路市大楽毛西2-31', 43.015125, 144.263723, '津波', ''),
  ('gsi-E0120600278202', '市営住宅Ｋ－２　３～４階', 'evacuation_site', '北海道釧路市大楽毛西2-31', 43.015046, 144.263316, '津波', ''),
  ('gsi-E0120600278203', '市営住宅Ｋ－３　３～４階', 'evacuation_site', '北海道釧路市大楽毛西2-31', 43.014727, 144.262972, '津波', ''),
  ('gsi-E0120600166201', '工業高等専門学校３階・４階', 'evacuation_site', '北海道釧路市大楽毛西2-32', 43.015372, 144.261658, '津波', ''),
  ('gsi-E0120600168201', '北海道立釧路高等技術専門学院　屋上', 'evacuation_site', '北海道釧路市大楽毛南1-2-51', 43.00851, 144.297204, '津波', ''),
  ('gsi-E0120600276201', '釧路星ケ浦自動車学校３階', 'evacuation_site', '北海道釧路市大楽毛南2-2-76', 43.008903, 144.293043, '津波', ''),
  ('gsi-E0120600277201', 'グループホーム育成会　屋上', 'evacuation_site', '北海道釧路市大楽毛南4-6-8', 43.007375, 144.276998, '津波', ''),
  ('gsi-E0120600279201', '北海道職員住宅ＲＣ－９９－１　３階～４階間の踊場、４階', 'evacuation_site', '北海道釧路市大楽毛南5-11', 43.008237, 144.270379, '津波', ''),
  ('gsi-E0120600171201', '釧路センチュリーキャッスルホテル３階', 'evacuation_site', '北海道釧路市大川町2-5', 42.980431, 144.387373, '津波', ''),
  ('gsi-E0120600269201', '日本製紙（株）社宅１０号アパート　３～４階', 'evacuation_site', '北海道釧路市鳥取大通2-2', 43.01038, 144.36359, '津波', ''),
  ('gsi-E0120600273201', '釧路アイスアリーナ２階', 'evacuation_site', '北海道釧路市鳥取大通3-6-33', 43.013272, 144.360134, '津波', ''),
  ('gsi-E0120600175201', 'ホテルマーシュランド４階～７階', 'evacuation_site', '北海道釧路市鳥取大通5-2', 43.013928, 144.347441, '津波', ''),
  ('gsi-E0120600272201', '釧路ヤクルト販売２～３階', 'evacuation_site', '北海道釧路市鳥取大通7-2-1', 43.015956, 144.340323, '津波', ''),
  ('gsi-E0120600176201', '鳥取団地とっとり４階・５階', 'evacuation_site', '北海道釧路市鳥取南3-7', 43.011094, 144.353828, '津波', ''),
  ('gsi-E0120600177201', '㈱道新総合印刷釧路工場３階・屋上', 'evacuation_site', '北海道釧路市鳥取南3-8', 43.00953, 144.353306, '津波', ''));
INSERT INTO sites (id, name_ja, kind, address, lat, lon, designations, note, source, unit_id, updated_at)
SELECT column1, column2, column3, column4, column5, column6, column7, column8, 'gsi', NULL, '2026-11-24T00:00:00.000Z' FROM (VALUES
  ('gsi-E0120600178202', '鳥取南団地しんよう１　４階・５階', 'evacuation_site', '北海道釧路市鳥取南4-1', 43.006752, 144.346803, '津波', ''),
  ('gsi-E0120600178201', '鳥取南団地しんよう２　４階・５階', 'evacuation_site', '北海道釧路市鳥取南4-1', 43.00683, 144.347236, '津波', ''),
  ('gsi-E0120600271201', '北海道職員住宅ＲＣ－９２－２　３～４階', 'evacuation_site', '北海道釧路市鳥取南8-15', 43.013333, 144.334898, '津波', ''),
  ('gsi-E0120600271202', '北海道職員住宅ＲＣ－９３－３　３～４階', 'evacuation_site', '北海道釧路市鳥取南8-15', 43.013401, 144.3358, '津波', ''),
  ('gsi-E0120600181201', '鳥取小学校２～３階', 'evacuation_site', '北海道釧路市鳥取北3-13', 43.01616, 144.356189, '津波', ''),
  ('gsi-E0120600186201', '鳥取西小学校２～３階', 'evacuation_site', '北海道釧路市鳥取北7-5', 43.018912, 144.340768, '津波', ''),
  ('gsi-E0120600188201', '鳥取コミュニティセンター（コア鳥取）２階・屋上', 'evacuation_site', '北海道釧路市鳥取北8-3', 43.019551, 144.337126, '津波', ''),
  ('gsi-E0120600190201', '鳥取西中学校２～３階', 'evacuation_site', '北海道釧路市鳥取北9-7', 43.020602, 144.334886, '津波', ''),
  ('gsi-E0120600194201', '工業高等学校１階～４階', 'evacuation_site', '北海道釧路市鶴ケ岱3-5', 42.98123, 144.407018, '津波', ''),
  ('gsi-E0120600196201', '釧路空港ビル２階・３階', 'evacuation_site', '北海道釧路市鶴丘2', 43.044942, 144.196434, '津波', ''),
  ('gsi-E0120600199201', '鶴野小学校２～３階', 'evacuation_site', '北海道釧路市鶴野58-64', 43.024502, 144.317281, '津波', ''),
  ('gsi-E0120600200201', '釧路鶴野支援学校３階・４階', 'evacuation_site', '北海道釧路市鶴野58-92', 43.019084, 144.294986, '津波', ''),
  ('gsi-E0120600202201', '景雲中学校２～４階', 'evacuation_site', '北海道釧路市東川町16-1', 43.011713, 144.377209, '津波', ''),
  ('gsi-E0120600204201', '釧路シーサイドハイツ４階～１０階', 'evacuation_site', '北海道釧路市南大通5-1', 42.977363, 144.379888, '津波', ''),
  ('gsi-E0120600208201', '東雲小学校１階', 'evacuation_site', '北海道釧路市白樺台3-19', 42.960732, 144.450342, '津波', ''),
  ('gsi-E0120600211201', '美原小学校１～３階', 'evacuation_site', '北海道釧路市美原4-2', 43.022545, 144.40769, '津波', ''),
  ('gsi-E0120600215201', '美原中学校１～３階', 'evacuation_site', '北海道釧路市美原4-7', 43.023716, 144.405454, '津波', ''),
  ('gsi-E0120600217201', 'マリントポス（水産センター）展望室', 'evacuation_site', '北海道釧路市浜町3-18', 42.98973, 144.364806, '津波', ''),
  ('gsi-E0120600218201', '浜町ポンプ場屋上', 'evacuation_site', '北海道釧路市浜町6-6', 42.997487, 144.360891, '津波', ''),
  ('gsi-E0120600219201', '富士見会館１階', 'evacuation_site', '北海道釧路市富士見3-2', 42.976592, 144.391729, '津波', ''),
  ('gsi-E0120600222201', '湖畔小学校１階～３階', 'evacuation_site', '北海道釧路市武佐2-27', 42.98181, 144.428061, '津波', ''),
  ('gsi-E0120600226201', '武佐小学校１～３階', 'evacuation_site', '北海道釧路市武佐4-3', 42.989451, 144.422792, '津波', ''),
  ('gsi-E0120600268201', '北海道職員住宅ＲＣ－９４－４　２～３階', 'evacuation_site', '北海道釧路市文苑1-27-2', 43.02007, 144.385887, '津波', ''),
  ('gsi-E0120600267201', '北海道職員住宅双鶴寮２～３階・屋上', 'evacuation_site', '北海道釧路市文苑1-27-20', 43.020311, 144.386116, '津波', ''),
  ('gsi-E0120600231201', '生涯学習センター１階～８階', 'evacuation_site', '北海道釧路市幣舞町4-28', 42.978149, 144.385753, '津波', ''),
  ('gsi-E0120600234201', '高齢者生きがい交流プラザ（プラザよねまち）３階・４階', 'evacuation_site', '北海道釧路市米町4-3-16', 42.968936, 144.37947, '津波', ''),
  ('gsi-E0120600237201', 'ホテルクラウンヒルズ釧路（釧路東急イン）１０階', 'evacuation_site', '北海道釧路市北大通13-1', 42.989125, 144.38353, '津波', ''),
  ('gsi-E0120600238201', '湿原展望台', 'evacuation_site', '北海道釧路市北斗6-11', 43.073996, 144.320566, '津波', ''),
  ('gsi-E0120600240201', '旧東栄小学校１階・２階', 'evacuation_site', '北海道釧路市弥生2-1', 42.973275, 144.380496, '津波', ''),
  ('gsi-E0120600242201', '柳町スピードスケート場２階', 'evacuation_site', '北海道釧路市柳町1-1', 43.002891, 144.382652, '津波', ''),
  ('gsi-E0120600248201', '湖陵高等学校１階～４階', 'evacuation_site', '北海道釧路市緑ケ岡3-1', 42.982273, 144.409, '津波', ''),
  ('gsi-E0120600251201', '清明小学校１階～３階', 'evacuation_site', '北海道釧路市緑ケ岡4-8', 42.990153, 144.410679, '津波', ''),
  ('gsi-E0120600255201', '青陵中学校１階～３階', 'evacuation_site', '北海道釧路市緑ケ岡6-9', 42.988504, 144.415995, '津波', ''),
  ('gsi-E0120600001121', '阿寒湖まりむ館', 'shelter', '北海道釧路市阿寒町阿寒湖温泉2-6-20', 43.432799, 144.096161, '', ''),
  ('gsi-E0120600001111', '阿寒湖まりむ館', 'shelter', '北海道釧路市阿寒町阿寒湖温泉2-6-20', 43.432799, 144.096161, '', ''),
  ('gsi-E0120600002112', 'マリモ幼稚園', 'shelter', '北海道釧路市阿寒町阿寒湖温泉5-5-7', 43.435849, 144.087475, '', ''),
  ('gsi-E0120600002111', '阿寒湖温泉子供交流館', 'shelter', '北海道釧路市阿寒町阿寒湖温泉5-5-7', 43.435781, 144.087297, '', ''),
  ('gsi-E0120600003111', '阿寒湖畔トレーニングセンター', 'shelter', '北海道釧路市阿寒町阿寒湖温泉5-7-1', 43.436753, 144.084444, '', ''),
  ('gsi-E0120600004111', '阿寒湖義務教育学校', 'shelter', '北海道釧路市阿寒町阿寒湖温泉6-4-1', 43.439046, 144.079765, '', ''),
  ('gsi-E0120600005111', '旭町寿の家', 'shelter', '北海道釧路市阿寒町旭町2-3-20', 43.097989, 144.120055, '', ''),
  ('gsi-E0120600006111', '道の駅阿寒丹頂の里（赤いベレー・クレインズテラス）', 'shelter', '北海道釧路市阿寒町上阿寒２３線36', 43.144413, 144.14505, '', ''),
  ('gsi-E0120600007111', 'タンチョウの家', 'shelter', '北海道釧路市阿寒町上阿寒２５線37', 43.155255, 144.151149, '', ''),
  ('gsi-E0120600283111', '仁々志別多目的センター', 'shelter', '北海道釧路市阿寒町仁々志別３２線89', 43.174118, 144.222869, '', ''),
  ('gsi-E0120600009111', '西徹別多目的研修集会所', 'shelter', '北海道釧路市阿寒町西徹別３９線17', 43.222635, 144.114762, '', ''),
  ('gsi-E0120600010111', '阿寒町行政センター', 'shelter', '北海道釧路市阿寒町中央1-4-1', 43.112918, 144.123634, '', ''),
  ('gsi-E0120600011111', '阿寒町スポーツセンター', 'shelter', '北海道釧路市阿寒町中央1-6-1', 43.113809, 144.123102, '', ''),
  ('gsi-E0120600012111', '保健・福祉サービス複合施設（ひだまり）', 'shelter', '北海道釧路市阿寒町中央1-7-12', 43.112223, 144.122078, '', ''),
  ('gsi-E0120600014111', '阿寒町公民館', 'shelter', '北海道釧路市阿寒町中央2-4-1', 43.1153, 144.123746, '', ''),
  ('gsi-E0120600014121', '阿寒町公民館', 'shelter', '北海道釧路市阿寒町中央2-4-1', 43.1153, 144.123746, '', ''),
  ('gsi-E0120600015111', '橋南センター', 'shelter', '北海道釧路市阿寒町仲町2-6', 43.10304, 144.118531, '', ''),
  ('gsi-E0120600016111', '徹別多目的センター', 'shelter', '北海道釧路市阿寒町徹別中央３４線41', 43.200209, 144.146186, '', ''),
  ('gsi-E0120600018111', '阿寒小学校', 'shelter', '北海道釧路市阿寒町富士見1-17-1', 43.106347, 144.126618, '', ''),
  ('gsi-E0120600019111', '布伏内コミュニティセンター', 'shelter', '北海道釧路市阿寒町布伏内２２線北51', 43.178411, 144.095618, '', ''),
  ('gsi-E0120600020111', '上徹別福祉会館', 'shelter', '北海道釧路市阿寒町飽別５１線24', 43.279519, 144.107789, '', ''),
  ('gsi-E0120600021111', '北会館', 'shelter', '北海道釧路市阿寒町北新町2-1-2', 43.117717, 144.127869, '', ''),
  ('gsi-E0120600023111', '阿寒中学校', 'shelter', '北海道釧路市阿寒町北新町2-4-1', 43.118387, 144.125576, '', ''),
  ('gsi-E0120600024121', '中部地区コミュニティセンター（コアかがやき）', 'shelter', '北海道釧路市愛国191-5511', 43.025069, 144.398461, '', ''),
  ('gsi-E0120600024111', '中部地区コミュニティセンター（コアかがやき）', 'shelter', '北海道釧路市愛国191-5511', 43.025069, 144.398461, '', ''),
  ('gsi-E0120600027111', '愛国小学校', 'shelter', '北海道釧路市愛国西1-25-3', 43.012227, 144.386369, '', ''),
  ('gsi-E0120600029111', '明輝高等学校', 'shelter', '北海道釧路市愛国西1-38-7', 43.014956, 144.385854, '', ''));
INSERT INTO sites (id, name_ja, kind, address, lat, lon, designations, note, source, unit_id, updated_at)
SELECT column1, column2, column3, column4, column5, column6, column7, column8, 'gsi', NULL, '2026-11-24T00:00:00.000Z' FROM (VALUES
  ('gsi-E0120600030111', '愛国児童センター', 'shelter', '北海道釧路市愛国西3-24-8', 43.015867, 144.380961, '', ''),
  ('gsi-E0120600031111', '愛国東会館', 'shelter', '北海道釧路市愛国東2-1-15', 43.00542, 144.391717, '', ''),
  ('gsi-E0120600032111', '愛国会館', 'shelter', '北海道釧路市愛国東4-2-8', 43.008974, 144.384715, '', ''),
  ('gsi-E0120600034111', '総合福祉センター', 'shelter', '北海道釧路市旭町12-3', 42.985094, 144.391115, '', ''),
  ('gsi-E0120600036111', '芦野小学校', 'shelter', '北海道釧路市芦野1-13-1', 43.011321, 144.399681, '', ''),
  ('gsi-E0120600037111', '中部子育て支援拠点センター', 'shelter', '北海道釧路市芦野3-10-9', 43.01535, 144.403353, '', ''),
  ('gsi-E0120600038112', '芦野会館', 'shelter', '北海道釧路市芦野3-29-5', 43.015643, 144.398269, '', ''),
  ('gsi-E0120600038111', '芦野児童センター', 'shelter', '北海道釧路市芦野3-29-5', 43.015477, 144.398596, '', ''),
  ('gsi-E0120600040111', '釧路公立大学', 'shelter', '北海道釧路市芦野4-1-1', 43.018269, 144.396103, '', ''),
  ('gsi-E0120600041111', '釧路自動車学校', 'shelter', '北海道釧路市芦野5-12-1', 43.013811, 144.389863, '', ''),
  ('gsi-E0120600043111', '釧路小学校', 'shelter', '北海道釧路市浦見2-2-38', 42.976353, 144.383965, '', ''),
  ('gsi-E0120600045121', '東部地区コミュニティセンター（コア大空）', 'shelter', '北海道釧路市益浦1-20-20', 42.955882, 144.431508, '', ''),
  ('gsi-E0120600045111', '東部地区コミュニティセンター（コア大空）', 'shelter', '北海道釧路市益浦1-20-20', 42.955882, 144.431508, '', ''),
  ('gsi-E0120600047111', '体験学習センター', 'shelter', '北海道釧路市音別町音別原野基線138-46', 42.972421, 143.876345, '', ''),
  ('gsi-E0120600048111', '川西会館', 'shelter', '北海道釧路市音別町音別原野西２線30', 42.911371, 143.926395, '', ''),
  ('gsi-E0120600049111', '林業研修センター', 'shelter', '北海道釧路市音別町共栄1-1', 42.906941, 143.935241, '', ''),
  ('gsi-E0120600052111', '尺別中央会館', 'shelter', '北海道釧路市音別町尺別原野基線41-5', 42.892152, 143.871284, '', ''),
  ('gsi-E0120600053111', 'おんべつ学園', 'shelter', '北海道釧路市音別町川東1-200-1', 42.89872, 143.933133, '', ''),
  ('gsi-E0120600053121', 'おんべつ学園', 'shelter', '北海道釧路市音別町川東1-200-1', 42.89872, 143.933133, '', ''),
  ('gsi-E0120600054111', '音別町行政センター', 'shelter', '北海道釧路市音別町中園1-134', 42.892614, 143.933228, '', ''),
  ('gsi-E0120600055111', '音別町コミュニティセンター', 'shelter', '北海道釧路市音別町中園1-78', 42.895062, 143.932448, '', ''),
  ('gsi-E0120600056111', '音別小学校', 'shelter', '北海道釧路市音別町中園2-1', 42.893435, 143.925843, '', ''),
  ('gsi-E0120600057121', '音別町福祉保健センター（ほほえみ）', 'shelter', '北海道釧路市音別町中園2-119-1', 42.893475, 143.930452, '', ''),
  ('gsi-E0120600057111', '音別町福祉保健センター（ほほえみ）', 'shelter', '北海道釧路市音別町中園2-119-1', 42.893475, 143.930452, '', ''),
  ('gsi-E0120600058111', '音別中学校', 'shelter', '北海道釧路市音別町中園2-2', 42.894794, 143.926381, '', ''),
  ('gsi-E0120600060111', '光和会館', 'shelter', '北海道釧路市音別町中音別294-4', 42.919062, 143.936516, '', ''),
  ('gsi-E0120600061111', '拓北会館', 'shelter', '北海道釧路市音別町中音別445-1', 42.946645, 143.926167, '', ''),
  ('gsi-E0120600063111', '大塚体育館', 'shelter', '北海道釧路市音別町朝日1-13', 42.892456, 143.938021, '', ''),
  ('gsi-E0120600064112', '音別町文化会館', 'shelter', '北海道釧路市音別町朝日2-81', 42.891795, 143.935567, '', ''),
  ('gsi-E0120600064111', '森林体験交流センター', 'shelter', '北海道釧路市音別町朝日2-81', 42.892484, 143.934302, '', ''),
  ('gsi-E0120600065111', '直別生活館', 'shelter', '北海道釧路市音別町直別原野基線13-3', 42.854665, 143.857626, '', ''),
  ('gsi-E0120600067111', '共栄中学校', 'shelter', '北海道釧路市花園町9-40', 43.0016, 144.385852, '', ''),
  ('gsi-E0120600068111', '緑ヶ岡・貝塚ふれあいセンター', 'shelter', '北海道釧路市貝塚1-7-15', 42.992347, 144.410378, '', ''),
  ('gsi-E0120600069111', '北中学校', 'shelter', '北海道釧路市喜多町1-23', 42.995133, 144.373047, '', ''),
  ('gsi-E0120600071111', '宮本会館', 'shelter', '北海道釧路市宮本2-12-7', 42.972795, 144.386049, '', ''),
  ('gsi-E0120600073111', 'はまなす会館', 'shelter', '北海道釧路市興津2-17-22', 42.962401, 144.414249, '', ''),
  ('gsi-E0120600074111', '興津小学校', 'shelter', '北海道釧路市興津3-10-13', 42.958261, 144.416951, '', ''),
  ('gsi-E0120600075111', '釧路養護学校', 'shelter', '北海道釧路市暁町11-1', 43.007628, 144.374822, '', ''),
  ('gsi-E0120600076111', 'フィッシャーマンズワーフＭＯＯ', 'shelter', '北海道釧路市錦町2-4', 42.981753, 144.383079, '', ''),
  ('gsi-E0120600079111', '駒場会館', 'shelter', '北海道釧路市駒場町11-8', 43.002687, 144.368008, '', ''),
  ('gsi-E0120600080111', '潮音寺', 'shelter', '北海道釧路市桂恋130', 42.948756, 144.448137, '', ''),
  ('gsi-E0120600083111', '光陽小学校', 'shelter', '北海道釧路市光陽町15-17', 43.002117, 144.392483, '', ''),
  ('gsi-E0120600084111', '江南高等学校', 'shelter', '北海道釧路市光陽町24-17', 43.004765, 144.389708, '', ''),
  ('gsi-E0120600085111', '釧路地方合同庁舎', 'shelter', '北海道釧路市幸町10-3', 42.986308, 144.377829, '', ''),
  ('gsi-E0120600088111', '交流プラザさいわい', 'shelter', '北海道釧路市幸町9-1', 42.985976, 144.380086, '', ''),
  ('gsi-E0120600089111', 'ウィンドヒルくしろスーパーアリーナ（湿原の風アリーナ釧路）', 'shelter', '北海道釧路市広里18', 43.027557, 144.418607, '', ''),
  ('gsi-E0120600090111', '釧路広域連合清掃工場', 'shelter', '北海道釧路市高山30-1', 42.957801, 144.472548, '', ''),
  ('gsi-E0120600092111', '市役所本庁舎', 'shelter', '北海道釧路市黒金町7-5', 42.984994, 144.382071, '', ''),
  ('gsi-E0120600093111', '市役所防災庁舎', 'shelter', '北海道釧路市黒金町8-2', 42.985474, 144.381264, '', ''),
  ('gsi-E0120600094111', '材木南町内会集会場', 'shelter', '北海道釧路市材木町1-15', 42.985198, 144.396113, '', ''),
  ('gsi-E0120600095111', '桜が丘小学校', 'shelter', '北海道釧路市桜ケ岡2-4-22', 42.966652, 144.417407, '', ''),
  ('gsi-E0120600096111', '青雲台体育館', 'shelter', '北海道釧路市桜ケ岡3-1-16', 42.969864, 144.425479, '', ''),
  ('gsi-E0120600097111', '桜ケ岡中央会館', 'shelter', '北海道釧路市桜ケ岡4-3-28', 42.965005, 144.424563, '', ''),
  ('gsi-E0120600098111', '朝陽小学校', 'shelter', '北海道釧路市桜ケ岡5-3-52', 42.963462, 144.430293, '', ''),
  ('gsi-E0120600099111', '桜が丘中学校', 'shelter', '北海道釧路市桜ケ岡6-27-12', 42.962425, 144.434546, '', ''),
  ('gsi-E0120600100111', '北海道教育大学附属釧路義務教育学校（後期課程）', 'shelter', '北海道釧路市桜ケ岡7-12-2', 42.962881, 144.443297, '', ''),
  ('gsi-E0120600101111', '北海道教育大学附属釧路義務教育学校（前期課程）', 'shelter', '北海道釧路市桜ケ岡7-12-48', 42.963419, 144.441464, '', ''),
  ('gsi-E0120600102111', '農業者トレーニングセンター', 'shelter', '北海道釧路市桜田83-1', 43.081347, 144.172492, '', ''),
  ('gsi-E0120600103111', '第２三津浦会館', 'shelter', '北海道釧路市三津浦27', 42.942985, 144.477219, '', ''),
  ('gsi-E0120600104111', '山花温泉リフレ', 'shelter', '北海道釧路市山花１４線131', 43.078953, 144.230477, '', ''));
INSERT INTO sites (id, name_ja, kind, address, lat, lon, designations, note, source, unit_id, updated_at)
SELECT column1, column2, column3, column4, column5, column6, column7, column8, 'gsi', NULL, '2026-11-24T00:00:00.000Z' FROM (VALUES
  ('gsi-E0120600105111', '山花小中学校', 'shelter', '北海道釧路市山花１４線132', 43.076487, 144.232464, '', ''),
  ('gsi-E0120600106111', '市民文化会館', 'shelter', '北海道釧路市治水町12-10', 43.010107, 144.372579, '', ''),
  ('gsi-E0120600107111', '宗仙寺', 'shelter', '北海道釧路市治水町9-22', 43.008248, 144.368954, '', ''),
  ('gsi-E0120600108111', '鉄北中央会館', 'shelter', '北海道釧路市若松町11-14', 42.993511, 144.384174, '', ''),
  ('gsi-E0120600111111', '中央小学校', 'shelter', '北海道釧路市寿1-2-16', 42.990845, 144.375835, '', ''),
  ('gsi-E0120600112111', '寿生活館', 'shelter', '北海道釧路市寿2-4-10', 42.989779, 144.372828, '', ''),
  ('gsi-E0120600114111', '児童発達支援センター', 'shelter', '北海道釧路市住吉2-12-37', 42.976881, 144.394671, '', ''),
  ('gsi-E0120600114121', '児童発達支援センター', 'shelter', '北海道釧路市住吉2-12-37', 42.976881, 144.394671, '', ''),
  ('gsi-E0120600115111', '幣舞中学校', 'shelter', '北海道釧路市春湖台1-3', 42.975551, 144.401194, '', ''),
  ('gsi-E0120600117111', '春採生活館', 'shelter', '北海道釧路市春採1-12-22', 42.969381, 144.401375, '', ''),
  ('gsi-E0120600118111', '沼尻会館', 'shelter', '北海道釧路市春採2-1-4', 42.966859, 144.395909, '', ''),
  ('gsi-E0120600119111', '望洋児童センター', 'shelter', '北海道釧路市春採4-10-16', 42.96827, 144.4105, '', ''),
  ('gsi-E0120600120111', '東部子育て支援拠点センター', 'shelter', '北海道釧路市春採4-19-1', 42.966686, 144.408515, '', ''),
  ('gsi-E0120600122111', '春採中学校', 'shelter', '北海道釧路市春採5-1-19', 42.970436, 144.413076, '', ''),
  ('gsi-E0120600123111', '春中前町内会館', 'shelter', '北海道釧路市春採6-8-31', 42.969257, 144.414999, '', ''),
  ('gsi-E0120600125111', '昭和小学校', 'shelter', '北海道釧路市昭和中央3-12-2', 43.021244, 144.363851, '', ''),
  ('gsi-E0120600127111', '昭和中央児童センター', 'shelter', '北海道釧路市昭和中央4-7-1', 43.023042, 144.357566, '', ''),
  ('gsi-E0120600128111', '商業高等学校', 'shelter', '北海道釧路市昭和中央5-10-1', 43.025978, 144.355475, '', ''),
  ('gsi-E0120600130111', '鳥取中学校', 'shelter', '北海道釧路市昭和町2-5-53', 43.014112, 144.366333, '', ''),
  ('gsi-E0120600131111', '昭和児童センター', 'shelter', '北海道釧路市昭和町3-2-1', 43.014336, 144.362313, '', ''),
  ('gsi-E0120600132111', '昭和会館', 'shelter', '北海道釧路市昭和町4-8-10', 43.018265, 144.363181, '', ''),
  ('gsi-E0120600133111', '昭園会館', 'shelter', '北海道釧路市昭和南6-19-8', 43.023615, 144.345272, '', ''),
  ('gsi-E0120600134111', '昭和北会館', 'shelter', '北海道釧路市昭和北3-26-16', 43.029573, 144.362082, '', ''),
  ('gsi-E0120600135111', '城山会館', 'shelter', '北海道釧路市城山1-12-13', 42.983326, 144.396928, '', ''),
  ('gsi-E0120600137111', '城山小学校', 'shelter', '北海道釧路市城山1-14-35', 42.983028, 144.398079, '', ''),
  ('gsi-E0120600139111', '教育大学釧路校', 'shelter', '北海道釧路市城山1-15-55', 42.981325, 144.398485, '', ''),
  ('gsi-E0120600140111', '新橋会館', 'shelter', '北海道釧路市新橋大通2-2-15', 43.003649, 144.377717, '', ''),
  ('gsi-E0120600141111', '青葉小学校', 'shelter', '北海道釧路市新川町3-7', 43.002161, 144.375515, '', ''),
  ('gsi-E0120600142111', '新陽小学校', 'shelter', '北海道釧路市新富士町4-6', 43.0051, 144.347259, '', ''),
  ('gsi-E0120600145111', '星が浦会館', 'shelter', '北海道釧路市星が浦大通2-7-22', 43.016238, 144.322343, '', ''),
  ('gsi-E0120600148111', '鶴野児童センター', 'shelter', '北海道釧路市星が浦北3-1-10', 43.018468, 144.317708, '', ''),
  ('gsi-E0120600149111', '星が浦老人福祉センター（星鶴荘）', 'shelter', '北海道釧路市星が浦北3-1-35', 43.017794, 144.317619, '', ''),
  ('gsi-E0120600152111', '千歳会館', 'shelter', '北海道釧路市千歳町3-13', 42.976302, 144.397483, '', ''),
  ('gsi-E0120600155111', '身体障害者福祉センター', 'shelter', '北海道釧路市川北町4-17', 42.991802, 144.392605, '', ''),
  ('gsi-E0120600158111', '共栄小学校', 'shelter', '北海道釧路市双葉町4-17', 42.996073, 144.391176, '', ''),
  ('gsi-E0120600160111', '大楽毛中学校', 'shelter', '北海道釧路市大楽毛1-10-1', 43.01184, 144.297026, '', ''),
  ('gsi-E0120600161111', '大楽毛西会館', 'shelter', '北海道釧路市大楽毛131-12', 43.014067, 144.259633, '', ''),
  ('gsi-E0120600165111', '大楽毛小学校', 'shelter', '北海道釧路市大楽毛4-10-11', 43.010618, 144.275563, '', ''),
  ('gsi-E0120600167111', '工業高等専門学校', 'shelter', '北海道釧路市大楽毛西2-32-1', 43.015954, 144.260867, '', ''),
  ('gsi-E0120600168111', '北海道立釧路高等技術専門学院', 'shelter', '北海道釧路市大楽毛南1-2-51', 43.008808, 144.297169, '', ''),
  ('gsi-E0120600169111', 'ポリテクセンター釧路（職業能力開発促進センター）', 'shelter', '北海道釧路市大楽毛南4-5-57', 43.007928, 144.275733, '', ''),
  ('gsi-E0120600170111', '大星会館', 'shelter', '北海道釧路市大楽毛北1-1-10', 43.012364, 144.299731, '', ''),
  ('gsi-E0120600172111', '大川町老人福祉センター（橋南荘）', 'shelter', '北海道釧路市大川町3-36', 42.980544, 144.388355, '', ''),
  ('gsi-E0120600173111', '米町児童センター', 'shelter', '北海道釧路市知人町4-37', 42.973572, 144.374166, '', ''),
  ('gsi-E0120600174111', '鳥取東会館', 'shelter', '北海道釧路市鳥取大通1-3-8', 43.008787, 144.363839, '', ''),
  ('gsi-E0120600179111', 'サン・アビリティーズくしろ', 'shelter', '北海道釧路市鳥取南7-2-20', 43.014029, 144.339215, '', ''),
  ('gsi-E0120600180111', '鳥取南会館', 'shelter', '北海道釧路市鳥取南7-2-8', 43.012729, 144.336305, '', ''),
  ('gsi-E0120600182111', '鳥取小学校', 'shelter', '北海道釧路市鳥取北3-13-24', 43.016375, 144.356276, '', ''),
  ('gsi-E0120600183111', '鳥取北会館', 'shelter', '北海道釧路市鳥取北4-10-16', 43.016129, 144.353218, '', ''),
  ('gsi-E0120600184111', '第３老人福祉センター（鶴風荘）', 'shelter', '北海道釧路市鳥取北4-21-2', 43.016825, 144.350022, '', ''),
  ('gsi-E0120600185111', '西部子育て支援拠点センター', 'shelter', '北海道釧路市鳥取北4-21-8', 43.017024, 144.34981, '', ''),
  ('gsi-E0120600187111', '鳥取西小学校', 'shelter', '北海道釧路市鳥取北7-5-5', 43.018999, 144.34033, '', ''),
  ('gsi-E0120600189121', '鳥取コミュニティセンター（コア鳥取）', 'shelter', '北海道釧路市鳥取北8-3-10', 43.019504, 144.336678, '', ''),
  ('gsi-E0120600189111', '鳥取コミュニティセンター（コア鳥取）', 'shelter', '北海道釧路市鳥取北8-3-10', 43.019504, 144.336678, '', ''),
  ('gsi-E0120600191111', '鳥取西中学校', 'shelter', '北海道釧路市鳥取北9-7-1', 43.020699, 144.334398, '', ''),
  ('gsi-E0120600192111', '鶴ヶ岱武道館', 'shelter', '北海道釧路市鶴ケ岱1-10-35', 42.979798, 144.396752, '', ''),
  ('gsi-E0120600193111', '鶴ヶ岱児童センター', 'shelter', '北海道釧路市鶴ケ岱1-9-7', 42.978098, 144.397551, '', ''),
  ('gsi-E0120600195111', '工業高等学校', 'shelter', '北海道釧路市鶴ケ岱3-5-1', 42.980765, 144.40663, '', ''),
  ('gsi-E0120600196111', '釧路空港ビル', 'shelter', '北海道釧路市鶴丘2', 43.045326, 144.196245, '', ''),
  ('gsi-E0120600197111', '中鶴野会館', 'shelter', '北海道釧路市鶴野58-3062', 43.029679, 144.31382, '', ''));
INSERT INTO sites (id, name_ja, kind, address, lat, lon, designations, note, source, unit_id, updated_at)
SELECT column1, column2, column3, column4, column5, column6, column7, column8, 'gsi', NULL, '2026-11-24T00:00:00.000Z' FROM (VALUES
  ('gsi-E0120600198111', '鶴野小学校', 'shelter', '北海道釧路市鶴野58-5157', 43.024593, 144.316934, '', ''),
  ('gsi-E0120600201111', '弘宣寺', 'shelter', '北海道釧路市鶴野東1-4-16', 43.021311, 144.327051, '', ''),
  ('gsi-E0120600202111', '景雲中学校', 'shelter', '北海道釧路市東川町16-1', 43.011212, 144.376708, '', ''),
  ('gsi-E0120600203111', '橋南西会館', 'shelter', '北海道釧路市南大通2-1-111', 42.978732, 144.383481, '', ''),
  ('gsi-E0120600205111', '市消防本部', 'shelter', '北海道釧路市南浜町4-8', 42.983472, 144.373703, '', ''),
  ('gsi-E0120600206111', '釧路港湾合同庁舎', 'shelter', '北海道釧路市南浜町5-9', 42.983165, 144.374564, '', ''),
  ('gsi-E0120600207111', '白樺ふれあい交流センター', 'shelter', '北海道釧路市白樺台2-1-1', 42.960859, 144.442252, '', ''),
  ('gsi-E0120600209111', '東雲小学校', 'shelter', '北海道釧路市白樺台3-19-24', 42.960755, 144.450651, '', ''),
  ('gsi-E0120600210111', '美原会館', 'shelter', '北海道釧路市美原4-1-17', 43.021635, 144.406247, '', ''),
  ('gsi-E0120600212111', '美原小学校', 'shelter', '北海道釧路市美原4-2-38', 43.022515, 144.407185, '', ''),
  ('gsi-E0120600213111', '美原老人福祉センター（美原荘）', 'shelter', '北海道釧路市美原4-3-1', 43.021566, 144.407604, '', ''),
  ('gsi-E0120600214111', '美原児童センター', 'shelter', '北海道釧路市美原4-5-33', 43.024113, 144.403249, '', ''),
  ('gsi-E0120600216111', '美原中学校', 'shelter', '北海道釧路市美原4-7-1', 43.023434, 144.406084, '', ''),
  ('gsi-E0120600220111', '富士見会館', 'shelter', '北海道釧路市富士見3-2-1', 42.976525, 144.391816, '', ''),
  ('gsi-E0120600221111', '春採下町会館', 'shelter', '北海道釧路市武佐1-3-25', 42.97609, 144.423824, '', ''),
  ('gsi-E0120600223112', '湖畔小学校', 'shelter', '北海道釧路市武佐2-27-16', 42.98153, 144.428058, '', ''),
  ('gsi-E0120600223111', '武佐児童センター', 'shelter', '北海道釧路市武佐2-27-16', 42.981463, 144.426661, '', ''),
  ('gsi-E0120600224111', '第２武佐児童センター', 'shelter', '北海道釧路市武佐3-47-33', 42.988989, 144.422109, '', ''),
  ('gsi-E0120600225111', '武佐会館', 'shelter', '北海道釧路市武佐4-26-6', 42.987888, 144.429037, '', ''),
  ('gsi-E0120600228111', '武佐小学校', 'shelter', '北海道釧路市武佐4-3-42', 42.989485, 144.423101, '', ''),
  ('gsi-E0120600227111', '武佐老人福祉センター（平成荘）', 'shelter', '北海道釧路市武佐4-30-11', 42.98501, 144.430033, '', ''),
  ('gsi-E0120600229111', '武修館高等学校（中学校含む）', 'shelter', '北海道釧路市武佐5-9-1', 42.975732, 144.434584, '', ''),
  ('gsi-E0120600230111', '文苑会館', 'shelter', '北海道釧路市文苑1-31-13', 43.019954, 144.38677, '', ''),
  ('gsi-E0120600231121', '生涯学習センター', 'shelter', '北海道釧路市幣舞町4-28', 42.978001, 144.386237, '', ''),
  ('gsi-E0120600231111', '生涯学習センター', 'shelter', '北海道釧路市幣舞町4-28', 42.978001, 144.386237, '', ''),
  ('gsi-E0120600232111', '大成寺', 'shelter', '北海道釧路市米町2-2-6', 42.969937, 144.374644, '', ''),
  ('gsi-E0120600233111', '定光寺', 'shelter', '北海道釧路市米町3-2-3', 42.969997, 144.375412, '', ''),
  ('gsi-E0120600234111', '高齢者生きがい交流プラザ（プラザよねまち）', 'shelter', '北海道釧路市米町4-3-16', 42.969128, 144.379708, '', ''),
  ('gsi-E0120600235111', '宝浜会館', 'shelter', '北海道釧路市宝町4-10', 42.994557, 144.365514, '', ''),
  ('gsi-E0120600236111', '豊川会館', 'shelter', '北海道釧路市豊川町16-16', 43.008773, 144.382274, '', ''),
  ('gsi-E0120600239111', '立正佼成会釧路教会', 'shelter', '北海道釧路市堀川町8-21', 42.999334, 144.391811, '', ''),
  ('gsi-E0120600241111', '旧東栄小学校', 'shelter', '北海道釧路市弥生2-1-33', 42.973306, 144.379971, '', ''),
  ('gsi-E0120600242111', '柳町スピードスケート場', 'shelter', '北海道釧路市柳町1-1', 43.002882, 144.382609, '', ''),
  ('gsi-E0120600243111', '柳町老人福祉センター（鉄北荘）', 'shelter', '北海道釧路市柳町1-46', 43.003111, 144.384527, '', ''),
  ('gsi-E0120600244111', '釧路短期大学', 'shelter', '北海道釧路市緑ケ岡1-10-42', 42.986899, 144.407787, '', ''),
  ('gsi-E0120600245111', '北陽高等学校', 'shelter', '北海道釧路市緑ケ岡1-11-8', 42.984798, 144.403859, '', ''),
  ('gsi-E0120600246111', '緑ヶ岡コミュニティ消防センター', 'shelter', '北海道釧路市緑ケ岡1-21-1', 42.984646, 144.406999, '', ''),
  ('gsi-E0120600247111', '第１福ちゃん保育園', 'shelter', '北海道釧路市緑ケ岡2-27-2', 42.989889, 144.407135, '', ''),
  ('gsi-E0120600249111', '労働者福祉センター（サンライフ釧路）', 'shelter', '北海道釧路市緑ケ岡3-1-11', 42.986729, 144.409045, '', ''),
  ('gsi-E0120600250111', '湖陵高等学校', 'shelter', '北海道釧路市緑ケ岡3-1-31', 42.982052, 144.409903, '', ''),
  ('gsi-E0120600252111', '清明小学校', 'shelter', '北海道釧路市緑ケ岡4-8-7', 42.990046, 144.411154, '', ''),
  ('gsi-E0120600253111', '釧路ひばり幼稚園', 'shelter', '北海道釧路市緑ケ岡5-20-15', 42.981052, 144.415341, '', ''),
  ('gsi-E0120600254111', '緑ヶ岡南会館', 'shelter', '北海道釧路市緑ケ岡5-4-27', 42.980937, 144.412798, '', ''),
  ('gsi-E0120600256111', '青陵中学校', 'shelter', '北海道釧路市緑ケ岡6-9-42', 42.988781, 144.416116, '', ''));
-- END generated shelters

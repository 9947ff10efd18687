-- BCP checklists: templates (standing), per-incident activated items, peacetime readiness.
-- Templates ship as data below: the Cabinet Office's six essential elements for a municipal BCP,
-- the water & sewer department BCP, the hospital BCP and prioritised emergency business per unit.

-- A template with unit_id NULL applies to every unit; otherwise only to that unit.
CREATE TABLE checklist_templates (
  id          TEXT PRIMARY KEY,
  unit_id     TEXT REFERENCES units(id),
  title_ja    TEXT NOT NULL,
  title_en    TEXT NOT NULL,
  sort_order  INTEGER NOT NULL DEFAULT 0,
  version     INTEGER NOT NULL DEFAULT 1,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT
);

CREATE TABLE checklist_template_sections (
  template_id TEXT NOT NULL REFERENCES checklist_templates(id),
  key         TEXT NOT NULL,
  position    INTEGER NOT NULL,
  title_ja    TEXT NOT NULL,
  title_en    TEXT NOT NULL,
  PRIMARY KEY (template_id, key)
) WITHOUT ROWID;

-- target_minutes: target start counted from the onset (prioritised business); NULL = no deadline.
CREATE TABLE checklist_template_items (
  template_id    TEXT NOT NULL REFERENCES checklist_templates(id),
  key            TEXT NOT NULL,
  section_key    TEXT NOT NULL,
  position       INTEGER NOT NULL,
  text_ja        TEXT NOT NULL,
  text_en        TEXT NOT NULL,
  target_minutes INTEGER CHECK (target_minutes IS NULL OR target_minutes > 0),
  PRIMARY KEY (template_id, key)
) WITHOUT ROWID;

-- Which templates a unit activated for an incident, at which template version.
CREATE TABLE checklist_activations (
  incident_id      TEXT NOT NULL REFERENCES incidents(id),
  unit_id          TEXT NOT NULL REFERENCES units(id),
  template_id      TEXT NOT NULL REFERENCES checklist_templates(id),
  template_version INTEGER NOT NULL,
  item_count       INTEGER NOT NULL,
  activated_at     TEXT NOT NULL,
  activated_by     TEXT NOT NULL,
  PRIMARY KEY (incident_id, unit_id, template_id)
) WITHOUT ROWID;

-- Items are copies of template items: later template edits do not rewrite an incident's history.
-- The deadline is not stored: it is the incident's onset + target_minutes, so a corrected onset moves it.
CREATE TABLE checklist_items (
  id               TEXT PRIMARY KEY,
  incident_id      TEXT NOT NULL REFERENCES incidents(id),
  unit_id          TEXT NOT NULL REFERENCES units(id),
  template_id      TEXT NOT NULL,
  item_key         TEXT NOT NULL,
  section_key      TEXT NOT NULL,
  section_title_ja TEXT NOT NULL,
  section_title_en TEXT NOT NULL,
  position         INTEGER NOT NULL,
  text_ja          TEXT NOT NULL,
  text_en          TEXT NOT NULL,
  target_minutes   INTEGER,
  state            TEXT NOT NULL DEFAULT 'todo'
                   CHECK (state IN ('todo', 'in_progress', 'done', 'blocked', 'not_applicable')),
  reason           TEXT,
  owner_id         TEXT REFERENCES users(id),
  note             TEXT,
  state_changed_at TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  updated_by       TEXT,
  version          INTEGER NOT NULL DEFAULT 1,
  UNIQUE (incident_id, unit_id, template_id, item_key)
);
CREATE INDEX checklist_items_by_incident ON checklist_items(incident_id, unit_id, position);

-- Peacetime (平常時) readiness: verified every interval_days; overdue when the interval has passed.
CREATE TABLE readiness_items (
  id                TEXT PRIMARY KEY,
  unit_id           TEXT NOT NULL REFERENCES units(id),
  element           TEXT NOT NULL,
  position          INTEGER NOT NULL,
  text_ja           TEXT NOT NULL,
  text_en           TEXT NOT NULL,
  interval_days     INTEGER NOT NULL CHECK (interval_days BETWEEN 1 AND 3650),
  last_verified_at  TEXT,
  last_verified_by  TEXT REFERENCES users(id),
  verification_note TEXT,
  version           INTEGER NOT NULL DEFAULT 1,
  updated_at        TEXT NOT NULL
);
CREATE INDEX readiness_items_by_unit ON readiness_items(unit_id, position);

-- ---------------------------------------------------------------------------------------------
-- Shipped templates.
INSERT INTO checklist_templates (id, unit_id, title_ja, title_en, sort_order, version, updated_at) VALUES
  ('municipal-bcp', NULL, '市町村BCP 重要6要素チェックリスト', 'Municipal BCP: the six essential elements', 1, 1, '2026-04-01T00:00:00.000Z'),
  ('water-bcp', 'water', '上下水道部 業務継続計画（水道・下水道BCP）', 'Water & Sewer Dept. BCP', 2, 1, '2026-04-01T00:00:00.000Z'),
  ('hospital-bcp', 'hospital', '市立釧路総合病院 BCP（災害拠点病院）', 'City General Hospital BCP (disaster base hospital)', 3, 1, '2026-04-01T00:00:00.000Z'),
  ('priority-hq', 'hq', '非常時優先業務（災害対策本部）', 'Prioritised emergency business (Disaster HQ)', 10, 1, '2026-04-01T00:00:00.000Z'),
  ('priority-general', 'general', '非常時優先業務（総務部）', 'Prioritised emergency business (General Affairs)', 10, 1, '2026-04-01T00:00:00.000Z'),
  ('priority-citizens', 'citizens', '非常時優先業務（市民環境部）', 'Prioritised emergency business (Citizens & Environment)', 10, 1, '2026-04-01T00:00:00.000Z'),
  ('priority-welfare', 'welfare', '非常時優先業務（福祉部）', 'Prioritised emergency business (Welfare)', 10, 1, '2026-04-01T00:00:00.000Z'),
  ('priority-urban', 'urban', '非常時優先業務（都市整備部）', 'Prioritised emergency business (Urban Development)', 10, 1, '2026-04-01T00:00:00.000Z'),
  ('priority-water', 'water', '非常時優先業務（上下水道部）', 'Prioritised emergency business (Water & Sewer)', 10, 1, '2026-04-01T00:00:00.000Z'),
  ('priority-hospital', 'hospital', '非常時優先業務（市立釧路総合病院）', 'Prioritised emergency business (City General Hospital)', 10, 1, '2026-04-01T00:00:00.000Z');

INSERT INTO checklist_template_sections (template_id, key, position, title_ja, title_en) VALUES
  ('municipal-bcp', 'succession', 1, '首長不在時の代行順位と職員の参集体制', 'Succession order and staff call-in'),
  ('municipal-bcp', 'alternate_site', 2, '本庁舎が使用できない場合の代替庁舎', 'Alternate building'),
  ('municipal-bcp', 'power_water_food', 3, '電気・水・食料等の確保', 'Power, water and food'),
  ('municipal-bcp', 'communications', 4, '災害時にもつながる多様な通信手段', 'Communications that work in a disaster'),
  ('municipal-bcp', 'data_backup', 5, '重要な行政データのバックアップ', 'Backup of important administrative data'),
  ('municipal-bcp', 'priority_business', 6, '非常時優先業務の整理', 'Prioritised emergency business'),
  ('water-bcp', 'hq_command', 1, '上下水道災害対策本部と指揮命令系統', 'Water & sewer HQ and chain of command'),
  ('water-bcp', 'contacts', 2, '緊急連絡先リスト', 'Contact lists'),
  ('water-bcp', 'records', 3, '図面・台帳のバックアップ', 'Records backup'),
  ('water-bcp', 'plants_pumps', 4, '浄水場・配水池・処理場・ポンプ場', 'Treatment plants and pump stations'),
  ('water-bcp', 'pipes', 5, '管路の被害調査と応急復旧', 'Pipe damage survey and emergency repair'),
  ('water-bcp', 'water_supply', 6, '応急給水（目標水量）', 'Emergency water supply (target volumes)'),
  ('hospital-bcp', 'command', 1, '院内災害対策本部', 'Hospital disaster HQ'),
  ('hospital-bcp', 'power', 2, '電力（自家発電）', 'Power (generator)'),
  ('hospital-bcp', 'water', 3, '水', 'Water'),
  ('hospital-bcp', 'triage', 4, 'トリアージ', 'Triage'),
  ('hospital-bcp', 'dmat', 5, 'DMATの受入れ', 'DMAT reception'),
  ('hospital-bcp', 'surge', 6, '多数傷病者の受入れスペース', 'Space for surge patients'),
  ('hospital-bcp', 'supplies', 7, '医薬品・食料', 'Drugs and food'),
  ('priority-hq', 'priority_business', 1, '非常時優先業務の整理', 'Prioritised emergency business'),
  ('priority-general', 'priority_business', 1, '非常時優先業務の整理', 'Prioritised emergency business'),
  ('priority-citizens', 'priority_business', 1, '非常時優先業務の整理', 'Prioritised emergency business'),
  ('priority-welfare', 'priority_business', 1, '非常時優先業務の整理', 'Prioritised emergency business'),
  ('priority-urban', 'priority_business', 1, '非常時優先業務の整理', 'Prioritised emergency business'),
  ('priority-water', 'priority_business', 1, '非常時優先業務の整理', 'Prioritised emergency business'),
  ('priority-hospital', 'priority_business', 1, '非常時優先業務の整理', 'Prioritised emergency business');

-- Target minutes: 180 = 3 h, 1440 = 1 day, 4320 = 3 days, 10080 = 1 week, 20160 = 2 weeks, 43200 = 1 month (30 days).
INSERT INTO checklist_template_items (template_id, key, section_key, position, text_ja, text_en, target_minutes) VALUES
  ('municipal-bcp', 'succession-order', 'succession', 1, '市長不在時の職務代行順位（副市長→危機管理監 等）を確認し本部員に周知した', 'Confirmed the order of succession when the mayor is absent and told the HQ members', 60),
  ('municipal-bcp', 'succession-units', 'succession', 2, '各所属で部長・課長不在時の代行者を確認した', 'Each unit confirmed stand-ins for absent directors and section chiefs', 180),
  ('municipal-bcp', 'call-in-sent', 'succession', 3, '職員参集メール（安否確認）を一斉送信した', 'Sent the staff call-in and safety-confirmation message', 60),
  ('municipal-bcp', 'call-in-count', 'succession', 4, '参集状況（参集済・参集途中・参集不可）を集計し本部へ報告した', 'Counted staff arrived / on the way / unable to come and reported to HQ', 180),
  ('municipal-bcp', 'call-in-rotation', 'succession', 5, '参集職員の交代勤務（ローテーション）表を作成した', 'Drew up the shift rotation of the staff who came in', 1440),
  ('municipal-bcp', 'site-damage', 'alternate_site', 1, '本庁舎の被災状況（浸水・損壊・電源）を確認した', 'Checked the main building for flooding, damage and power', 180),
  ('municipal-bcp', 'site-decision', 'alternate_site', 2, '代替庁舎（防災庁舎 等）への移転要否を本部長が判断した', 'The HQ head decided whether to move to the alternate building (disaster prevention building etc.)', 180),
  ('municipal-bcp', 'site-keys', 'alternate_site', 3, '代替庁舎の鍵・入館手段を確保した', 'Secured keys and access to the alternate building', 180),
  ('municipal-bcp', 'site-setup', 'alternate_site', 4, '代替庁舎に机・端末・電話・掲示板を配置した', 'Set up desks, terminals, phones and boards in the alternate building', 1440),
  ('municipal-bcp', 'site-notice', 'alternate_site', 5, '移転先を職員・関係機関・市民へ周知した', 'Told staff, partner agencies and citizens where the offices moved', 1440),
  ('municipal-bcp', 'power-generator', 'power_water_food', 1, '非常用発電機の起動を確認した（燃料補給なしで72時間運転可能か）', 'Confirmed the emergency generator started (can it run 72 h unsupplied?)', 180),
  ('municipal-bcp', 'power-fuel', 'power_water_food', 2, '発電機燃料の残量を確認し、優先供給協定に基づき補給を手配した', 'Checked generator fuel and ordered supply under the priority supply agreement', 1440),
  ('municipal-bcp', 'water-building', 'power_water_food', 3, '庁舎の断水有無を確認し、飲料水・トイレ用水を確保した', 'Checked the building water supply and secured drinking and toilet water', 1440),
  ('municipal-bcp', 'food-staff', 'power_water_food', 4, '災害対応職員用の食料・飲料水（3日分）を配布した', 'Handed out food and water for response staff (3 days)', 1440),
  ('municipal-bcp', 'rest-space', 'power_water_food', 5, '簡易トイレ・毛布・仮眠場所を用意した', 'Prepared portable toilets, blankets and rest space', 1440),
  ('municipal-bcp', 'comms-satellite', 'communications', 1, '衛星携帯電話で通話できることを確認した', 'Confirmed a call on the satellite phone', 180),
  ('municipal-bcp', 'comms-radio', 'communications', 2, '防災行政無線（移動系）で本部と交信できることを確認した', 'Confirmed contact with HQ on the disaster administrative radio (mobile)', 180),
  ('municipal-bcp', 'comms-priority', 'communications', 3, '災害時優先電話から発信できることを確認した', 'Confirmed outgoing calls from the disaster priority lines', 180),
  ('municipal-bcp', 'comms-prefecture', 'communications', 4, '北海道・関係機関への被害報告の手段を確保した', 'Secured a way to report damage to Hokkaido and partner agencies', 180),
  ('municipal-bcp', 'comms-runner', 'communications', 5, '通信途絶に備え伝令（連絡員）を指名した', 'Named runners in case all lines fail', 1440),
  ('municipal-bcp', 'data-systems', 'data_backup', 1, '住民基本台帳・税・福祉システムの稼働状況を確認した', 'Checked the resident register, tax and welfare systems are running', 1440),
  ('municipal-bcp', 'data-offsite', 'data_backup', 2, '遠隔地バックアップ（庁外保管）の最終取得日時を確認した', 'Checked when the off-site backup was last taken', 1440),
  ('municipal-bcp', 'data-restore', 'data_backup', 3, '必要なシステムについてバックアップからの復元を開始した', 'Started restoring the needed systems from backup', 4320),
  ('municipal-bcp', 'data-paper', 'data_backup', 4, '紙の重要書類（台帳・契約書）の浸水被害の有無を確認した', 'Checked important paper records (registers, contracts) for water damage', 4320),
  ('municipal-bcp', 'data-victims', 'data_backup', 5, '被災者台帳の作成に必要なデータを抽出した', 'Extracted the data needed for the register of disaster victims', 4320),
  ('municipal-bcp', 'pb-hq', 'priority_business', 1, '災害対策本部を設置し第1回本部員会議を開いた', 'Set up the disaster HQ and held the first HQ meeting', 180),
  ('municipal-bcp', 'pb-list', 'priority_business', 2, '非常時優先業務の一覧を確認し、各業務の担当者を割り当てた', 'Reviewed the list of prioritised emergency business and assigned owners', 180),
  ('municipal-bcp', 'pb-suspend', 'priority_business', 3, '休止する通常業務を決定し、窓口・ホームページで周知した', 'Decided which normal business to suspend and announced it', 1440),
  ('municipal-bcp', 'pb-resume', 'priority_business', 4, '休止した通常業務の段階的な再開計画を決めた', 'Decided how suspended normal business will resume step by step', 10080),

  ('water-bcp', 'hq-open', 'hq_command', 1, '上下水道災害対策本部を設置し、本部長（部長）と代行者を確認した', 'Set up the water & sewer disaster HQ and confirmed its head and stand-in', 60),
  ('water-bcp', 'hq-relocate', 'hq_command', 2, '上下水道部庁舎の浸水危険を判断し、他施設への機能移転を決定した', 'Judged the flood risk to the department building and decided whether to move its functions', 180),
  ('water-bcp', 'hq-liaison', 'hq_command', 3, '全庁の災害対策本部へ連絡員を派遣した', 'Sent a liaison to the city-wide disaster HQ', 180),
  ('water-bcp', 'hq-teams', 'hq_command', 4, '班編成（給水班・復旧班・施設班・広報班）を指示した', 'Ordered the teams: water supply, repair, facilities, public information', 180),
  ('water-bcp', 'contacts-staff', 'contacts', 1, '職員の緊急連絡網を起動し参集状況を把握した', 'Started the staff emergency call tree and counted who came in', 180),
  ('water-bcp', 'contacts-contractors', 'contacts', 2, '管工事業協同組合・指定給水装置工事事業者へ出動を要請した', 'Called out the pipe works cooperative and designated plumbing contractors', 1440),
  ('water-bcp', 'contacts-jwwa', 'contacts', 3, '日本水道協会（北海道地方支部）へ応援要請の要否を連絡した', 'Told the Japan Water Works Association (Hokkaido) whether mutual aid is needed', 1440),
  ('water-bcp', 'contacts-suppliers', 'contacts', 4, '電力・燃料・薬品（塩素等）の供給事業者へ連絡した', 'Contacted power, fuel and chemical (chlorine etc.) suppliers', 1440),
  ('water-bcp', 'records-drawings', 'records', 1, '管路図（紙・電子）と施設台帳を代替拠点で使える状態にした', 'Made pipe drawings (paper and digital) and asset registers usable at the alternate base', 180),
  ('water-bcp', 'records-mapping', 'records', 2, 'マッピングシステムをバックアップから閲覧できるようにした', 'Restored viewing of the pipe mapping system from backup', 1440),
  ('water-bcp', 'records-customers', 'records', 3, '料金・お客さまデータのバックアップ状況を確認した', 'Checked the backup of billing and customer data', 4320),
  ('water-bcp', 'plants-treatment', 'plants_pumps', 1, '浄水場の運転状況と水質（残留塩素・濁度）を確認した', 'Checked treatment plant operation and water quality (residual chlorine, turbidity)', 180),
  ('water-bcp', 'plants-reservoirs', 'plants_pumps', 2, '配水池の貯留量と緊急遮断弁の作動を確認した', 'Checked distribution reservoir levels and that emergency shut-off valves closed', 180),
  ('water-bcp', 'plants-sewage', 'plants_pumps', 3, '下水処理場・ポンプ場の被害と運転状況を確認した', 'Checked sewage treatment plants and pump stations for damage and operation', 180),
  ('water-bcp', 'plants-generators', 'plants_pumps', 4, '停電中の施設で非常用発電機の稼働と燃料残量を確認した', 'Checked generators and fuel at facilities without grid power', 180),
  ('water-bcp', 'plants-minimum', 'plants_pumps', 5, '簡易処理（沈殿・消毒）による下水の最低限の処理を確保した', 'Secured minimum sewage treatment (settling and disinfection)', 4320),
  ('water-bcp', 'pipes-reports', 'pipes', 1, '漏水・断水の通報を受け付け、被害箇所を地図に記録した', 'Took leak and outage reports and recorded each damage point on the map', 1440),
  ('water-bcp', 'pipes-priority', 'pipes', 2, '基幹管路と重要施設（病院・避難所）への管路を優先して調査した', 'Surveyed trunk mains and pipes to key facilities (hospitals, shelters) first', 1440),
  ('water-bcp', 'pipes-repair', 'pipes', 3, '応急復旧の優先順位を決め、工事業者を割り当てた', 'Set emergency repair priorities and assigned contractors', 4320),
  ('water-bcp', 'pipes-sewer-first', 'pipes', 4, '下水管路・マンホールの緊急点検（一次調査）を行った', 'Did the first (emergency) survey of sewer pipes and manholes', 4320),
  ('water-bcp', 'pipes-sewer-second', 'pipes', 5, '下水管路の二次調査を開始した', 'Started the second (detailed) sewer survey', 20160),
  ('water-bcp', 'supply-start', 'water_supply', 1, '給水車を出動させ、病院・避難所への応急給水を開始した', 'Sent water tankers and started emergency supply to hospitals and shelters', 180),
  ('water-bcp', 'supply-notice', 'water_supply', 2, '給水所の場所と時間を市民へ広報した', 'Told citizens where and when water is handed out', 1440),
  ('water-bcp', 'supply-3l', 'water_supply', 3, '3日目まで：1人1日3L（飲料水）を確保した', 'By day 3: 3 L per person per day (drinking water)', 4320),
  ('water-bcp', 'supply-20l', 'water_supply', 4, '10日目まで：1人1日20L（炊事・トイレ）を確保した', 'By day 10: 20 L per person per day (cooking, toilets)', 14400),
  ('water-bcp', 'supply-100l', 'water_supply', 5, '21日目まで：1人1日100L（洗濯・入浴）を確保した', 'By day 21: 100 L per person per day (laundry, bathing)', 30240),
  ('water-bcp', 'supply-250l', 'water_supply', 6, '28日目まで：1人1日250L（ほぼ平常どおり）を確保した', 'By day 28: 250 L per person per day (near normal)', 40320),

  ('hospital-bcp', 'command-open', 'command', 1, '院内災害対策本部を設置し、本部長（院長）と代行者を確認した', 'Set up the hospital disaster HQ and confirmed its head (director) and stand-in', 60),
  ('hospital-bcp', 'command-emis', 'command', 2, 'EMISに緊急時入力（病院の被災状況）を行った', 'Entered the emergency status (hospital damage) in EMIS', 60),
  ('hospital-bcp', 'command-staff', 'command', 3, '職員の参集状況と稼働可能な手術室・病床数を把握した', 'Counted staff present and usable operating rooms and beds', 180),
  ('hospital-bcp', 'power-load', 'power', 1, '自家発電機が通常時の約6割の負荷を賄えていることを確認した', 'Confirmed the generator carries about 60 % of the normal load', 60),
  ('hospital-bcp', 'power-fuel', 'power', 2, '発電機燃料が約3日分あることを確認し、補給を要請した', 'Confirmed about 3 days of generator fuel and requested resupply', 1440),
  ('hospital-bcp', 'power-devices', 'power', 3, '人工呼吸器など生命維持装置の非常電源への接続を確認した', 'Confirmed ventilators and other life support are on emergency power', 60),
  ('hospital-bcp', 'water-tanks', 'water', 1, '受水槽・高架水槽の残量を確認した', 'Checked receiving and elevated water tank levels', 180),
  ('hospital-bcp', 'water-request', 'water', 2, '上下水道部へ給水車による補給を要請した', 'Asked the water & sewer department for tanker resupply', 1440),
  ('hospital-bcp', 'water-dialysis', 'water', 3, '透析・手術・給食の水使用量を調整した', 'Adjusted water use for dialysis, surgery and meals', 1440),
  ('hospital-bcp', 'triage-area', 'triage', 1, 'トリアージエリア（正面玄関前）を設置した', 'Set up the triage area at the main entrance', 60),
  ('hospital-bcp', 'triage-tags', 'triage', 2, 'トリアージタグの在庫数を確認し、各エリアへ配布した', 'Counted triage tag stock and handed tags out to each area', 60),
  ('hospital-bcp', 'triage-leads', 'triage', 3, '赤・黄・緑・黒の各エリアの責任者を指名した', 'Named a lead for each of the red, yellow, green and black areas', 60),
  ('hospital-bcp', 'dmat-decision', 'dmat', 1, 'DMAT派遣要請・受入れの要否を判断した', 'Decided whether to request and receive DMAT teams', 180),
  ('hospital-bcp', 'dmat-base', 'dmat', 2, 'DMAT活動拠点本部（受付・控室・駐車場）を用意した', 'Prepared the DMAT base (reception, standby room, parking)', 1440),
  ('hospital-bcp', 'dmat-transport', 'dmat', 3, '広域医療搬送の調整窓口を指名した', 'Named the contact for wide-area medical transport', 1440),
  ('hospital-bcp', 'surge-space', 'surge', 1, '外来ロビー・会議室を臨時の診療・病床スペースに転用した', 'Turned the outpatient lobby and meeting rooms into surge treatment space', 180),
  ('hospital-bcp', 'surge-beds', 'surge', 2, '簡易ベッド・ストレッチャー・毛布を展開した', 'Set out cots, stretchers and blankets', 180),
  ('hospital-bcp', 'surge-discharge', 'surge', 3, '退院可能な患者の早期退院・転院を調整した', 'Arranged early discharge or transfer of patients who can leave', 1440),
  ('hospital-bcp', 'supplies-drugs', 'supplies', 1, '医薬品・医療材料の在庫日数を確認し、卸へ補給を要請した', 'Checked days of drugs and medical supplies and ordered more', 1440),
  ('hospital-bcp', 'supplies-food', 'supplies', 2, '患者・職員用の食料（3日分）を確認した', 'Confirmed food for patients and staff (3 days)', 1440),

  ('priority-hq', 'warnings', 'priority_business', 1, '避難指示の発令と防災行政無線・緊急速報メールでの伝達', 'Issue evacuation orders and broadcast them (radio, emergency alert mail)', 60),
  ('priority-hq', 'damage-report', 'priority_business', 2, '被害情報の収集と北海道への第1報', 'Gather damage information and send the first report to Hokkaido', 180),
  ('priority-hq', 'sdf-request', 'priority_business', 3, '自衛隊の災害派遣要請の要否判断', 'Decide whether to request SDF disaster dispatch', 1440),
  ('priority-hq', 'aid-reception', 'priority_business', 4, '応援職員・支援物資の受援体制の確立', 'Set up reception of outside staff and relief supplies', 4320),
  ('priority-hq', 'recovery-plan', 'priority_business', 5, '復旧・復興方針の策定', 'Draw up the recovery and reconstruction policy', 43200),
  ('priority-general', 'staff-safety', 'priority_business', 1, '職員の安否確認と参集状況の集約', 'Confirm staff safety and collect call-in status', 180),
  ('priority-general', 'press', 'priority_business', 2, '報道機関への対応窓口の設置', 'Open a single press desk', 1440),
  ('priority-general', 'certificates', 'priority_business', 3, 'り災証明書の交付開始', 'Start issuing disaster victim certificates', 20160),
  ('priority-general', 'payroll', 'priority_business', 4, '職員給与・支払事務の再開', 'Resume payroll and payments', 43200),
  ('priority-citizens', 'shelters-register', 'priority_business', 1, '避難所の避難者名簿の作成', 'Start shelter evacuee registers', 1440),
  ('priority-citizens', 'debris', 'priority_business', 2, '災害廃棄物の仮置場の設置', 'Open temporary debris yards', 4320),
  ('priority-citizens', 'bodies', 'priority_business', 3, '遺体の安置所の確保と火葬の調整', 'Secure a mortuary and arrange cremation', 4320),
  ('priority-citizens', 'counters', 'priority_business', 4, '住民票・戸籍等の窓口業務の再開', 'Reopen resident register and family register counters', 10080),
  ('priority-welfare', 'vulnerable', 'priority_business', 1, '避難行動要支援者の安否確認', 'Check on people who need help to evacuate', 180),
  ('priority-welfare', 'welfare-shelter', 'priority_business', 2, '福祉避難所の開設', 'Open welfare shelters', 4320),
  ('priority-welfare', 'care-facilities', 'priority_business', 3, '介護・障がい福祉施設の被災状況の把握', 'Find out the state of care and disability facilities', 1440),
  ('priority-welfare', 'relief-funds', 'priority_business', 4, '災害弔慰金・見舞金の受付開始', 'Start accepting applications for condolence and relief payments', 43200),
  ('priority-urban', 'roads', 'priority_business', 1, '緊急輸送道路の被害確認と啓開', 'Check and clear emergency transport roads', 180),
  ('priority-urban', 'buildings', 'priority_business', 2, '被災建築物応急危険度判定の実施', 'Carry out rapid post-disaster building inspections', 4320),
  ('priority-urban', 'housing', 'priority_business', 3, '応急仮設住宅の建設候補地の選定', 'Choose sites for temporary housing', 20160),
  ('priority-urban', 'municipal-housing', 'priority_business', 4, '市営住宅の空き住戸の提供', 'Offer vacant municipal housing units', 10080),
  ('priority-water', 'supply-hospitals', 'priority_business', 1, '病院・透析施設への応急給水', 'Emergency water for hospitals and dialysis clinics', 180),
  ('priority-water', 'leak-isolation', 'priority_business', 2, '大規模漏水箇所の仕切弁操作による断水区域の限定', 'Close valves to limit the outage area around major leaks', 1440),
  ('priority-water', 'sewer-overflow', 'priority_business', 3, '下水の溢水箇所の把握と仮設ポンプの設置', 'Find sewer overflows and set up temporary pumps', 4320),
  ('priority-water', 'restore-plan', 'priority_business', 4, '応急復旧計画（通水の見通し）の公表', 'Publish the emergency repair plan and when water returns', 10080),
  ('priority-hospital', 'acceptance', 'priority_business', 1, '傷病者の受入れ（トリアージ開始）', 'Receive casualties (start triage)', 60),
  ('priority-hospital', 'inpatients', 'priority_business', 2, '入院患者の安全確認と病棟の被害確認', 'Check inpatient safety and ward damage', 180),
  ('priority-hospital', 'dialysis', 'priority_business', 3, '人工透析の継続または他院への振替', 'Keep dialysis going or move it to other hospitals', 1440),
  ('priority-hospital', 'outpatients', 'priority_business', 4, '一般外来の再開', 'Reopen general outpatient clinics', 20160);

-- ---------------------------------------------------------------------------------------------
-- Peacetime readiness: the same checks for every unit, plus the water and hospital specifics.
-- Never verified at install (last_verified_at NULL), so every item starts out as overdue.
INSERT INTO readiness_items (id, unit_id, element, position, text_ja, text_en, interval_days, version, updated_at)
WITH r(key, element, position, text_ja, text_en, interval_days) AS (VALUES
    ('succession-list', 'succession', 1, '職務代行者リストと職員連絡網を最新化した', 'Updated the list of stand-ins and the staff call tree', 180),
    ('call-in-test', 'succession', 2, '参集メール（安否確認）の送受信訓練を行った', 'Ran a call-in / safety-confirmation message test', 90),
    ('alternate-site', 'alternate_site', 3, '代替庁舎の鍵・配置図・必要物品を確認した', 'Checked keys, layout and kit for the alternate building', 365),
    ('stock-expiry', 'power_water_food', 4, '職員用備蓄（食料・飲料水3日分）の期限を確認した', 'Checked expiry of staff stocks (3 days of food and water)', 180),
    ('satellite-phone', 'communications', 5, '衛星携帯電話の通話試験を行った', 'Tested a call on the satellite phone', 30),
    ('radio-test', 'communications', 6, '防災行政無線（移動系）の交信試験を行った', 'Tested the disaster administrative radio', 30),
    ('backup-restore', 'data_backup', 7, '重要データのバックアップからの復元試験を行った', 'Tested restoring important data from backup', 90),
    ('priority-review', 'priority_business', 8, '非常時優先業務の一覧と目標開始時間を見直した', 'Reviewed the prioritised emergency business and target start times', 365)
)
SELECT u.id || '-' || r.key, u.id, r.element, r.position, r.text_ja, r.text_en, r.interval_days, 1, '2026-04-01T00:00:00.000Z'
FROM units u CROSS JOIN r;

INSERT INTO readiness_items (id, unit_id, element, position, text_ja, text_en, interval_days, version, updated_at) VALUES
  ('hq-generator-run', 'hq', 'power_water_food', 20, '本庁舎の非常用発電機の試運転と燃料（72時間分）を確認した', 'Test-ran the city hall generator and checked 72 h of fuel', 30, 1, '2026-04-01T00:00:00.000Z'),
  ('hq-priority-lines', 'hq', 'communications', 21, '災害時優先電話の発信試験を行った', 'Tested outgoing calls on the disaster priority lines', 90, 1, '2026-04-01T00:00:00.000Z'),
  ('water-shutoff-valves', 'water', 'power_water_food', 20, '配水池の緊急遮断弁の作動確認を行った', 'Checked the reservoir emergency shut-off valves operate', 365, 1, '2026-04-01T00:00:00.000Z'),
  ('water-tankers', 'water', 'power_water_food', 21, '給水車・給水タンク・ポリタンクを点検した', 'Inspected water tankers, tanks and water bags', 90, 1, '2026-04-01T00:00:00.000Z'),
  ('water-drawings', 'water', 'data_backup', 22, '紙の管路図面を最新化し代替拠点に保管した', 'Updated the paper pipe drawings kept at the alternate base', 180, 1, '2026-04-01T00:00:00.000Z'),
  ('hospital-generator-load', 'hospital', 'power_water_food', 20, '自家発電機の負荷運転（通常時の約6割）を行った', 'Ran the generator under load (about 60 % of normal)', 30, 1, '2026-04-01T00:00:00.000Z'),
  ('hospital-fuel', 'hospital', 'power_water_food', 21, '発電機燃料の備蓄（約3日分）を確認した', 'Checked generator fuel stock (about 3 days)', 30, 1, '2026-04-01T00:00:00.000Z'),
  ('hospital-triage-tags', 'hospital', 'power_water_food', 22, 'トリアージタグの在庫を確認した', 'Counted triage tag stock', 90, 1, '2026-04-01T00:00:00.000Z'),
  ('hospital-emis', 'hospital', 'communications', 23, 'EMISへの入力訓練を行った', 'Practised entering status in EMIS', 180, 1, '2026-04-01T00:00:00.000Z');

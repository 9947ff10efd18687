// Demo data for a local database: the demo accounts and one drill incident.
// Used only by `npm start` (and the browser tests); a deploy never runs it.
import { pbkdf2Sync, randomBytes, randomUUID } from "node:crypto";

export const DEMO_ACCOUNTS = [
  { login: "hq", displayName: "防災危機管理課 佐藤", unitId: "hq", role: "admin" },
  { login: "water", displayName: "上下水道部 鈴木", unitId: "water", role: "editor" },
  { login: "hospital", displayName: "総合病院 高橋", unitId: "hospital", role: "editor" },
  { login: "viewer", displayName: "本部員（閲覧） 田中", unitId: "hq", role: "viewer" },
];

const ITERATIONS = 100_000; // the most workerd's WebCrypto accepts
const q = (v) => (v === null ? "NULL" : typeof v === "number" ? String(v) : `'${String(v).replaceAll("'", "''")}'`);

export function passwordRecord(password) {
  const salt = randomBytes(16);
  const hash = pbkdf2Sync(password, salt, ITERATIONS, 32, "sha256");
  return { salt: salt.toString("base64"), hash: hash.toString("base64"), iterations: ITERATIONS };
}

/** SQL that inserts the demo accounts and a tsunami drill whose onset was 90 minutes ago. */
export function demoSeedSql(password, now = new Date()) {
  const at = now.toISOString();
  const lines = [];
  for (const a of DEMO_ACCOUNTS) {
    const p = passwordRecord(password);
    lines.push(
      `INSERT INTO users (id, login, display_name, unit_id, role, password_hash, password_salt, password_iterations, created_at) VALUES (${[
        `user-${a.login}`, a.login, a.displayName, a.unitId, a.role, p.hash, p.salt, p.iterations, at,
      ].map(q).join(", ")});`,
    );
  }
  const onset = new Date(Math.floor((now.getTime() - 90 * 60_000) / 60_000) * 60_000).toISOString();
  const incident = {
    id: randomUUID(),
    title: "釧路市総合防災訓練（日本海溝・千島海溝沿い巨大地震・津波想定）",
    kind: "drill",
    hazard: "tsunami",
    onsetAt: onset,
    phase: "emergency",
    phases: [
      { phase: "initial", beganAt: onset },
      { phase: "emergency", beganAt: new Date(Date.parse(onset) + 40 * 60_000).toISOString() },
    ],
    posture: "emergency",
    postures: [
      { posture: "warning", since: onset },
      { posture: "emergency", since: new Date(Date.parse(onset) + 10 * 60_000).toISOString() },
    ],
    status: "open",
    closedAt: null,
    leadUnitId: "hq",
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdBy: "user-hq",
  };
  const i = incident;
  lines.push(
    `INSERT INTO incidents (id, title, kind, hazard, onset_at, phase, phases_json, posture, postures_json, status, closed_at, lead_unit_id, version, created_at, updated_at, created_by) VALUES (${[
      i.id, i.title, i.kind, i.hazard, i.onsetAt, i.phase, JSON.stringify(i.phases), i.posture, JSON.stringify(i.postures), i.status, i.closedAt,
      i.leadUnitId, i.version, i.createdAt, i.updatedAt, i.createdBy,
    ].map(q).join(", ")});`,
    `INSERT INTO change_log (stream, seq, at, actor_id, actor_name, actor_unit, entity_type, entity_id, op, before_json, after_json, mutation_id) VALUES (${[
      i.id, 1, at, "user-hq", DEMO_ACCOUNTS[0].displayName, "hq", "incident", i.id, "create", null, JSON.stringify(i), `seed-${i.id}`,
    ].map(q).join(", ")});`,
  );
  // Peacetime checks as a city that keeps its plan up: most verified half an interval ago, every
  // fifth one left unverified so the readiness view has something overdue to show.
  lines.push(
    `UPDATE readiness_items SET last_verified_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (interval_days / 2) || ' days'), last_verified_by = 'user-hq', verification_note = '定期点検（デモデータ）' WHERE rowid % 5 != 0;`,
  );
  return { sql: lines.join("\n") + "\n", incident };
}

// A past triage drill for the demo, run through the API like any other: planned, tagged by two
// officers with a few realistic errors, ended (and so scored), with an improvement plan whose
// first action is already overdue. It gives the trend chart and the overdue flag something to show.

const DAY = 86_400_000;
/** How long ago the past drill was held. */
export const PAST_DRILL_DAYS = 60;

export function client(base, cookie) {
  const call = async (method, path, body) => {
    const headers = { Cookie: cookie, Origin: base, "Content-Type": "application/json" };
    if (method !== "GET") headers["Idempotency-Key"] = crypto.randomUUID();
    const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  return call;
}

/** Which category the officers gave: mostly right, one red under-triaged, one yellow over-triaged. */
function assigned(expected, i) {
  if (expected === "red" && i % 4 === 3) return "yellow";
  if (expected === "yellow" && i % 5 === 2) return "red";
  return expected;
}

/** The session cookie of a demo account. */
export async function demoCookie(base, login, password) {
  const signIn = await fetch(`${base}/api/session`, {
    method: "POST",
    headers: { Origin: base, "Content-Type": "application/json" },
    body: JSON.stringify({ login, password }),
  });
  if (!signIn.ok) throw new Error(`demo: sign-in as ${login} failed (${signIn.status})`);
  return signIn.headers.get("set-cookie").split(";")[0];
}

export async function seedPastDrill(base, password) {
  const call = client(base, await demoCookie(base, "hospital", password));

  const { data: drill } = await call("POST", "/api/drills", {
    kind: "triage",
    title: "令和8年度 第1回 多数傷病者受入れ訓練（津波想定）",
    scheduledAt: new Date(Date.now() - PAST_DRILL_DAYS * DAY).toISOString(),
    place: "正面玄関前 トリアージポスト",
    objectives: ["START法で全傷病者を15分以内に一次トリアージする", "判定結果を5分以内に本部へ伝達する"],
    participants: [
      { id: "officer-a", name: "救急科 佐々木医師", role: "triage_officer", zoneId: "entrance" },
      { id: "officer-b", name: "看護部 中村看護師", role: "triage_officer", zoneId: "er" },
      { id: "liaison", name: "総務課 山田", role: "hq_liaison" },
    ],
    scenarioId: "seed-tsunami-kushiro",
  });
  let version = (await call("POST", `/api/drills/${drill.id}/status`, { version: drill.version, to: "running" })).data.version;
  const { casualties } = await call("GET", `/api/drills/${drill.id}`);
  // Two casualties are never reached: the drill ends with them untagged, as happens.
  for (const [i, c] of casualties.slice(0, -2).entries()) {
    const officer = i % 2 === 0 ? "officer-a" : "officer-b";
    await call("POST", `/api/drills/${drill.id}/tags`, {
      casualtyId: c.id,
      category: assigned(c.expected, i),
      zoneId: officer === "officer-a" ? "entrance" : "er",
      officerId: officer,
    });
  }
  version = (await call("GET", `/api/drills/${drill.id}`)).drill.version;
  await call("POST", `/api/drills/${drill.id}/status`, { version, to: "ended" });

  const due = (days) => new Date(Date.now() + days * DAY + 9 * 3_600_000).toISOString().slice(0, 10);
  await call("POST", `/api/drills/${drill.id}/actions`, {
    capability: "情報収集・伝達",
    issue: "判定結果の本部への伝達に10分以上かかった",
    action: "トリアージポストに本部連絡用タブレットを常設する",
    owner: "総務課 山田",
    organisation: "市立釧路総合病院 総務課",
    dueDate: due(-14),
  });
  await call("POST", `/api/drills/${drill.id}/actions`, {
    capability: "トリアージ",
    issue: "橈骨動脈の確認漏れによるアンダートリアージ（赤→黄）",
    action: "START法の循環評価を重点にした院内研修を実施する",
    owner: "救急科 佐々木医師",
    organisation: "市立釧路総合病院 救急科",
    dueDate: due(45),
  });
  return drill;
}

/**
 * The API stamps a drill's start, tags and end with the time they are recorded, i.e. today. The
 * demo's past drill was held PAST_DRILL_DAYS ago: this moves its own times (start, every tag, end,
 * and the same instants inside its stored score) back by that span, so the drill page and the
 * trend chart date it on its day. Every span between them, and so every figure, stays as scored.
 * The change log is left alone: it records, truthfully, that the drill was entered today.
 */
export function pastDrillDatesSql(drillId) {
  const id = `'${drillId.replace(/'/g, "''")}'`;
  const back = (col) => `${col} = CASE WHEN ${col} IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', ${col}, '-${PAST_DRILL_DAYS} days') END`;
  const backJson = (path) => `'${path}', strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(score_json, '${path}'), '-${PAST_DRILL_DAYS} days')`;
  return [
    `UPDATE drills SET ${back("started_at")}, ${back("ended_at")}, ${back("updated_at")}, ${back("created_at")},
       score_json = json_set(score_json, ${backJson("$.startedAt")}, ${backJson("$.endedAt")}, ${backJson("$.trend[#-1].endedAt")})
     WHERE id = ${id};`,
    `UPDATE drill_tags SET ${back("tagged_at")} WHERE drill_id = ${id};`,
    `UPDATE drill_casualties SET ${back("first_tagged_at")}, ${back("last_tagged_at")} WHERE drill_id = ${id};`,
    `UPDATE drill_reports SET ${back("updated_at")} WHERE drill_id = ${id};`,
  ].join("\n");
}

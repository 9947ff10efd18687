import type { OverviewRead } from "../db/overview";
import type { Overview } from "../schema/overview";
import type { SituationContent, SituationReport } from "../schema/situation-reports";
import { formatJst, STATE_JA } from "./checklists-output";
import { isOverdue } from "./checklists";

const MINUTE = 60_000;

/**
 * The content of a situation report from one consistent read and the overview built from it:
 * nothing here is looked up later, so the stored report reads the same however much changes.
 */
export function situationContent(read: OverviewRead, overview: Overview, ctx: { now: string; summary: string }): SituationContent {
  const at = Date.parse(ctx.now);
  const i = read.incident;
  const overdueBusiness = read.overdueItems
    .filter((item) => item.sectionKey === "priority_business" && isOverdue(item, at))
    .map((item) => ({
      itemId: item.id,
      unitId: item.unitId,
      textJa: item.textJa,
      textEn: item.textEn,
      state: item.state,
      deadlineAt: item.deadlineAt!,
      overdueMinutes: Math.floor((at - Date.parse(item.deadlineAt!)) / MINUTE),
    }))
    .sort((a, b) => b.overdueMinutes - a.overdueMinutes || a.unitId.localeCompare(b.unitId));
  return {
    unitNames: Object.fromEntries(read.units.map((u) => [u.id, { ja: u.nameJa, en: u.nameEn }])),
    incident: { id: i.id, title: i.title, kind: i.kind, hazard: i.hazard, onsetAt: i.onsetAt, status: i.status },
    overview: { summary: ctx.summary, phase: i.phase, phases: i.phases },
    posture: { current: i.posture, changes: i.postures },
    units: overview.units
      .filter((u) => u.participating || u.checklist || u.lastReportAt)
      .map((u) => ({ unitId: u.unitId, nameJa: u.nameJa, nameEn: u.nameEn, checklist: u.checklist, lastReportAt: u.lastReportAt, attention: u.attention })),
    overdueBusiness,
    water: { functions: overview.functions },
    hospital: overview.hospital,
    openRequests: overview.attention.entries.filter((e) => e.kind === "request"),
    attention: { total: overview.attention.total, urgent: overview.attention.urgent, entries: overview.attention.entries },
  };
}

const HAZARD_JA: Record<string, string> = { earthquake: "地震", tsunami: "津波", flood: "洪水", fire: "火災", other: "その他" };
const PHASE_JA: Record<string, string> = { warning: "警戒", initial: "発災", emergency: "応急", recovery: "復旧" };
const POSTURE_JA: Record<string, string> = { attention: "注意配備", warning: "警戒配備", emergency: "非常配備" };
const FUNCTION_STATE_JA: Record<string, string> = {
  at_primary: "本来庁舎で稼働",
  relocating: "移転中",
  operational_at_alternate: "代替拠点で稼働",
  suspended: "休止",
  returning: "復帰中",
};

const POWER_JA: Record<string, string> = { commercial: "商用電源", generator: "自家発電", none: "停電" };
const WATER_JA: Record<string, string> = { mains: "上水道", tank: "受水槽・給水", none: "断水" };

export const postureJa = (p: string | null) => (p ? POSTURE_JA[p]! : "未設定");
export const phaseJa = (p: string) => PHASE_JA[p] ?? p;
export const functionStateJa = (s: string) => FUNCTION_STATE_JA[s] ?? s;

/** The report as CSV rows, one section after another, each headed by its name (Japanese, as sent upward). */
export function situationRows(r: SituationReport): (string | number | null)[][] {
  const c = r.content;
  const unitName = (id: string) => c.unitNames[id]?.ja ?? id;
  const rows: (string | number | null)[][] = [
    ["状況報告", `第${r.number}報`],
    ["災害名", c.incident.title],
    ["時点（JST）", formatJst(r.asOf), "更新番号", r.seq],
    ["報告者", r.producedBy.name, unitName(r.producedBy.unitId)],
    // A report of an earlier point (rebuilt from the log) says when it was produced as well.
    ...(r.producedAt !== r.asOf ? [["作成日時（JST）", formatJst(r.producedAt)]] : []),
    [],
    ["1 発生日時・概要"],
    ["発生日時（JST）", formatJst(c.incident.onsetAt), "災害種別", HAZARD_JA[c.incident.hazard] ?? c.incident.hazard],
    ["概要", c.overview.summary],
    ...c.overview.phases.map((p) => ["フェーズ", phaseJa(p.phase), formatJst(p.beganAt)]),
    [],
    ["2 配備体制", postureJa(c.posture.current)],
    ...c.posture.changes.map((p) => ["配備体制の変更", postureJa(p.posture), formatJst(p.since)]),
    [],
    ["3 被害・対応状況（部署別）"],
    ["部署", "項目数", "完了", "対応中", "支障あり", "期限超過", "最終報告（JST）", "要対応"],
    ...c.units.map((u) => [
      u.nameJa,
      u.checklist?.total ?? null,
      u.checklist?.closed ?? null,
      u.checklist?.inProgress ?? null,
      u.checklist?.blocked ?? null,
      u.checklist?.overdue ?? null,
      u.lastReportAt ? formatJst(u.lastReportAt) : "報告なし",
      u.attention,
    ]),
    [],
    ["4 非常時優先業務（期限超過）", `${c.overdueBusiness.length}件`],
    ["部署", "業務", "状態", "期限（JST）", "超過（分）"],
    ...c.overdueBusiness.map((b) => [unitName(b.unitId), b.textJa, STATE_JA[b.state as keyof typeof STATE_JA] ?? b.state, formatJst(b.deadlineAt), b.overdueMinutes]),
    [],
    ["5 上下水道部の庁舎機能と応急給水"],
    ["機能", "状態", "場所", "稼働", "目標超過（分）"],
    ...c.water.functions.map((f) => [f.nameJa, functionStateJa(f.state), f.siteNameJa ?? "", f.working ? "稼働" : "停止", f.overdueMinutes]),
    [],
    ["6 病院の状況", c.hospital.status ? `報告 ${formatJst(c.hospital.status.updatedAt)}` : "報告なし"],
    ...(c.hospital.status
      ? [
          ["電源", POWER_JA[c.hospital.status.power] ?? "", "給水", WATER_JA[c.hospital.status.waterSupply] ?? ""],
          ["発電機燃料（時間）", c.hospital.status.generatorFuelHours, "水（日）", c.hospital.status.waterDays],
          ["食料（日）", c.hospital.status.foodDays, "医薬品（日）", c.hospital.status.medicineDays],
        ]
      : []),
    ...c.hospital.warnings.map((w) => ["注意", w.message]),
    [],
    ["7 要請事項（未回答）", `${c.openRequests.length}件`],
    ["要請元", "要請先", "内容", "時刻（JST）"],
    ...c.openRequests.map((e) => [unitName(String(e.detail.fromUnitId ?? "")), unitName(e.unitId), e.subject, formatJst(e.since)]),
    [],
    ["8 要対応", `${c.attention.total}件（至急 ${c.attention.urgent}件）`],
    ["部署", "内容", "発生（JST）"],
    ...c.attention.entries.map((e) => [unitName(e.unitId), e.subject, formatJst(e.since)]),
  ];
  return rows;
}

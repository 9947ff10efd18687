import type { ChecklistItem, ItemState, ReadinessItem } from "../schema/checklists";
import { isOverdue } from "./checklists";
import { isVerificationOverdue } from "./checklists-readiness";

const JST_OFFSET_MS = 9 * 3_600_000;

/** "2026-11-24 09:05" in Japan time (UTC+9 all year), for exports and print. */
export function formatJst(iso: string | null): string {
  if (iso === null) return "";
  const d = new Date(Date.parse(iso) + JST_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

export const STATE_JA: Record<ItemState, string> = {
  todo: "未着手",
  in_progress: "対応中",
  done: "完了",
  blocked: "支障あり",
  not_applicable: "対象外",
};

/** The incident's checklist as rows: header first, items in unit and template order. */
export function checklistRows(items: readonly ChecklistItem[], unitName: (id: string) => string, asOf: string) {
  const header = ["部署", "要素", "項目", "状態", "目標（発災から分）", "期限（JST）", "期限超過", "担当者", "理由", "メモ", "状態変更（JST）", "版"];
  return [
    header,
    ...items.map((i) => [
      unitName(i.unitId),
      i.sectionTitleJa,
      i.textJa,
      STATE_JA[i.state],
      i.targetMinutes,
      formatJst(i.deadlineAt),
      isOverdue(i, asOf) ? "超過" : "",
      i.ownerName,
      i.reason,
      i.note,
      formatJst(i.stateChangedAt),
      i.version,
    ]),
  ];
}

export const ELEMENT_JA: Record<ReadinessItem["element"], string> = {
  succession: "代行順位・参集体制",
  alternate_site: "代替庁舎",
  power_water_food: "電気・水・食料",
  communications: "通信手段",
  data_backup: "データのバックアップ",
  priority_business: "非常時優先業務",
};

export function readinessRows(items: readonly ReadinessItem[], unitName: (id: string) => string, asOf: string) {
  const header = ["部署", "要素", "確認項目", "確認間隔（日）", "最終確認（JST）", "確認者", "次回期限（JST）", "期限超過", "メモ"];
  return [
    header,
    ...items.map((i) => [
      unitName(i.unitId),
      ELEMENT_JA[i.element],
      i.textJa,
      i.intervalDays,
      formatJst(i.lastVerifiedAt),
      i.lastVerifiedByName,
      formatJst(i.dueAt),
      isVerificationOverdue(i, asOf) ? (i.lastVerifiedAt === null ? "未確認" : "超過") : "",
      i.verificationNote,
    ]),
  ];
}

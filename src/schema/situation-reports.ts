import { z } from "zod";
import { HospitalStatus, StatusWarning } from "./hospital";
import { Instant } from "./common";
import { Hazard, IncidentKind, Phase, PhaseEntry, Posture, PostureEntry } from "./incidents";
import { AttentionEntry, FunctionGlance } from "./overview";
import { pageOf, pageQuery } from "./paging";

/** 状況報告 第N報, in the shape municipalities report upward, with the BCP, relocation and hospital state. */

const UnitSituation = z.object({
  unitId: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  /** Null: the unit has no checklist in this incident. */
  checklist: z
    .object({ total: z.number().int(), closed: z.number().int(), inProgress: z.number().int(), blocked: z.number().int(), overdue: z.number().int() })
    .nullable(),
  /** The unit's last entry in the incident's log; null: it has reported nothing yet. */
  lastReportAt: z.string().nullable(),
  attention: z.number().int(),
});

const OverdueBusiness = z.object({
  itemId: z.string(),
  unitId: z.string(),
  textJa: z.string(),
  textEn: z.string(),
  state: z.string(),
  deadlineAt: z.string(),
  overdueMinutes: z.number().int(),
});

export const SituationContent = z.object({
  /** Every unit's name as it was when produced, so the report never looks names up later. */
  unitNames: z.record(z.string(), z.object({ ja: z.string(), en: z.string() })),
  incident: z.object({ id: z.string(), title: z.string(), kind: IncidentKind, hazard: Hazard, onsetAt: z.string(), status: z.string() }),
  /** 発生日時・概要: the producer's summary, and the phases with when each began. */
  overview: z.object({ summary: z.string(), phase: Phase, phases: z.array(PhaseEntry) }),
  /** 配備体制 and its changes; null posture: none declared. */
  posture: z.object({ current: Posture.nullable(), changes: z.array(PostureEntry) }),
  /** 被害・対応状況 by unit: units taking part in the incident. */
  units: z.array(UnitSituation),
  /** 非常時優先業務 past their deadline, longest overdue first. */
  overdueBusiness: z.array(OverdueBusiness),
  /** 上下水道の庁舎機能と応急給水: each water & sewer function, where it works and whether it is late. */
  water: z.object({ functions: z.array(FunctionGlance) }),
  /** 病院の状況: null status means the hospital has not reported in this incident. */
  hospital: z.object({ status: HospitalStatus.nullable(), warnings: z.array(StatusWarning) }),
  /** 要請事項: requests not yet answered. */
  openRequests: z.array(AttentionEntry),
  /** 要対応: what needs a decision, most urgent first (at most 200 listed; `total` counts all). */
  attention: z.object({ total: z.number().int(), urgent: z.number().int(), entries: z.array(AttentionEntry) }),
});
export type SituationContent = z.infer<typeof SituationContent>;

export const SituationReport = z.object({
  incidentId: z.string(),
  /** 第N報 */
  number: z.number().int().min(1),
  asOf: z.string(),
  seq: z.number().int(),
  producedBy: z.object({ id: z.string(), name: z.string(), unitId: z.string() }),
  producedAt: z.string(),
  content: SituationContent,
});
export type SituationReport = z.infer<typeof SituationReport>;

export const SituationReportHeading = SituationReport.omit({ content: true });
export type SituationReportHeading = z.infer<typeof SituationReportHeading>;

/** Headings per page, newest first. */
export const SituationReportListQuery = pageQuery({ default: 50, max: 200, keys: 1 });
export const SituationReportList = pageOf(SituationReportHeading);

export const SituationReportCreate = z
  .strictObject({
    /** The seq the producer reviewed: the report is refused (409) if the incident has moved on since. */
    asOfSeq: z.number().int().min(0).optional(),
    /** Produce the report as the situation stood at this earlier seq of the incident's log. */
    atSeq: z.number().int().min(1).optional(),
    /** Produce the report as the situation stood at this earlier time (the last change at or before it). */
    atTime: Instant.optional(),
    summary: z.string().trim().max(4000).default(""),
  })
  .refine((b) => [b.asOfSeq, b.atSeq, b.atTime].filter((x) => x !== undefined).length <= 1, {
    message: "give at most one of asOfSeq, atSeq and atTime",
    path: ["atSeq"],
  });
export type SituationReportCreate = z.infer<typeof SituationReportCreate>;

export const ReportParam = z.object({ id: z.string().min(1).max(64), number: z.coerce.number().int().min(1) });

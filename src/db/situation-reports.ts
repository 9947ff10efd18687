import type { SituationReport, SituationReportHeading } from "../schema/situation-reports";
import { readPage } from "./paging";
import type { PageQuery } from "../schema/paging";

type ReportRow = {
  incident_id: string;
  number: number;
  as_of: string;
  seq: number;
  produced_by: string;
  produced_by_name: string;
  produced_by_unit: string;
  produced_at: string;
  content_json?: string;
};

const headingFromRow = (r: ReportRow): SituationReportHeading => ({
  incidentId: r.incident_id,
  number: r.number,
  asOf: r.as_of,
  seq: r.seq,
  producedBy: { id: r.produced_by, name: r.produced_by_name, unitId: r.produced_by_unit },
  producedAt: r.produced_at,
});

const HEADING = "incident_id, number, as_of, seq, produced_by, produced_by_name, produced_by_unit, produced_at";

/** A page of headings, newest first: 第3報, 第2報, 第1報. */
export async function listSituationReports(db: D1Database, incidentId: string, page: PageQuery): Promise<{ items: SituationReportHeading[]; next: string | null }> {
  const { rows, next } = await readPage<ReportRow>(
    db,
    { select: HEADING, from: "situation_reports", where: "incident_id = ?", binds: [incidentId], keys: ["number DESC"] },
    page,
  );
  return { items: rows.map(headingFromRow), next };
}

export async function findSituationReport(db: D1Database, incidentId: string, number: number): Promise<SituationReport | null> {
  const r = await db.prepare("SELECT * FROM situation_reports WHERE incident_id = ? AND number = ?").bind(incidentId, number).first<ReportRow>();
  return r ? { ...headingFromRow(r), content: JSON.parse(r.content_json!) } : null;
}

export async function lastReportNumber(db: D1Database, incidentId: string): Promise<number> {
  const r = await db.prepare("SELECT COALESCE(MAX(number), 0) AS n FROM situation_reports WHERE incident_id = ?").bind(incidentId).first<{ n: number }>();
  return r?.n ?? 0;
}

/**
 * Stores report N only while N - 1 is the latest; pair with expectOneRowChanged, so two people
 * producing at once cannot both be 第N報.
 */
export function insertSituationReport(db: D1Database, r: SituationReport): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO situation_reports (${HEADING}, content_json)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9
       WHERE (SELECT COALESCE(MAX(number), 0) FROM situation_reports WHERE incident_id = ?1) = ?2 - 1`,
    )
    .bind(r.incidentId, r.number, r.asOf, r.seq, r.producedBy.id, r.producedBy.name, r.producedBy.unitId, r.producedAt, JSON.stringify(r.content));
}

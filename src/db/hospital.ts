import type { HospitalStatus } from "../schema/hospital";
import type { PageQuery } from "../schema/paging";
import { readPage } from "./paging";
import { readOne, rowRead } from "./together";

export type StatusRow = {
  incident_id: string;
  beds_json: string;
  generator_fuel_hours: number | null;
  water_days: number | null;
  food_days: number | null;
  medicine_days: number | null;
  triage_tag_stock: number | null;
  surge_capacity: number | null;
  power: HospitalStatus["power"];
  water_supply: HospitalStatus["waterSupply"];
  note: string;
  version: number;
  updated_at: string;
  updated_by: string;
};

export const statusFromRow = (r: StatusRow): HospitalStatus => ({
  incidentId: r.incident_id,
  beds: JSON.parse(r.beds_json),
  generatorFuelHours: r.generator_fuel_hours,
  waterDays: r.water_days,
  foodDays: r.food_days,
  medicineDays: r.medicine_days,
  triageTagStock: r.triage_tag_stock,
  surgeCapacity: r.surge_capacity,
  power: r.power,
  waterSupply: r.water_supply,
  note: r.note,
  version: r.version,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export const hospitalStatusOf = (db: D1Database, incidentId: string) =>
  rowRead(db.prepare("SELECT * FROM hospital_status WHERE incident_id = ?").bind(incidentId), (r: StatusRow | undefined) => (r ? statusFromRow(r) : null));

export const findHospitalStatus = (db: D1Database, incidentId: string): Promise<HospitalStatus | null> => readOne(hospitalStatusOf(db, incidentId));

/** Inserts the first report, or replaces the one at the version before; pair with exactlyOne. */
export function saveHospitalStatus(db: D1Database, s: HospitalStatus): D1PreparedStatement {
  const args = [
    JSON.stringify(s.beds),
    s.generatorFuelHours,
    s.waterDays,
    s.foodDays,
    s.medicineDays,
    s.triageTagStock,
    s.surgeCapacity,
    s.power,
    s.waterSupply,
    s.note,
    s.version,
    s.updatedAt,
    s.updatedBy,
  ];
  if (s.version === 1) {
    return db
      .prepare(
        `INSERT OR IGNORE INTO hospital_status (beds_json, generator_fuel_hours, water_days, food_days, medicine_days, triage_tag_stock,
           surge_capacity, power, water_supply, note, version, updated_at, updated_by, incident_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(...args, s.incidentId);
  }
  return db
    .prepare(
      `UPDATE hospital_status SET beds_json = ?, generator_fuel_hours = ?, water_days = ?, food_days = ?, medicine_days = ?,
         triage_tag_stock = ?, surge_capacity = ?, power = ?, water_supply = ?, note = ?, version = ?, updated_at = ?, updated_by = ?
       WHERE incident_id = ? AND version = ?`,
    )
    .bind(...args, s.incidentId, s.version - 1);
}

/** A page of the reports in this incident, newest first, read from the change log that recorded them. */
export async function hospitalStatusHistory(db: D1Database, incidentId: string, page: PageQuery) {
  const { rows, next } = await readPage<{ seq: number; at: string; actor_name: string; after_json: string }>(
    db,
    {
      select: "seq, at, actor_name, after_json",
      from: "change_log",
      where: "stream = ? AND entity_type = 'hospital_status' AND entity_id = ?",
      binds: [incidentId, incidentId],
      keys: ["seq DESC"],
    },
    page,
  );
  return { items: rows.map((r) => ({ seq: r.seq, at: r.at, actorName: r.actor_name, status: JSON.parse(r.after_json) as HospitalStatus })), next };
}

import { z } from "zod";
import { Version } from "./common";
import { pageOf, pageQuery } from "./paging";

/** Bed types as the hospital reports them to EMIS. */
export const BedType = z.enum(["icu", "general", "pediatric", "maternity", "isolation", "operatingRooms"]);
export type BedType = z.infer<typeof BedType>;

const Count = z.number().int().min(0).max(100_000).nullable();
const Days = z.number().min(0).max(365).nullable();

export const Beds = z.strictObject(Object.fromEntries(BedType.options.map((t) => [t, Count.default(null)])) as Record<BedType, z.ZodDefault<typeof Count>>);
export type Beds = z.infer<typeof Beds>;

export const PowerSource = z.enum(["commercial", "generator", "none"]);
export const WaterSupply = z.enum(["mains", "tank", "none"]);

const Figures = {
  beds: Beds,
  generatorFuelHours: z.number().min(0).max(10_000).nullable().default(null),
  waterDays: Days.default(null),
  foodDays: Days.default(null),
  medicineDays: Days.default(null),
  triageTagStock: Count.default(null),
  /** Extra patients the hospital can take beyond its staffed beds (増床可能数). */
  surgeCapacity: Count.default(null),
  power: PowerSource,
  waterSupply: WaterSupply,
  note: z.string().trim().max(2000).default(""),
};

export const HospitalStatusPut = z.strictObject({
  /** The version last seen, or null for the incident's first report. */
  version: Version.nullable(),
  ...Figures,
});
export type HospitalStatusPut = z.infer<typeof HospitalStatusPut>;

export const StatusWarning = z.object({ field: z.string(), message: z.string() });

export const HospitalStatus = z.object({
  incidentId: z.string(),
  beds: z.record(BedType, z.number().nullable()),
  generatorFuelHours: z.number().nullable(),
  waterDays: z.number().nullable(),
  foodDays: z.number().nullable(),
  medicineDays: z.number().nullable(),
  triageTagStock: z.number().nullable(),
  surgeCapacity: z.number().nullable(),
  power: PowerSource,
  waterSupply: WaterSupply,
  note: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type HospitalStatus = z.infer<typeof HospitalStatus>;

export const HospitalStatusView = z.object({ status: HospitalStatus.nullable(), warnings: z.array(StatusWarning) });

/** Reports per page of the history, newest first. */
export const HospitalHistoryQuery = pageQuery({ default: 50, max: 200, keys: 1 });

export const HospitalHistory = pageOf(z.object({ seq: z.number().int(), at: z.string(), actorName: z.string(), status: HospitalStatus }));

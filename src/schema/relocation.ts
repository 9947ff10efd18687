import { z } from "zod";
import { Id, Version } from "./common";
import { pageOf, pageQuery } from "./paging";

/** Sites, their readiness checklists, imported hazard layers and this area's settings. */

export const GSI_SHELTER_ATTRIBUTION = "出典：国土地理院「指定緊急避難場所・指定避難所データ」";

export const SiteKind = z.enum([
  "office",
  "treatment_plant",
  "sewage_plant",
  "pump_station",
  "reservoir",
  "alternate_site",
  "depot",
  "hospital",
  "evacuation_site",
  "shelter",
  "other",
]);
export type SiteKind = z.infer<typeof SiteKind>;
/** Open-data evacuation places: shown on the map, never a function's site. */
export const SHELTER_KINDS: readonly SiteKind[] = ["evacuation_site", "shelter"];

export const SiteStatus = z.enum(["operational", "degraded", "unusable"]);
export type SiteStatus = z.infer<typeof SiteStatus>;

export const Latitude = z.number().min(-90, "latitude is between -90 and 90").max(90, "latitude is between -90 and 90");
export const Longitude = z.number().min(-180, "longitude is between -180 and 180").max(180, "longitude is between -180 and 180");

export const Site = z.object({
  id: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  kind: SiteKind,
  address: z.string(),
  lat: z.number(),
  lon: z.number(),
  status: SiteStatus,
  statusNote: z.string(),
  unitId: z.string().nullable(),
  source: z.enum(["city", "gsi"]),
  designations: z.string(),
  note: z.string(),
  /** In an imported inundation area; null: unassessed (未判定), no imported layer covers the site. */
  inInundation: z.boolean().nullable(),
  depthClass: z.string().nullable(),
  depthRank: z.number().nullable(),
  hazardLayerId: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type Site = z.infer<typeof Site>;

const Name = z.string().trim().min(1).max(200);
const Text = (max: number) => z.string().trim().max(max);

export const SiteCreate = z.strictObject({
  nameJa: Name,
  nameEn: Text(200).default(""),
  kind: SiteKind.exclude(["evacuation_site", "shelter"]),
  address: Text(300).default(""),
  lat: Latitude,
  lon: Longitude,
  status: SiteStatus.default("operational"),
  unitId: Id,
  note: Text(500).default(""),
});
export type SiteCreate = z.infer<typeof SiteCreate>;

export const SitePatch = z
  .strictObject({
    version: Version,
    nameJa: Name.optional(),
    nameEn: Text(200).optional(),
    address: Text(300).optional(),
    lat: Latitude.optional(),
    lon: Longitude.optional(),
    status: SiteStatus.optional(),
    statusNote: Text(500).optional(),
    note: Text(500).optional(),
  })
  .refine((p) => Object.keys(p).length > 1, { message: "nothing to change", path: [] });
export type SitePatch = z.infer<typeof SitePatch>;

export const SitesQuery = pageQuery({ default: 500, max: 2000, keys: 3 }).extend({
  /** facilities: everything but open-data shelters; shelters: only those; all: both. */
  scope: z.enum(["facilities", "shelters", "all"]).default("all"),
});

export const SiteList = pageOf(Site).extend({ attribution: z.string() });

export const ReadinessKey = z.enum(["power", "fuel", "comms", "network", "drawings", "water_food", "access", "staff"]);
export type ReadinessKey = z.infer<typeof ReadinessKey>;
export const ReadinessStatus = z.enum(["unchecked", "ok", "failed"]);
export type ReadinessStatus = z.infer<typeof ReadinessStatus>;

export const ReadinessCheck = z.object({
  siteId: z.string(),
  key: ReadinessKey,
  status: ReadinessStatus,
  critical: z.boolean(),
  value: z.number().nullable(),
  note: z.string(),
  checkedAt: z.string().nullable(),
  checkedByName: z.string().nullable(),
  version: z.number().int(),
});
export type ReadinessCheck = z.infer<typeof ReadinessCheck>;

export const ReadinessUpdate = z.strictObject({
  version: Version,
  status: ReadinessStatus,
  /** Fuel: hours the generator runs unsupplied; staff: people present. */
  value: z.number().min(0).max(10_000).nullable().optional(),
  note: Text(500).optional(),
});
export type ReadinessUpdate = z.infer<typeof ReadinessUpdate>;

export const ReadinessParam = z.object({ id: z.string().min(1).max(64), key: ReadinessKey });
export const ReadinessList = z.object({ items: z.array(ReadinessCheck) });

export const HazardKind = z.enum(["tsunami", "flood", "storm_surge", "other"]);

export const HazardLayer = z.object({
  id: z.string(),
  name: z.string(),
  hazard: HazardKind,
  source: z.string(),
  depthProperty: z.string(),
  featureCount: z.number().int(),
  bytes: z.number().int(),
  /** The extent the layer covers: sites inside it are assessed (in or out), others stay 未判定. */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  /** Illustrative (例示): drawn for a demonstration, not the published hazard map; said wherever it shows. */
  illustrative: z.boolean(),
  importedAt: z.string(),
  importedByName: z.string(),
});
export type HazardLayer = z.infer<typeof HazardLayer>;

export const HazardLayerImport = z.strictObject({
  name: Name,
  hazard: HazardKind.default("tsunami"),
  source: Text(300).default(""),
  /** The property holding the depth class; 国土数値情報 A40 uses A40_003. */
  depthProperty: z.string().trim().min(1).max(64).default("A40_003"),
  /** Mark a demonstration layer as illustrative (例示), so no screen passes it off as the published map. */
  illustrative: z.boolean().default(false),
  geojson: z
    .looseObject({ type: z.literal("FeatureCollection"), features: z.array(z.unknown()).min(1, "no features") })
    .describe("A GeoJSON FeatureCollection of Polygon / MultiPolygon features, [lon, lat] in WGS84"),
});
export type HazardLayerImport = z.infer<typeof HazardLayerImport>;

export const SiteHazard = z.object({
  siteId: z.string(),
  /** null: unassessed (未判定), no imported layer covers the site. */
  inInundation: z.boolean().nullable(),
  depthClass: z.string().nullable(),
  depthRank: z.number().nullable(),
  hazardLayerId: z.string().nullable(),
});
export type SiteHazard = z.infer<typeof SiteHazard>;

export const HazardImportResult = z.object({
  layer: HazardLayer,
  /** Sites inside any stored layer after the import. */
  sitesInInundation: z.number().int(),
  /** Sites whose flag or depth class changed. */
  changed: z.array(SiteHazard),
});

export const HazardLayerList = z.object({ items: z.array(HazardLayer) });

export const HazardFeatureCollection = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      type: z.literal("Feature"),
      properties: z.object({ depthClass: z.string().nullable(), depthRank: z.number().nullable() }),
      geometry: z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(z.array(z.array(z.number())))) }),
    }),
  ),
});

export const RelocationSettings = z.object({
  liaisonAckMinutes: z.number().int(),
  fuelHoursRequired: z.number().int(),
  tileUrl: z.string(),
  tileAttribution: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type RelocationSettings = z.infer<typeof RelocationSettings>;

const TileUrl = z
  .string()
  .trim()
  .max(300)
  .refine((u) => u === "" || (/^https:\/\/[^\s"'<>]+$/.test(u) && ["{z}", "{x}", "{y}"].every((p) => u.includes(p))), {
    message: "an https URL with {z}, {x} and {y}, or empty for no tiles",
  });

export const RelocationSettingsPatch = z
  .strictObject({
    version: Version,
    liaisonAckMinutes: z.number().int().min(1).max(1440).optional(),
    fuelHoursRequired: z.number().int().min(1).max(720).optional(),
    tileUrl: TileUrl.optional(),
    tileAttribution: Text(200).optional(),
  })
  .refine((p) => Object.keys(p).length > 1, { message: "nothing to change", path: [] });
export type RelocationSettingsPatch = z.infer<typeof RelocationSettingsPatch>;

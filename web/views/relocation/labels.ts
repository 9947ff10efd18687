import { bboxContains, DEPTH_BANDS, depthBand } from "../../../src/domain/geo";
import { attentionOrder, blockersAt, failedCriticalChecks, type FunctionStatus, functionStatus, readinessSiteOf } from "../../../src/domain/relocation";
import type { Site, SiteStatus } from "../../../src/schema/relocation";
import type { BcpFunction, Relocation, RelocationState } from "../../../src/schema/relocation-board";
import { localized, t } from "../../i18n";
import type { IncidentRelocation } from "./incident-model";
import { standing } from "./standing";

/** Names, shapes and colours shared by this area's screens. */

export const siteName = (s: Pick<Site, "nameJa" | "nameEn"> | undefined, fallback = "—") =>
  s ? localized(s.nameJa, s.nameEn) : fallback;

export const fnName = (f: Pick<BcpFunction, "nameJa" | "nameEn">) => localized(f.nameJa, f.nameEn);

/** A shape beside every state colour, so colour is never the only signal. */
export const STATE_SHAPE: Record<RelocationState, string> = {
  at_primary: "■",
  relocating: "▶",
  operational_at_alternate: "●",
  suspended: "∥",
  returning: "◀",
};

export const STATE_COLOUR: Record<RelocationState, string> = {
  at_primary: "#12355b",
  relocating: "#b86e00",
  operational_at_alternate: "#1d6b2f",
  suspended: "#b00020",
  returning: "#6a3d9a",
};

export const SITE_STATUS_COLOUR: Record<SiteStatus, string> = { operational: "#1d6b2f", degraded: "#b86e00", unusable: "#b00020" };
export const SITE_STATUS_SHAPE: Record<SiteStatus, string> = { operational: "○", degraded: "△", unusable: "✕" };

/** Colours of the national hazard-map guideline for inundation depth (浸水深), by DEPTH_BANDS. */
export const DEPTH_COLOURS = ["#f7f5a9", "#f8e1a6", "#ffd8c0", "#ffb7b7", "#ff9191", "#f285c9", "#dc7adc", "#b25ec7"] as const;
export const depthColour = (rank: number | null) => (rank === null ? "#9aa5b4" : DEPTH_COLOURS[depthBand(rank)]!);
export const depthLegend = () => DEPTH_BANDS.map((lower, i) => ({ colour: DEPTH_COLOURS[i]!, lower, upper: DEPTH_BANDS[i + 1] ?? null }));

export const minutesLabel = (minutes: number) => {
  if (minutes % 1440 === 0) return t("relocation.days", { n: minutes / 1440 });
  if (minutes % 60 === 0) return t("relocation.hours", { n: minutes / 60 });
  return t("relocation.minutes", { n: minutes });
};

/** `blockers` are those of `blockerSiteId`: where it is moving, or the alternate it would move to. */
export type BoardEntry = { fn: BcpFunction; row: Relocation; status: FunctionStatus; blockers: string[]; blockerSiteId: string | null };

/** The readiness that stands in a function's way, by the domain's readinessSiteOf. */
export function blockersFor(fn: BcpFunction, row: Relocation): { blockerSiteId: string | null; blockers: string[] } {
  const blockerSiteId = readinessSiteOf(fn, row, standing.site(fn.primarySiteId), (id) => standing.site(id));
  return { blockerSiteId, blockers: blockerSiteId ? blockersOf(blockerSiteId) : [] };
}

/** Readiness blockers of a site, as the server's state machine sees them. */
export function blockersOf(siteId: string | null): string[] {
  const site = standing.site(siteId);
  if (!site) return [];
  const fuel = standing.settings.value?.fuelHoursRequired ?? 72;
  return blockersAt({ site, failedCritical: failedCriticalChecks(standing.checksOf(site.id), fuel) });
}

/** Every function of the board with its figures, overdue first. */
export function boardEntries(model: IncidentRelocation, onsetAt: string, now: number): BoardEntry[] {
  return [...standing.functions.byId.value.values()]
    .map((s) => {
      const fn = s.value;
      const row = model.row(fn.id, onsetAt);
      const status = functionStatus(fn, row, onsetAt, standing.site(fn.primarySiteId), now);
      return { fn, row, status, ...blockersFor(fn, row) };
    })
    .sort(attentionOrder);
}

export const checkLabel = (key: string) => t(`relocation.check.${key}`);

type InundationFacts = Pick<Site, "inInundation" | "depthClass" | "lon" | "lat">;

/** Whether an illustrative (例示) layer covers the point: then every flag there says so. */
const illustrativeAt = (s: Pick<Site, "lon" | "lat">) => standing.layers.value.some((l) => l.illustrative && bboxContains(l.bbox, s.lon, s.lat));

/**
 * A site's inundation in words: in the area (with its depth class), outside it, or 未判定 when
 * no imported layer covers it; unknown never reads as outside. Marked 例示 on a demonstration layer.
 */
export function inundationLabel(s: InundationFacts): { text: string; tone: "warn" | "ok" | "unknown" } {
  const base =
    s.inInundation === null
      ? t("relocation.inundation.unassessed")
      : s.inInundation
        ? t("relocation.inInundation", { depth: s.depthClass ?? "—" })
        : t("relocation.inundation.outside");
  const text = s.inInundation !== null && illustrativeAt(s) ? `${base}（${t("relocation.inundation.illustrative")}）` : base;
  return { text, tone: s.inInundation === null ? "unknown" : s.inInundation ? "warn" : "ok" };
}

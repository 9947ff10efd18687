import type { Site } from "../../../src/schema/relocation";
import { inundationLabel } from "./labels";

/** The inundation badge used on every screen of the area: in / outside / 未判定 (never a silent dash). */
export function InundationBadge({ site, quietWhenOutside = false }: { site: Pick<Site, "inInundation" | "depthClass" | "lon" | "lat">; quietWhenOutside?: boolean }) {
  const { text, tone } = inundationLabel(site);
  if (tone === "ok" && quietWhenOutside) return null;
  return (
    <span class={tone === "warn" ? "badge warn" : tone === "unknown" ? "badge unknown" : "muted"} data-inundation={site.inInundation === null ? "unassessed" : String(site.inInundation)}>
      {text}
    </span>
  );
}

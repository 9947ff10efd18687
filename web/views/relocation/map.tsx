import { effect, untracked } from "@preact/signals";
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { useEffect, useRef, useState } from "preact/hooks";
import type { RelocationState } from "../../../src/schema/relocation-board";
import { getJson } from "../../lib/api";
import { functionStatus } from "../../../src/domain/relocation";
import { formatDuration, now, t } from "../../i18n";
import type { IncidentRelocation } from "./incident-model";
import { boardEntries, depthColour, depthLegend, fnName, inundationLabel, siteName, SITE_STATUS_COLOUR, SITE_STATUS_SHAPE, STATE_COLOUR, STATE_SHAPE } from "./labels";
import { standing } from "./standing";
import { lookSetter } from "./map-look";
import "./map.css";

export type MapProps = {
  /** The incident's board; without it the map shows the planned moves of peacetime. */
  model?: IncidentRelocation;
  onsetAt?: string;
  onSelectFunction?: (functionId: string) => void;
};

const KUSHIRO: L.LatLngTuple = [42.985, 144.385];
const INUNDATION_EDGE = "#1f5fbf";
/** A function past its target and not working: red, thick, and labelled on the map itself. */
const LATE = "#b00020";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Sites by operating status, hazard polygons by depth class, and one line per function from its
 * primary site to where it is (or is planned to go), coloured by its state. Everything is vector:
 * the map works with no tiles at all.
 */
export default function RelocationMap({ model, onsetAt, onSelectFunction }: MapProps) {
  const box = useRef<HTMLDivElement>(null);
  const [tilesFailing, setTilesFailing] = useState(false);
  const [showShelters, setShowShelters] = useState(true);
  const shelterLayer = useRef<L.LayerGroup | null>(null);
  const mapRef = useRef<L.Map | null>(null);

  useEffect(() => {
    const map = L.map(box.current!, { center: KUSHIRO, zoom: 14, preferCanvas: false });
    mapRef.current = map;
    const disposers: (() => void)[] = [];
    // Polygons under the lines, sites on top, whatever order the data arrives in.
    map.createPane("hazard").style.zIndex = "350";
    // The coast below even the tiles: hidden where a tile loads, the land and sea wherever none can.
    map.createPane("coast").style.zIndex = "150";
    map.createPane("sites").style.zIndex = "450";
    const hazard = L.layerGroup().addTo(map);
    const facilities = L.layerGroup().addTo(map);
    const shelters = L.layerGroup().addTo(map);
    const lines = L.layerGroup().addTo(map);
    shelterLayer.current = shelters;
    map.attributionControl.setPrefix(false);

    // Kushiro's coast, cut from Natural Earth at build time (scripts/vite/kushiro-coast.ts); the
    // service worker keeps it with the console, so it draws offline too.
    void fetch(`${import.meta.env.BASE_URL}kushiro-coast.json`)
      .then((r) => (r.ok ? (r.json() as Promise<GeoJSON.FeatureCollection>) : null))
      .then((coast) => {
        if (!coast || mapRef.current !== map) return;
        L.geoJSON(coast, { pane: "coast", interactive: false, style: { color: "#6f8194", weight: 1.5, fillColor: "#f2efe6", fillOpacity: 1 } }).addTo(map);
        map.attributionControl.addAttribution(escapeHtml(t("relocation.map.coastAttribution")));
      })
      .catch(() => {});

    // Tiles are a backdrop only; when they fail, the vector layers still tell the whole story.
    let tiles: L.TileLayer | null = null;
    disposers.push(
      effect(() => {
        const s = standing.settings.value;
        tiles?.remove();
        tiles = null;
        if (!s?.tileUrl) return;
        tiles = L.tileLayer(s.tileUrl, {
          maxZoom: 18,
          attribution: `<a href="https://maps.gsi.go.jp/development/ichiran.html" rel="noreferrer">${escapeHtml(s.tileAttribution)}</a>`,
        });
        tiles.on("tileerror", () => setTilesFailing(true));
        tiles.on("tileload", () => setTilesFailing(false));
        tiles.addTo(map).bringToBack();
      }),
    );

    disposers.push(
      effect(() => {
        const attribution = standing.attribution.value;
        if (attribution) untracked(() => map.attributionControl.addAttribution(escapeHtml(attribution)));
      }),
    );

    // Hazard polygons: reloaded when a layer is imported or removed.
    let hazardRun = 0;
    disposers.push(
      effect(() => {
        standing.layersRevision.value;
        const layers = standing.layers.value;
        const run = ++hazardRun;
        void Promise.all(layers.map((l) => getJson("/api/hazard-layers/:id/features", { param: { id: l.id } }).catch(() => null))).then((collections) => {
          if (run !== hazardRun) return;
          hazard.clearLayers();
          for (const fc of collections) {
            if (!fc) continue;
            L.geoJSON(fc as GeoJSON.FeatureCollection, {
              pane: "hazard",
              style: (f) => {
                const colour = depthColour((f?.properties as { depthRank: number | null }).depthRank);
                return { color: "#7a5a00", weight: 1, fillColor: colour, fillOpacity: 0.55 };
              },
              onEachFeature: (f, layer) =>
                layer.bindTooltip(escapeHtml(t("relocation.map.depth", { depth: (f.properties as { depthClass: string | null }).depthClass ?? "—" })), { sticky: true }),
            }).addTo(hazard);
          }
        });
      }),
    );

    // Frame the city's own facilities once they are known.
    let framed = false;
    disposers.push(
      effect(() => {
        const facilityPoints = [...standing.sites.byId.value.values()].filter((s) => s.value.source === "city").map((s): L.LatLngTuple => [s.value.lat, s.value.lon]);
        if (framed || facilityPoints.length === 0) return;
        framed = true;
        untracked(() => map.fitBounds(L.latLngBounds(facilityPoints), { padding: [24, 24] }));
      }),
    );

    // One marker per site, each following its own signal.
    const markers = new Map<string, () => void>();
    disposers.push(
      effect(() => {
        const sites = standing.sites.byId.value;
        untracked(() => {
          for (const [id, s] of sites) {
            if (markers.has(id)) continue;
            const shelter = s.value.source === "gsi";
            const marker = L.circleMarker([s.value.lat, s.value.lon], { radius: shelter ? 5 : 10, pane: "sites" }).addTo(shelter ? shelters : facilities);
            const show = lookSetter(marker);
            const dispose = effect(() => {
              const site = s.value;
              marker.setLatLng([site.lat, site.lon]);
              const style: L.PathOptions = {
                fillColor: shelter ? "#ffffff" : SITE_STATUS_COLOUR[site.status],
                fillOpacity: 0.9,
                color: site.inInundation ? INUNDATION_EDGE : shelter ? "#2e7d32" : "#1a1f29",
                weight: site.inInundation ? 4 : shelter ? 1.5 : 2,
                dashArray: site.inInundation ? "4 3" : undefined,
              };
              if (shelter) {
                const lines = [`<strong>${escapeHtml(siteName(site))}</strong>`, escapeHtml(t(`relocation.siteKind.${site.kind}`)), escapeHtml(inundationLabel(site).text)];
                return show({ style, label: lines.filter(Boolean).join("<br>"), labelOptions: {} });
              }
              // The city's own sites are named on the map at all times: a touch screen cannot hover.
              const label = [
                `<strong>${escapeHtml(siteName(site))}</strong> ${SITE_STATUS_SHAPE[site.status]} ${escapeHtml(t(`relocation.siteStatus.${site.status}`))}`,
                site.inInundation ? escapeHtml(inundationLabel(site).text) : "",
              ];
              show({ style, label: label.filter(Boolean).join("<br>"), labelOptions: { permanent: true, direction: "right", offset: [10, 0], className: "site-label" } });
            });
            markers.set(id, () => {
              dispose();
              marker.remove();
            });
          }
        });
      }),
    );

    // Function lines: primary → where it is now (or its preferred alternate, dashed, while at home).
    const fnLines = new Map<string, () => void>();
    disposers.push(
      effect(() => {
        const functions = standing.functions.byId.value;
        untracked(() => {
          let k = 0;
          for (const [id, f] of functions) {
            const order = k++;
            const bend = (order - functions.size / 2) * 0.0012;
            if (fnLines.has(id)) continue;
            const line = L.polyline([], { weight: 5, opacity: 0.9 }).addTo(lines);
            line.on("click", () => onSelectFunction?.(id));
            const show = lookSetter(line);
            const dispose = effect(() => {
              const fn = f.value;
              const row = model && onsetAt ? model.row(fn.id, onsetAt) : null;
              const state: RelocationState = row?.state ?? "at_primary";
              const from = standing.site(fn.primarySiteId);
              const targetId = row && row.siteId !== fn.primarySiteId && row.siteId ? row.siteId : fn.alternateSiteIds[0];
              const to = standing.site(targetId);
              if (!from || !to) return void line.setLatLngs([]);
              const mid: L.LatLngTuple = [(from.lat + to.lat) / 2 + bend, (from.lon + to.lon) / 2 - bend];
              line.setLatLngs([[from.lat, from.lon], mid, [to.lat, to.lon]]);
              const planned = state === "at_primary";
              // Late from the moment the target passes, whether or not a move has started.
              const overdue = row && onsetAt ? functionStatus(fn, row, onsetAt, from, now.value).overdueMinutes : 0;
              const text = `${STATE_SHAPE[state]} ${escapeHtml(fnName(fn))}：${escapeHtml(t(`relocation.state.${state}`))} → ${escapeHtml(siteName(to))}`;
              if (overdue > 0) {
                const late = escapeHtml(t("relocation.overdue", { span: formatDuration(overdue * 60_000) }));
                show({
                  style: { color: LATE, dashArray: planned ? "8 6" : undefined, weight: 7 },
                  label: `⚠ ${escapeHtml(fnName(fn))}：${late}`,
                  // Functions that share a route would print their labels on top of each other.
                  labelOptions: { permanent: true, direction: "center", className: "fn-late-label", offset: [0, (order % 4) * 28 - 42] },
                });
              } else {
                show({ style: { color: STATE_COLOUR[state], dashArray: planned ? "8 8" : undefined, weight: planned ? 3 : 6 }, label: text, labelOptions: { sticky: true } });
              }
            });
            fnLines.set(id, () => {
              dispose();
              line.remove();
            });
          }
        });
      }),
    );

    return () => {
      disposers.forEach((d) => d());
      markers.forEach((d) => d());
      fnLines.forEach((d) => d());
      map.remove();
      mapRef.current = null;
    };
  }, [model, onsetAt]);

  useEffect(() => {
    const map = mapRef.current;
    const layer = shelterLayer.current;
    if (!map || !layer) return;
    if (showShelters) layer.addTo(map);
    else layer.remove();
  }, [showShelters]);

  return (
    <div class="reloc-map-wrap">
      <div ref={box} class="reloc-map" role="region" aria-label={t("relocation.map.label")} data-testid="relocation-map" />
      <div class="map-legend">
        {tilesFailing && (
          <p class="muted small" role="status">
            {t("relocation.map.tilesFailed")}
          </p>
        )}
        <label class="choice">
          <input type="checkbox" checked={showShelters} onChange={(e) => setShowShelters(e.currentTarget.checked)} /> {t("relocation.map.shelters")}
        </label>
        {model && onsetAt && <LateFunctions model={model} onsetAt={onsetAt} />}
        <ul aria-label={t("relocation.map.legend")}>
          {(["operational", "degraded", "unusable"] as const).map((s) => (
            <li key={s}>
              <span class="swatch round" style={{ background: SITE_STATUS_COLOUR[s] }} /> {SITE_STATUS_SHAPE[s]} {t(`relocation.siteStatus.${s}`)}
            </li>
          ))}
          <li>
            <span class="swatch round dashed" /> {t("relocation.map.inundatedSite")}
          </li>
          {model && (
            <li>
              <span class="swatch line" style={{ background: LATE }} /> ⚠ {t("relocation.map.lateLine")}
            </li>
          )}
          {(Object.keys(STATE_COLOUR) as RelocationState[]).map((s) => (
            <li key={s}>
              <span class="swatch line" style={{ background: STATE_COLOUR[s] }} /> {STATE_SHAPE[s]} {t(`relocation.state.${s}`)}
            </li>
          ))}
        </ul>
        <ul aria-label={t("relocation.map.depthLegend")}>
          {depthLegend().map((d) => (
            <li key={d.lower}>
              <span class="swatch" style={{ background: d.colour }} /> {d.upper === null ? t("relocation.map.depthOver", { m: d.lower }) : t("relocation.map.depthBand", { from: d.lower, to: d.upper })}
            </li>
          ))}
        </ul>
        <p class="muted small">{standing.attribution.value}</p>
      </div>
    </div>
  );
}

/** The late functions in words beside the map, so lateness never rests on a colour or a hover. */
function LateFunctions({ model, onsetAt }: { model: IncidentRelocation; onsetAt: string }) {
  const late = boardEntries(model, onsetAt, now.value).filter((e) => e.status.overdueMinutes > 0);
  if (late.length === 0) return null;
  return (
    <div class="map-late" data-testid="map-late">
      <p>
        <strong>⚠ {t("relocation.map.lateTitle", { n: late.length })}</strong>
      </p>
      <ul>
        {late.map((e) => (
          <li key={e.fn.id}>
            {fnName(e.fn)}：{t("relocation.overdue", { span: formatDuration(e.status.overdueMinutes * 60_000) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

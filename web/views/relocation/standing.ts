import { batch, type Signal, signal } from "@preact/signals";
import type { Change } from "../../../src/schema/changes";
import type { HazardLayer, ReadinessCheck, RelocationSettings, Site, SiteHazard } from "../../../src/schema/relocation";
import type { BcpFunction } from "../../../src/schema/relocation-board";
import { getJson } from "../../lib/api";
import { openStream, type StreamFeed } from "../../lib/live";
import { upsert } from "../../models/rows";

/**
 * Peacetime data of this area (sites, readiness, functions, hazard layers, settings), loaded once
 * and kept live from the standing stream. One signal per row, so a change redraws only its row.
 */
export class StandingStore {
  readonly sites = signal(new Map<string, Signal<Site>>());
  readonly readiness = signal(new Map<string, Signal<ReadinessCheck>>());
  readonly functions = signal(new Map<string, Signal<BcpFunction>>());
  readonly layers = signal<HazardLayer[]>([]);
  readonly settings = signal<RelocationSettings | null>(null);
  readonly attribution = signal("");
  readonly loaded = signal(false);
  readonly failed = signal(false);
  /** Bumped when polygons change, so the map reloads them. */
  readonly layersRevision = signal(0);
  private feed: StreamFeed | null = null;
  private off: (() => void) | null = null;
  refs = 0;

  acquire() {
    if (this.refs++ > 0) return;
    this.feed = openStream("standing");
    this.off = this.feed.subscribe((c) => this.apply(c));
    void this.load();
  }

  release() {
    if (--this.refs > 0) return;
    this.off?.();
    this.feed?.release();
    this.feed = null;
  }

  get status() {
    return this.feed?.status;
  }

  async load() {
    try {
      const [sites, readiness, functions, layers, settings] = await Promise.all([
        getJson("/api/sites"),
        getJson("/api/readiness"),
        getJson("/api/relocation/functions"),
        getJson("/api/hazard-layers"),
        getJson("/api/relocation/settings"),
      ]);
      batch(() => {
        sites.items.forEach((s) => upsert(this.sites, s.id, s));
        readiness.items.forEach((r) => upsert(this.readiness, readinessKey(r), r));
        functions.items.forEach((f) => upsert(this.functions, f.id, f));
        this.layers.value = layers.items;
        if (!this.settings.value || settings.version >= this.settings.value.version) this.settings.value = settings;
        this.attribution.value = sites.attribution;
        this.loaded.value = true;
        this.failed.value = false;
      });
    } catch {
      this.failed.value = true;
    }
  }

  apply(c: Change) {
    const after = c.after as Record<string, unknown> | null;
    batch(() => {
      switch (c.entityType) {
        case "site":
          if (after) upsert(this.sites, c.entityId, after as Site);
          break;
        case "readiness":
          if (after) upsert(this.readiness, readinessKey(after as ReadinessCheck), after as ReadinessCheck);
          break;
        case "readiness_checklist":
          for (const r of (after ?? []) as unknown as ReadinessCheck[]) upsert(this.readiness, readinessKey(r), r);
          break;
        case "function":
          if (after) upsert(this.functions, c.entityId, after as BcpFunction);
          break;
        case "relocation_settings":
          if (after) this.settings.value = after as RelocationSettings;
          break;
        case "hazard_layer": {
          const result = after as { layer: HazardLayer; changed: SiteHazard[] };
          this.layers.value =
            c.op === "delete" ? this.layers.value.filter((l) => l.id !== c.entityId) : [result.layer, ...this.layers.value.filter((l) => l.id !== c.entityId)];
          for (const h of result.changed) {
            const s = this.sites.value.get(h.siteId);
            if (s) s.value = { ...s.value, inInundation: h.inInundation, depthClass: h.depthClass, depthRank: h.depthRank, hazardLayerId: h.hazardLayerId };
          }
          this.layersRevision.value++;
          break;
        }
      }
    });
  }

  site(id: string | null | undefined): Site | undefined {
    return id ? this.sites.value.get(id)?.value : undefined;
  }

  checksOf(siteId: string): ReadinessCheck[] {
    return [...this.readiness.value.values()].map((s) => s.value).filter((r) => r.siteId === siteId);
  }
}

export const readinessKey = (r: Pick<ReadinessCheck, "siteId" | "key">) => `${r.siteId}:${r.key}`;

export const standing = new StandingStore();

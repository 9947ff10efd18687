import { batch, signal } from "@preact/signals";
import type { HazardLayer, ReadinessCheck, RelocationSettings, Site } from "../../../src/schema/relocation";
import type { BcpFunction } from "../../../src/schema/relocation-board";
import { getAllPages, getJson } from "../../lib/api";
import { openStream, type StreamFeed } from "../../lib/live";
import { createLiveModel, LiveCollection } from "../../lib/live-model";

/**
 * Peacetime data of this area (sites, readiness, functions, hazard layers, settings), loaded once
 * and kept live from the standing stream. One signal per row, so a change redraws only its row.
 */
export class StandingStore {
  readonly sites = new LiveCollection<Site>((s) => s.id);
  readonly readiness = new LiveCollection<ReadinessCheck>((r) => readinessKey(r));
  readonly functions = new LiveCollection<BcpFunction>((f) => f.id);
  /** Newest first, as the import list shows them. */
  readonly layers = signal<HazardLayer[]>([]);
  readonly settings = signal<RelocationSettings | null>(null);
  readonly attribution = signal("");
  /** Bumped when polygons change, so the map reloads them. */
  readonly layersRevision = signal(0);
  private feed: StreamFeed | null = null;
  private refs = 0;

  private readonly live = createLiveModel({
    load: () => this.load(),
    changes: {
      site: { into: this.sites },
      readiness: { into: this.readiness },
      function: { into: this.functions },
      readiness_checklist: (c) => {
        for (const r of c.after ?? []) this.readiness.upsert(r);
      },
      relocation_settings: (c) => {
        if (c.after) this.putSettings(c.after);
      },
      hazard_layer: (c) => {
        const result = c.after;
        const others = this.layers.value.filter((l) => l.id !== c.entityId);
        this.layers.value = c.op === "delete" || !result ? others : [result.layer, ...others];
        for (const h of result?.changed ?? []) {
          // A layer's import re-judges sites without changing their version: take it as it is.
          const s = this.sites.byId.value.get(h.siteId);
          if (s) s.value = { ...s.value, inInundation: h.inInundation, depthClass: h.depthClass, depthRank: h.depthRank, hazardLayerId: h.hazardLayerId };
        }
        this.layersRevision.value++;
      },
    },
  });
  readonly loaded = this.live.loaded;
  readonly failed = this.live.failed;
  readonly reload = this.live.reload;

  acquire() {
    if (this.refs++ > 0) return;
    this.feed = openStream("standing");
    this.live.attach(this.feed);
  }

  release() {
    if (--this.refs > 0) return;
    this.live.detach();
    this.feed?.release();
    this.feed = null;
  }

  get status() {
    return this.feed?.status;
  }

  private async load() {
    const [sites, readiness, functions, layers, settings] = await Promise.all([
      getAllPages("/api/sites"),
      getJson("/api/readiness"),
      getJson("/api/relocation/functions"),
      getJson("/api/hazard-layers"),
      getJson("/api/relocation/settings"),
    ]);
    batch(() => {
      sites.items.forEach((s) => this.sites.upsert(s));
      readiness.items.forEach((r) => this.readiness.upsert(r));
      functions.items.forEach((f) => this.functions.upsert(f));
      this.layers.value = layers.items;
      this.putSettings(settings);
      this.attribution.value = sites.attribution;
    });
  }

  private putSettings(next: RelocationSettings) {
    if (!this.settings.value || next.version >= this.settings.value.version) this.settings.value = next;
  }

  site(id: string | null | undefined): Site | undefined {
    return this.sites.get(id);
  }

  checksOf(siteId: string): ReadinessCheck[] {
    return this.readiness.all.value.filter((r) => r.siteId === siteId);
  }
}

export const readinessKey = (r: Pick<ReadinessCheck, "siteId" | "key">) => `${r.siteId}:${r.key}`;

export const standing = new StandingStore();

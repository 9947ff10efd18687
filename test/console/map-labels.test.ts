import "fake-indexeddb/auto";
import { h, render } from "preact";
import { act } from "preact/test-utils";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { Site } from "../../src/schema/relocation";
import type { BcpFunction } from "../../src/schema/relocation-board";
import { now } from "../../web/i18n";
import { IncidentRelocation } from "../../web/views/relocation/incident-model";
import RelocationMap from "../../web/views/relocation/map";
import { standing } from "../../web/views/relocation/standing";

/*
 * The relocation map as the wall shows it for days: its labels follow the console's clock (a
 * function turns late when its target passes), and a clock tick that changes nothing they show
 * must leave the map as it is — no label drawn again, no listener added.
 */

// Every listener the page holds right now, counted where the DOM keeps them (a listener added twice is one).
const held = new WeakMap<EventTarget, Set<string>>();
const fns = new WeakMap<object, number>();
let named = 0;
let live = 0;
const idOf = (fn: object) => {
  if (!fns.has(fn)) fns.set(fn, ++named);
  return fns.get(fn)!;
};
const keyOf = (type: string, fn: object, options?: boolean | AddEventListenerOptions) =>
  `${type}|${idOf(fn)}|${typeof options === "boolean" ? options : options?.capture === true}`;
// The DOM's own EventTarget (the one nodes inherit from), not Node's.
const Target = Object.getPrototypeOf(Node.prototype) as EventTarget;
const { addEventListener: add, removeEventListener: remove } = Target;
Target.addEventListener = function (type: string, fn: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
  if (fn) {
    const set = held.get(this) ?? new Set<string>();
    held.set(this, set);
    const key = keyOf(type, fn, options);
    if (!set.has(key)) live++;
    set.add(key);
  }
  return add.call(this, type, fn, options);
};
Target.removeEventListener = function (type: string, fn: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
  if (fn && held.get(this)?.delete(keyOf(type, fn, options))) live--;
  return remove.call(this, type, fn, options);
};
afterAll(() => {
  Target.addEventListener = add;
  Target.removeEventListener = remove;
  render(null, document.body);
});

const ONSET = "2026-12-01T00:00:00.000Z";
const site = (id: string, status: Site["status"], lat: number): Site => ({
  id,
  nameJa: `庁舎${id}`,
  nameEn: `Site ${id}`,
  kind: "office",
  address: "",
  lat,
  lon: 144.38,
  status,
  statusNote: "",
  unitId: "water",
  source: "city",
  designations: "",
  note: "",
  inInundation: false,
  depthClass: null,
  depthRank: null,
  hazardLayerId: null,
  version: 1,
  updatedAt: ONSET,
  updatedBy: null,
});
const fn = (id: string, primarySiteId: string, targetMinutes: number, sortOrder: number): BcpFunction => ({
  id,
  unitId: "water",
  nameJa: `業務${id}`,
  nameEn: `Function ${id}`,
  description: "",
  priority: 1,
  targetMinutes,
  staffNeeded: 1,
  equipment: [],
  primarySiteId,
  alternateSiteIds: ["alt"],
  sortOrder,
  version: 1,
  updatedAt: ONSET,
});

const tick = (to: number) =>
  act(() => {
    now.value = to;
  });

describe("the relocation map left running", () => {
  it("draws its labels again only when what they say changes, and adds no listener as the clock runs", async () => {
    standing.sites.replaceAll([site("home", "operational", 42.98), site("flooded", "unusable", 42.99), site("alt", "operational", 43.0)]);
    // A function at a primary site it need not leave (a hover label), and one whose primary is unusable,
    // 60 minutes past its 30-minute target (a label on the map itself).
    standing.functions.replaceAll([fn("calm", "home", 30, 1), fn("late", "flooded", 30, 2)]);
    const start = Date.parse(ONSET) + 90 * 60_000 + 5_000;
    now.value = start;
    const box = document.createElement("div");
    document.body.append(box);
    // The map fetches Kushiro's coast; without it the map draws everything else (what this test is about).
    vi.stubGlobal("fetch", async () => new Response("{}", { status: 404 }));
    // act(): the map is built in an effect, which runs only after the render has painted.
    await act(() => render(h(RelocationMap, { model: new IncidentRelocation("i1"), onsetAt: ONSET }), box));
    await tick(start);

    const lateLabel = () => [...document.querySelectorAll(".leaflet-tooltip.fn-late-label")];
    expect(lateLabel()).toHaveLength(1);
    const label = lateLabel()[0]!;
    expect(label.textContent).toContain("業務late");
    const before = label.textContent;
    const listeners = live;
    // The map's lines and sites do carry listeners: a count that saw none would prove nothing.
    expect(document.querySelectorAll("path.leaflet-interactive").length).toBe(5);
    expect(listeners).toBeGreaterThan(10);

    // Forty ticks of the console's 15-second clock: ten minutes of a wall left alone.
    for (let i = 1; i <= 40; i++) await tick(start + i * 15_000);

    expect(live, `listeners ${listeners} → ${live} over 40 clock ticks`).toBe(listeners);
    // The late label is the same element, its text moved on with the minutes.
    expect(lateLabel()).toEqual([label]);
    expect(label.textContent).not.toBe(before);
    expect(document.querySelectorAll(".leaflet-tooltip.fn-late-label")).toHaveLength(1);

    // The calm function's primary becomes unusable: now it is late, labelled on the map too.
    standing.sites.upsert({ ...site("home", "unusable", 42.98), version: 2 });
    await tick(start + 41 * 15_000);
    expect(lateLabel()).toHaveLength(2);
    expect(lateLabel().map((l) => l.textContent).join(" ")).toContain("業務calm");
    // And back: the label goes, and the listener its hover label had is not left behind twice over.
    standing.sites.upsert({ ...site("home", "operational", 42.98), version: 3 });
    await tick(start + 42 * 15_000);
    expect(lateLabel()).toEqual([label]);
    expect(live).toBe(listeners);
  });
});

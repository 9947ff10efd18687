// Server-Timing, read by the bench and the browser's devtools: one header writer for every route.

/** One Server-Timing entry: `name;dur=12.3;desc="…"`. */
export type TimingEntry = { name: string; ms: number; desc?: string };

export const serverTiming = (entries: readonly TimingEntry[]): string =>
  entries.map((e) => `${e.name};dur=${e.ms.toFixed(1)}${e.desc === undefined ? "" : `;desc="${e.desc}"`}`).join(", ");

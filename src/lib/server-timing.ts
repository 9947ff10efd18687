// Server-Timing, read by the bench and the browser's devtools: one header writer for every route.

/** One Server-Timing entry: `name;dur=12.3;desc="…"`. */
export type TimingEntry = { name: string; ms: number; desc?: string };

export const serverTiming = (entries: readonly TimingEntry[]): string =>
  entries.map((e) => `${e.name};dur=${e.ms.toFixed(1)}${e.desc === undefined ? "" : `;desc="${e.desc}"`}`).join(", ");

/**
 * Counts the D1 round trips a handler makes (a batch is one) and the time spent waiting on them,
 * for the Server-Timing header. Statements stay the runtime's own objects so that batch() accepts them.
 */
export function meteredDb(db: D1Database): { db: D1Database; roundTrips: () => number; waitedMs: () => number } {
  let count = 0;
  let waited = 0;
  const timed = <T>(p: Promise<T>): Promise<T> => {
    count++;
    const started = performance.now();
    return p.finally(() => (waited += performance.now() - started));
  };
  const meter = (stmt: D1PreparedStatement): D1PreparedStatement => {
    const bind = stmt.bind.bind(stmt);
    stmt.bind = (...values: unknown[]) => meter(bind(...values));
    for (const name of ["first", "all", "run", "raw"] as const) {
      const call = (stmt[name] as (...a: unknown[]) => Promise<unknown>).bind(stmt);
      (stmt as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => timed(call(...a));
    }
    return stmt;
  };
  const metered = new Proxy(db, {
    get(target, prop) {
      if (prop === "prepare") return (sql: string) => meter(target.prepare(sql));
      if (prop === "batch") return (statements: D1PreparedStatement[]) => timed(target.batch(statements));
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db: metered, roundTrips: () => count, waitedMs: () => waited };
}

/** `app;dur=12.3, d1;dur=8.1;desc="1 round trip"`: the whole handler since `startedAt`, and its waits on D1. */
export function appAndD1(startedAt: number, d1: { roundTrips: () => number; waitedMs: () => number }): TimingEntry[] {
  const trips = d1.roundTrips();
  return [
    { name: "app", ms: performance.now() - startedAt },
    { name: "d1", ms: d1.waitedMs(), desc: `${trips} round trip${trips === 1 ? "" : "s"}` },
  ];
}

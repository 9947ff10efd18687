/**
 * Every request's D1 access goes through one D1 session (read replicas when deployed, a
 * writer's own writes visible to its next reads) and is counted, so each answer can say how
 * many round trips it cost.
 */

import { serverTiming } from "./server-timing";

/**
 * Counts one request's D1 queries and its sequential round trips. A query's depth is one more
 * than the deepest query that had finished when it started, so queries sent together count
 * once and the count is an upper bound on the request's chain of waits on D1.
 */
export class RoundTrips {
  queries = 0;
  /** Time with at least one query in flight. */
  private waitedMs = 0;
  private inFlight = 0;
  private waitingSince = 0;
  private finishedDepth = 0;
  private deepest = 0;
  private readonly startedAt = performance.now();

  track<T>(p: Promise<T>): Promise<T> {
    const depth = this.finishedDepth + 1;
    this.queries++;
    this.deepest = Math.max(this.deepest, depth);
    if (this.inFlight++ === 0) this.waitingSince = performance.now();
    const done = () => {
      this.finishedDepth = Math.max(this.finishedDepth, depth);
      if (--this.inFlight === 0) this.waitedMs += performance.now() - this.waitingSince;
    };
    return p.then(
      (v) => (done(), v),
      (e) => {
        done();
        throw e;
      },
    );
  }

  get sequential() {
    return this.deepest;
  }

  /**
   * `app;dur=12.3, d1;dur=8.1;desc="2 round trips, 3 queries"`: the whole request, the time spent
   * waiting on D1, and the counts, for the bench and the browser's devtools.
   */
  serverTiming() {
    const trips = `${this.sequential} round trip${this.sequential === 1 ? "" : "s"}`;
    return serverTiming([
      { name: "app", ms: performance.now() - this.startedAt },
      { name: "d1", ms: this.waitedMs, desc: `${trips}, ${this.queries} quer${this.queries === 1 ? "y" : "ies"}` },
    ]);
  }
}

/** A statement as text and values, to be run by another object (a stream's room commits a write's batch). */
export type SqlStatement = { sql: string; params: unknown[] };

const texts = new WeakMap<D1PreparedStatement, SqlStatement>();
const requestTrips = new WeakMap<D1Database, { trips: RoundTrips; bookmarks: (string | null)[] }>();

/** The SQL and values of statements prepared through a request's database. */
export function sqlOf(s: D1PreparedStatement): SqlStatement {
  const text = texts.get(s);
  if (!text) throw new Error("statement not prepared through the request's database");
  return text;
}

/**
 * A D1 round trip the request waits on while another object runs it (the stream's room commits
 * the write batch): counted like its own, and the bookmark it reached kept for the request's next reads.
 */
export async function viaElsewhere<T extends { bookmark: string | null }>(db: D1Database, p: Promise<T>): Promise<T> {
  const request = requestTrips.get(db);
  const done = await (request ? request.trips.track(p) : p);
  request?.bookmarks.push(done.bookmark);
  return done;
}

// Bound statements come out of bind(); wrap those too so nothing escapes the count.
function counted(s: D1PreparedStatement, trips: RoundTrips, sql: string, params: unknown[] = []): D1PreparedStatement {
  const { bind, first, all, run, raw } = s;
  texts.set(s, { sql, params });
  return Object.assign(s, {
    bind: (...values: unknown[]) => counted(bind.apply(s, values), trips, sql, values),
    first: (...a: Parameters<typeof first>) => trips.track(first.apply(s, a)),
    all: () => trips.track(all.apply(s)),
    run: () => trips.track(run.apply(s)),
    raw: (...a: Parameters<typeof raw>) => trips.track(raw.apply(s, a)),
  } as Pick<D1PreparedStatement, "bind" | "first" | "all" | "run" | "raw">);
}

/**
 * The request's database: a D1 session anchored at the caller's bookmark (so its reads see at
 * least what it last wrote) or, without one, at any replica for reads and the primary for writes.
 */
export function requestDatabase(db: D1Database, trips: RoundTrips, bookmark: string | null, writing: boolean) {
  const session = db.withSession(bookmark ?? (writing ? "first-primary" : "first-unconstrained"));
  const database: D1Database = {
    prepare: (query) => counted(session.prepare(query), trips, query),
    batch: (statements) => trips.track(session.batch(statements)),
    // Multi-statement scripts bypass the session; nothing on a request's path uses them.
    exec: (query) => trips.track(db.exec(query)),
    withSession: () => session,
    dump: () => db.dump(),
  };
  const elsewhere: (string | null)[] = [];
  requestTrips.set(database, { trips, bookmarks: elsewhere });
  return { database, bookmark: () => elsewhere.reduce(laterBookmark, session.getBookmark()) };
}

/** Bookmarks are fixed-width hex: the later one sorts after. */
export const laterBookmark = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));

import type { ChangeEntry } from "../db/changes";
import type { SqlStatement } from "../lib/d1";
import type { Change } from "../schema/changes";

/** One write's batch as the write path built it: its statements, and where its change-log rows sit. */
export type WriteBatch = { statements: SqlStatement[]; logFrom: number; entries: ChangeEntry[] };

/** Committed with these seqs (and the D1 bookmark after it), or refused with the database's error. */
export type Committed = { ok: true; seqs: number[]; bookmark: string | null } | { ok: false; error: string; bookmark: null };

/** Writes per D1 batch at most: a burst larger than this leaves in several, in order. */
const MAX_GROUP = 50;

type Waiting = { batch: WriteBatch; done: (c: Committed) => void };

/**
 * A stream's writes committed by its room, one D1 batch at a time: the first goes at once, and
 * every write that arrives while a batch is at D1 goes in the next one, one transaction and one
 * round trip for the lot. Each write is still all or nothing: if the joint batch fails (one write
 * was stale, its session ended, its key was used), each runs again on its own, in the same order,
 * so only that one is refused. A write is answered only once D1 has committed it, and the changes
 * leave for the listeners in seq order because the batches commit one after another.
 */
export class GroupCommit {
  private waiting: Waiting[] = [];
  private busy = false;

  constructor(
    private readonly db: D1Database,
    private readonly committed: (changes: Change[]) => void,
  ) {}

  commit(batch: WriteBatch): Promise<Committed> {
    return new Promise((done) => {
      this.waiting.push({ batch, done });
      if (!this.busy) void this.drain();
    });
  }

  private async drain() {
    this.busy = true;
    try {
      while (this.waiting.length > 0) await this.run(this.waiting.splice(0, MAX_GROUP));
    } finally {
      this.busy = false;
    }
  }

  private async run(group: Waiting[]) {
    if (group.length > 1) {
      const session = this.db.withSession("first-primary");
      let results: D1Result[] | null = null;
      try {
        results = await session.batch(group.flatMap((w) => w.batch.statements.map((s) => prepared(session, s))));
      } catch {
        // One of them was refused; which one, only running each alone can tell.
      }
      if (results) {
        const bookmark = session.getBookmark();
        let at = 0;
        for (const w of group) {
          const mine = results.slice(at, (at += w.batch.statements.length));
          this.finish(w, mine, bookmark);
        }
        return;
      }
    }
    for (const w of group) await this.alone(w);
  }

  private async alone(w: Waiting) {
    const session = this.db.withSession("first-primary");
    let results: D1Result[];
    try {
      results = await session.batch(w.batch.statements.map((s) => prepared(session, s)));
    } catch (err) {
      w.done({ ok: false, error: err instanceof Error ? err.message : String(err), bookmark: null });
      return;
    }
    this.finish(w, results, session.getBookmark());
  }

  private finish(w: Waiting, results: D1Result[], bookmark: string | null) {
    const { logFrom, entries } = w.batch;
    const seqs = results.slice(logFrom, logFrom + entries.length).map((r) => (r.results[0] as { seq: number }).seq);
    w.done({ ok: true, seqs, bookmark });
    this.committed(entries.map((e, i) => ({ ...e, seq: seqs[i]! }) as Change));
  }
}

const prepared = (session: D1DatabaseSession, s: SqlStatement) => session.prepare(s.sql).bind(...s.params);

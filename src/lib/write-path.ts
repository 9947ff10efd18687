import { appendChange, expectOneRowChanged, isMissingReference, isStaleWrite } from "../db/changes";
import { findAnswer, storeAnswer } from "../db/idempotency";
import { batchGuard, isSessionEnded } from "../db/people";
import type { Change } from "../schema/changes";
import type { Incident } from "../schema/incidents";
import { announceIncident, commitInRoom } from "../live/announce";
import { isClosedIncidentWrite } from "../db/incidents";
import type { Stream } from "../schema/streams";
import { type Ctx, incidentClosed, nowIso, Replayed, staleVersion } from "./app";
import { sqlOf, viaElsewhere } from "./d1";
import { forgetSession, rememberSession, storedAnswer, unauthenticated } from "./guards";

/** A statement, or one that must change exactly one row (else the whole write is stale). */
export type WriteStep = D1PreparedStatement | { exactlyOne: D1PreparedStatement };

type Logged<C> = C extends Change ? Pick<C, "entityType" | "entityId" | "op" | "before" | "after"> : never;

/**
 * One logical change as a route names it, checked against the change-log union (entity type,
 * its operations and its before/after shapes); the write path adds the stream, time, actor and mutation id.
 */
export type LoggedChange = Logged<Change>;

export type Write<T> = {
  /** The change-log stream: an incident id, or STANDING for peacetime data. */
  stream: Stream;
  steps: WriteStep[];
  changes: LoggedChange[];
  /** What the client gets back as `data`. */
  data: T;
  status?: 200 | 201;
  /** The current state to answer a 409 with, when a guarded step found the entity moved on. */
  reload?: () => Promise<unknown>;
  /** An incident whose row changed, for every console's incident list. */
  incident?: Incident;
  /**
   * For a write that left its references to the batch's foreign keys: reads them when the batch
   * refused one and answers in the route's words (an unknown unit is a 422, not a database error).
   */
  explain?: () => Promise<unknown>;
};

/**
 * The one write path. Validation and authorisation happened in the route; here the session
 * re-check, the entity change, its change-log rows and the idempotency record commit in one
 * D1 batch (the second and last round trip of a write, after the route's preconditions).
 * A write to a closed incident's stream is refused here, for every route, inside the same batch.
 * The stream's room runs that batch (writes arriving together share one D1 transaction, each
 * still all or nothing) and broadcasts the changes once committed, in seq order.
 */
export async function commitWrite<T>(c: Ctx, w: Write<T>): Promise<{ data: T; seq: number }> {
  const db = c.env.DB;
  const user = c.get("user");
  const mutation = c.get("mutation");
  const at = nowIso();
  const status = w.status ?? 200;

  const tokenHash = c.get("sessionTokenHash");
  // The session first, then a closed incident, before any other guard speaks.
  const statements: D1PreparedStatement[] = [batchGuard(db, tokenHash, user, w.stream, at)];
  for (const step of w.steps) {
    if ("exactlyOne" in step) statements.push(step.exactlyOne, expectOneRowChanged(db));
    else statements.push(step);
  }
  const firstLog = statements.length;
  const actor = { id: user.id, name: user.displayName, unitId: user.unitId };
  const entries = w.changes.map((ch) => ({ ...ch, stream: w.stream, at, actor, mutationId: mutation.key }));
  for (const e of entries) statements.push(appendChange(db, e));
  statements.push(
    storeAnswer(db, {
      userId: user.id,
      key: mutation.key,
      requestHash: mutation.requestHash,
      status,
      body: { data: w.data, seq: 0 },
      stream: w.stream,
      at,
    }),
  );

  let seqs: number[];
  try {
    const batch = { statements: statements.map(sqlOf), logFrom: firstLog, entries };
    const outcome = await viaElsewhere(db, commitInRoom(c.env, w.stream, batch));
    if (!outcome.ok) throw new Error(outcome.error);
    seqs = outcome.seqs;
  } catch (err) {
    if (isSessionEnded(err)) {
      forgetSession(tokenHash);
      throw unauthenticated();
    }
    // This key committed before (a retry) or meanwhile (a concurrent retry), or the room went away
    // after committing: answer as it did.
    mutation.answerChecked = true;
    const stored = await findAnswer(db, user.id, mutation.key);
    if (stored) throw new Replayed(storedAnswer(stored, mutation.requestHash));
    if (isClosedIncidentWrite(err)) throw incidentClosed();
    if (isStaleWrite(err)) throw staleVersion(await w.reload?.());
    if (w.explain && isMissingReference(err)) await w.explain();
    throw err;
  }

  // The batch just proved the session live: a busy writer's next write needs no session read.
  rememberSession(tokenHash, user);
  // The incident list is told after the answer: a console that misses it refreshes on reconnect.
  if (w.incident) c.executionCtx.waitUntil(announceIncident(c.env, w.incident));
  return { data: w.data, seq: seqs.at(-1)! };
}

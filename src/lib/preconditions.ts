import { answerByKey } from "../db/idempotency";
import { sessionUser } from "../db/people";
import { type Answers, readTogether, type RowRead } from "../db/together";
import { type Ctx, nowIso, Replayed } from "./app";
import { forgetSession, storedAnswer, unauthenticated } from "./guards";

/**
 * The one way an entity write reads what it depends on: the session, the first answer under its
 * Idempotency-Key and the route's own precondition reads go to D1 in one batch, so a write costs
 * this round trip and then its write batch (`commitWrite`), nothing more.
 *
 * The session is read here even when this isolate remembered it: a session ended anywhere (signed
 * out, disabled, its role or unit changed) is refused before a retry learns its first answer or a
 * refusal says anything about the data; the write batch re-checks it once more as it commits.
 * A retry whose first attempt committed is answered as it was, whatever has changed since.
 */
export async function readPreconditions<const T extends readonly (RowRead<unknown> | null)[]>(c: Ctx, reads: T): Promise<Answers<T>> {
  // Nothing to read, nothing to wait for: the write batch itself checks the session and the key.
  if (reads.every((r) => r === null)) return reads.map(() => null) as Answers<T>;
  const db = c.env.DB;
  const user = c.get("user");
  const mutation = c.get("mutation");
  const tokenHash = c.get("sessionTokenHash");
  const [session, stored, ...answers] = await readTogether(db, [sessionUser(db, tokenHash, nowIso()), answerByKey(db, user.id, mutation.key), ...reads]);
  // Authorised as this person in this unit and role: anything else since is a session that ended.
  if (!session || session.id !== user.id || session.unitId !== user.unitId || session.role !== user.role) {
    forgetSession(tokenHash);
    throw unauthenticated();
  }
  // The session and the key are both answered for this request: a refusal from here on needs no second look.
  mutation.answerChecked = true;
  if (stored) throw new Replayed(storedAnswer(stored, mutation.requestHash));
  return answers as unknown as Answers<T>;
}

/**
 * Incidents this isolate has read from D1. An incident is never deleted (a closed one stays in the
 * archive, and every write batch refuses it), so an id once read exists for good: a write that
 * names it may leave checking it, and its other references, to the write batch's foreign keys.
 */
const seenIncidents = new Set<string>();
const SEEN_MAX = 10_000;

export function seenIncident(id: string) {
  if (seenIncidents.size >= SEEN_MAX) seenIncidents.clear();
  seenIncidents.add(id);
}

export const isSeenIncident = (id: string) => seenIncidents.has(id);

import { updateAction } from "../db/drills-report";
import { patchAction, withOverdue } from "../domain/drills-report";
import { type Ctx, nowIso, staleVersion } from "../lib/app";
import { commitWrite, type WriteStep } from "../lib/write-path";
import type { ActionPatch, StoredAction } from "../schema/drills-report";
import { STANDING } from "../schema/streams";

// A corrective action is committed the same way whichever plan it belongs to (the hospital's drill
// report or the water department's relocation review): on the standing stream, because the
// improvement plan is chased for months after its drill's incident has closed.

/** Commits a new action (the route has authorised it and built the row's insert). */
export async function commitNewAction(c: Ctx, action: StoredAction, insert: WriteStep) {
  const data = withOverdue([action], nowIso())[0]!;
  return commitWrite(c, {
    stream: STANDING,
    steps: [insert],
    changes: [{ entityType: "corrective_action", entityId: action.id, op: "create", before: null, after: data }],
    data,
    status: 201,
  });
}

/** Applies a patch to the current action at its version; `reload` reads it again for a 409. */
export async function commitActionChange(c: Ctx, current: StoredAction, patch: ActionPatch, reload: () => Promise<StoredAction | null | undefined>) {
  if (patch.version !== current.version) throw staleVersion(withOverdue([current], nowIso())[0]);
  const now = nowIso();
  const next = patchAction(current, patch, now);
  const data = withOverdue([next], now)[0]!;
  return commitWrite(c, {
    stream: STANDING,
    steps: [{ exactlyOne: updateAction(c.env.DB, next) }],
    changes: [{ entityType: "corrective_action", entityId: current.id, op: "update", before: current, after: data }],
    data,
    reload: async () => {
      const a = await reload();
      return a && withOverdue([a], nowIso())[0];
    },
  });
}

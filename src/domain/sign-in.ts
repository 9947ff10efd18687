import type { SignInFailures } from "../db/people";

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const BLOCK_MS = 15 * 60_000;

/** Seconds until this login may try again, or 0 when it may try now. */
export function retryAfterSeconds(f: SignInFailures | null, now: Date): number {
  if (!f?.blockedUntil) return 0;
  const left = new Date(f.blockedUntil).getTime() - now.getTime();
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

/** The record after one more failed attempt: a window of attempts, then a block. */
export function afterFailure(f: SignInFailures | null, now: Date): SignInFailures {
  const nowIso = now.toISOString();
  // A finished block or an old first failure starts a fresh window.
  const inWindow = f !== null && !f.blockedUntil && now.getTime() - new Date(f.firstFailedAt).getTime() < FAILURE_WINDOW_MS;
  const failures = inWindow ? f.failures + 1 : 1;
  const firstFailedAt = inWindow ? f.firstFailedAt : nowIso;
  const blockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + BLOCK_MS).toISOString() : null;
  return { failures, firstFailedAt, blockedUntil };
}

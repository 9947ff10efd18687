/**
 * Sign-in throttling rules. Two counters are charged for every attempt before the password is
 * checked: one for this login from this address, one for this address across every login
 * (password spraying). A login is never blocked as a whole, so an attacker at one address cannot
 * lock out the person it belongs to signing in from another.
 */
export type SignInLimits = { perLoginAddress: number; perAddress: number; windowMs: number };

export const DEFAULT_LIMITS: SignInLimits = { perLoginAddress: 5, perAddress: 30, windowMs: 15 * 60_000 };

/** Limits from the worker's vars, each falling back to the default when unset or not a positive number. */
export function signInLimits(vars: { SIGN_IN_LIMIT_PER_LOGIN?: string; SIGN_IN_LIMIT_PER_ADDRESS?: string; SIGN_IN_WINDOW_MINUTES?: string }): SignInLimits {
  const positive = (v: string | undefined, fallback: number) => (Number(v) > 0 ? Math.floor(Number(v)) : fallback);
  return {
    perLoginAddress: positive(vars.SIGN_IN_LIMIT_PER_LOGIN, DEFAULT_LIMITS.perLoginAddress),
    perAddress: positive(vars.SIGN_IN_LIMIT_PER_ADDRESS, DEFAULT_LIMITS.perAddress),
    windowMs: positive(vars.SIGN_IN_WINDOW_MINUTES, DEFAULT_LIMITS.windowMs / 60_000) * 60_000,
  };
}

/** The counter keys one attempt charges. Logins are case-folded so `HQ` and `hq` share a counter. */
export function attemptKeys(login: string, address: string) {
  return { loginAddress: `login:${login.toLowerCase()}|${address}`, address: `address:${address}` };
}

/** A counter after this attempt was charged: how many attempts in the window that started when. */
export type AttemptCount = { attempts: number; windowStart: string };

/** Seconds until the window that `count` is in ends, when it went over `limit`; 0 when within it. */
export function retryAfterSeconds(count: AttemptCount, limit: number, windowMs: number, now: Date): number {
  if (count.attempts <= limit) return 0;
  const left = new Date(count.windowStart).getTime() + windowMs - now.getTime();
  return Math.max(1, Math.ceil(left / 1000));
}

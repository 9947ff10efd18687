import { describe, expect, it } from "vitest";
import { attemptKeys, DEFAULT_LIMITS, retryAfterSeconds, signInLimits } from "../../src/domain/sign-in";

const start = new Date(Date.UTC(2026, 10, 24));
const at = (ms: number) => new Date(start.getTime() + ms);
const count = (attempts: number) => ({ attempts, windowStart: start.toISOString() });

describe("sign-in throttle", () => {
  it("lets the limit's attempts through and answers the rest with the seconds left in the window", () => {
    const { perLoginAddress: limit, windowMs } = DEFAULT_LIMITS;
    expect(retryAfterSeconds(count(limit), limit, windowMs, at(1000))).toBe(0);
    expect(retryAfterSeconds(count(limit + 1), limit, windowMs, at(1000))).toBe(windowMs / 1000 - 1);
    expect(retryAfterSeconds(count(limit + 1), limit, windowMs, at(windowMs - 10))).toBe(1);
  });

  it("charges a login per address, and each address across logins", () => {
    const a = attemptKeys("HQ", "198.51.100.7");
    const b = attemptKeys("hq", "203.0.113.9");
    expect(a.loginAddress).toBe(attemptKeys("hq", "198.51.100.7").loginAddress);
    expect(a.loginAddress).not.toBe(b.loginAddress);
    expect(a.address).toBe(attemptKeys("water", "198.51.100.7").address);
  });

  it("reads its limits from the worker's vars, keeping the defaults for unset or nonsense values", () => {
    expect(signInLimits({})).toEqual(DEFAULT_LIMITS);
    expect(signInLimits({ SIGN_IN_LIMIT_PER_LOGIN: "3", SIGN_IN_LIMIT_PER_ADDRESS: "x", SIGN_IN_WINDOW_MINUTES: "5" })).toEqual({
      perLoginAddress: 3,
      perAddress: DEFAULT_LIMITS.perAddress,
      windowMs: 5 * 60_000,
    });
  });
});

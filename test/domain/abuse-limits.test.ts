import { describe, expect, it } from "vitest";
import { chargeWrite, DEFAULT_WRITE_RATE, leaseSize, writeRateLimit } from "../../src/domain/abuse-limits";

describe("write rate rule", () => {
  const rate = { limit: 2, windowMs: 10_000 };

  it("counts writes in the window and refuses past the limit until the window ends", () => {
    let w = chargeWrite(undefined, 1_000, rate);
    expect(w.retryAfterSeconds).toBe(0);
    w = chargeWrite(w.window, 2_000, rate);
    expect(w).toMatchObject({ window: { start: 1_000, count: 2 }, granted: 1, retryAfterSeconds: 0 });
    const refused = chargeWrite(w.window, 4_500, rate);
    expect(refused.retryAfterSeconds).toBe(7);
    // A refused write is not counted.
    expect(refused.window.count).toBe(2);
    expect(refused.granted).toBe(0);
    expect(chargeWrite(refused.window, 11_000, rate)).toEqual({ window: { start: 11_000, count: 1 }, granted: 1, retryAfterSeconds: 0, windowEndsAt: 21_000 });
  });

  it("grants a lease of several writes only as far as the window still holds, and sizes leases at a fiftieth of the limit", () => {
    const wide = { limit: 10, windowMs: 10_000 };
    const first = chargeWrite(undefined, 0, wide, 4);
    expect(first).toMatchObject({ granted: 4, window: { count: 4 }, windowEndsAt: 10_000 });
    const second = chargeWrite({ start: 0, count: 8 }, 1_000, wide, 4);
    expect(second).toMatchObject({ granted: 2, window: { count: 10 } });
    expect(chargeWrite(second.window, 2_000, wide, 4)).toMatchObject({ granted: 0, retryAfterSeconds: 8 });
    expect(leaseSize(DEFAULT_WRITE_RATE)).toBe(12);
    expect(leaseSize({ limit: 3, windowMs: 60_000 })).toBe(1);
  });

  it("never asks to wait less than a second", () => {
    const full = { start: 0, count: 2 };
    expect(chargeWrite(full, 9_999, rate).retryAfterSeconds).toBe(1);
  });

  it("is off at 0 and falls back to the default when unset or malformed", () => {
    expect(chargeWrite({ start: 0, count: 10_000 }, 1, { limit: 0, windowMs: 60_000 }).retryAfterSeconds).toBe(0);
    expect(writeRateLimit({})).toEqual(DEFAULT_WRITE_RATE);
    expect(writeRateLimit({ WRITE_RATE_LIMIT: "x", WRITE_RATE_WINDOW_SECONDS: "-3" })).toEqual(DEFAULT_WRITE_RATE);
    expect(writeRateLimit({ WRITE_RATE_LIMIT: "0", WRITE_RATE_WINDOW_SECONDS: "10" })).toEqual({ limit: 0, windowMs: 10_000 });
  });
});

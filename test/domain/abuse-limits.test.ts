import { describe, expect, it } from "vitest";
import { chargeWrite, DEFAULT_WRITE_RATE, writeRateLimit } from "../../src/domain/abuse-limits";

describe("write rate rule", () => {
  const rate = { limit: 2, windowMs: 10_000 };

  it("counts writes in the window and refuses past the limit until the window ends", () => {
    let w = chargeWrite(undefined, 1_000, rate);
    expect(w.retryAfterSeconds).toBe(0);
    w = chargeWrite(w.window, 2_000, rate);
    expect(w).toEqual({ window: { start: 1_000, count: 2 }, retryAfterSeconds: 0 });
    const refused = chargeWrite(w.window, 4_500, rate);
    expect(refused.retryAfterSeconds).toBe(7);
    // A refused write is not counted.
    expect(refused.window.count).toBe(2);
    expect(chargeWrite(refused.window, 11_000, rate)).toEqual({ window: { start: 11_000, count: 1 }, retryAfterSeconds: 0 });
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

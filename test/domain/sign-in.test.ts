import { describe, expect, it } from "vitest";
import { afterFailure, BLOCK_MS, FAILURE_WINDOW_MS, MAX_FAILURES, retryAfterSeconds } from "../../src/domain/sign-in";

const at = (ms: number) => new Date(Date.UTC(2026, 10, 24) + ms);

describe("sign-in throttle", () => {
  it("blocks after the fifth failure within the window, for the block period", () => {
    let f = null;
    for (let i = 0; i < MAX_FAILURES - 1; i++) f = afterFailure(f, at(i * 1000));
    expect(retryAfterSeconds(f, at(5000))).toBe(0);
    f = afterFailure(f, at(5000));
    expect(f.failures).toBe(MAX_FAILURES);
    expect(retryAfterSeconds(f, at(5000))).toBe(BLOCK_MS / 1000);
    expect(retryAfterSeconds(f, at(5000 + BLOCK_MS))).toBe(0);
  });

  it("starts counting afresh once the window has passed", () => {
    let f = afterFailure(null, at(0));
    f = afterFailure(f, at(1000));
    f = afterFailure(f, at(FAILURE_WINDOW_MS + 1));
    expect(f.failures).toBe(1);
  });

  it("starts afresh after a block has run out", () => {
    let f = null;
    for (let i = 0; i < MAX_FAILURES; i++) f = afterFailure(f, at(i));
    const later = afterFailure(f, at(BLOCK_MS + 10_000));
    expect(later).toMatchObject({ failures: 1, blockedUntil: null });
  });
});

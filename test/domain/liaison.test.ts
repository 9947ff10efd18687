import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ackDueAt, addressMessage, flaggedFor, isFlagged, mayAcknowledge, messageLabel } from "../../src/domain/liaison";

const water = { role: "editor" as const, unitId: "water" };
const hq = { role: "admin" as const, unitId: "hq" };
const viewer = { role: "viewer" as const, unitId: "hq" };

describe("addressing", () => {
  it("sends for the sender's own unit by default", () => {
    expect(addressMessage(water, { toUnitId: "hq" }, null)).toEqual({ ok: true, fromUnitId: "water", toUnitId: "hq", threadId: null });
  });

  it("lets an admin send for another unit but not an editor", () => {
    expect(addressMessage(hq, { fromUnitId: "fire", toUnitId: "water" }, null)).toMatchObject({ ok: true, fromUnitId: "fire" });
    expect(addressMessage(water, { fromUnitId: "hospital", toUnitId: "hq" }, null)).toMatchObject({ ok: false, status: 403, path: "fromUnitId" });
    expect(addressMessage(viewer, { toUnitId: "water" }, null)).toMatchObject({ ok: false, status: 403 });
  });

  it("sends a reply back to the other side and into the same thread", () => {
    const parent = { fromUnitId: "water", toUnitId: "hq", threadId: "t1" };
    expect(addressMessage(hq, {}, parent)).toEqual({ ok: true, fromUnitId: "hq", toUnitId: "water", threadId: "t1" });
    expect(addressMessage(water, {}, parent)).toEqual({ ok: true, fromUnitId: "water", toUnitId: "hq", threadId: "t1" });
  });

  it("refuses a message to the sender's own unit or to nobody", () => {
    expect(addressMessage(water, { toUnitId: "water" }, null)).toMatchObject({ ok: false, status: 422, code: "same_unit" });
    expect(addressMessage(water, {}, null)).toMatchObject({ ok: false, status: 422, path: "toUnitId" });
  });

  it("lets only the receiving unit (or an admin) acknowledge", () => {
    expect(mayAcknowledge(water, { toUnitId: "water" })).toBe(true);
    expect(mayAcknowledge(water, { toUnitId: "hq" })).toBe(false);
    expect(mayAcknowledge(hq, { toUnitId: "water" })).toBe(true);
    expect(mayAcknowledge(viewer, { toUnitId: "hq" })).toBe(false);
  });
});

describe("acknowledgement flags", () => {
  const sent = "2026-11-24T00:00:00.000Z";
  const t = (min: number) => Date.parse(sent) + min * 60_000;

  it("flags a message once it waited the configured minutes unacknowledged", () => {
    const m = { sentAt: sent, acknowledgedAt: null };
    expect(isFlagged(m, t(9.9), 10)).toBe(false);
    expect(isFlagged(m, t(10), 10)).toBe(true);
    expect(isFlagged({ ...m, acknowledgedAt: sent }, t(60), 10)).toBe(false);
    expect(ackDueAt(m, 10)).toBe("2026-11-24T00:10:00.000Z");
  });

  it("is monotone: a flagged unacknowledged message stays flagged as time passes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1440 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (minutes, a, extra) => {
        const m = { sentAt: sent, acknowledgedAt: null };
        if (isFlagged(m, t(a), minutes)) expect(isFlagged(m, t(a + extra), minutes)).toBe(true);
        expect(isFlagged(m, t(a), minutes)).toBe(a >= minutes);
      }),
    );
  });

  it("shows the receiver its own flagged messages and the HQ all of them, most urgent then oldest first", () => {
    const msgs = [
      { id: "a", sentAt: "2026-11-24T00:00:00.000Z", acknowledgedAt: null, toUnitId: "hq", priority: "normal" as const },
      { id: "b", sentAt: "2026-11-24T00:05:00.000Z", acknowledgedAt: null, toUnitId: "water", priority: "urgent" as const },
      { id: "c", sentAt: "2026-11-24T00:01:00.000Z", acknowledgedAt: null, toUnitId: "hq", priority: "urgent" as const },
      { id: "d", sentAt: "2026-11-24T00:02:00.000Z", acknowledgedAt: "2026-11-24T00:03:00.000Z", toUnitId: "hq", priority: "urgent" as const },
      { id: "e", sentAt: "2026-11-24T00:29:00.000Z", acknowledgedAt: null, toUnitId: "hq", priority: "urgent" as const },
    ];
    expect(flaggedFor(msgs, "hq", t(30), 10).map((m) => m.id)).toEqual(["c", "b", "a"]);
    expect(flaggedFor(msgs, "water", t(30), 10).map((m) => m.id)).toEqual(["b"]);
    expect(flaggedFor(msgs, "hospital", t(30), 10)).toEqual([]);
  });
});

describe("chronology line", () => {
  it("gives the kind and the start of the message", () => {
    expect(messageLabel({ kind: "request", body: "給水車2台の応援を要請" })).toBe("［要請］給水車2台の応援を要請");
    expect(messageLabel({ kind: "report", body: "あ".repeat(70) })).toBe(`［報告］${"あ".repeat(60)}…`);
  });
});

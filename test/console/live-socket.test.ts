import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LiveSocket, retryDelay, TIMING } from "../../web/lib/socket";
import { RoomSocket, setOnline, until } from "./wire";

let socket: LiveSocket | undefined;
const opened = () => RoomSocket.opened.length;

/** A socket whose jitter always picks the given fraction of the ceiling. */
function start(fraction = 1): LiveSocket {
  const s = new LiveSocket("/api/live", () => {}, () => {}, TIMING, () => fraction);
  socket = s;
  s.open();
  return s;
}

beforeEach(() => {
  RoomSocket.opened = [];
  vi.stubGlobal("WebSocket", RoomSocket);
  setOnline(true);
});

afterEach(() => {
  socket?.close();
  socket = undefined;
  vi.useRealTimers();
  vi.unstubAllGlobals();
  setOnline(true);
});

describe("LiveSocket backoff", () => {
  it("keeps every retry delay between 0 and a ceiling that doubles from 500 ms up to 15 s", () => {
    const ceilings = [500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000];
    ceilings.forEach((ceiling, attempt) => {
      const draws = Array.from({ length: 200 }, () => retryDelay(attempt));
      expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...draws)).toBeLessThanOrEqual(ceiling);
      // Jitter: consoles that lost the same server do not all come back at the same instant.
      expect(new Set(draws).size).toBeGreaterThan(150);
    });
  });

  it("waits the growing ceiling between failed connects, never less and never more", async () => {
    vi.useFakeTimers();
    const s = start(1);
    for (const ceiling of [500, 1000, 2000, 4000, 8000, 15_000, 15_000]) {
      const before = opened();
      RoomSocket.last.close(1006);
      expect(s.status.value).toBe("reconnecting");
      await vi.advanceTimersByTimeAsync(ceiling - 1);
      expect(opened()).toBe(before);
      await vi.advanceTimersByTimeAsync(1);
      expect(opened()).toBe(before + 1);
    }
  });

  it("starts the backoff over only after a connection stayed up for minUptime", async () => {
    vi.useFakeTimers();
    const s = start(1);
    RoomSocket.last.close(1006);
    await vi.advanceTimersByTimeAsync(500);
    RoomSocket.last.close(1006);
    await vi.advanceTimersByTimeAsync(1000);
    // Third try opens, but the link drops within a second: the next wait keeps growing (2 s).
    RoomSocket.last.accept();
    expect(s.status.value).toBe("live");
    await vi.advanceTimersByTimeAsync(1000);
    const before = opened();
    RoomSocket.last.close(1006);
    await vi.advanceTimersByTimeAsync(1999);
    expect(opened()).toBe(before);
    await vi.advanceTimersByTimeAsync(1);
    expect(opened()).toBe(before + 1);
    // This one stays up past minUptime: after it drops, the first short wait again.
    RoomSocket.last.accept();
    await vi.advanceTimersByTimeAsync(TIMING.minUptimeMs + 1);
    RoomSocket.last.close(1006);
    await vi.advanceTimersByTimeAsync(499);
    expect(opened()).toBe(before + 1);
    await vi.advanceTimersByTimeAsync(1);
    expect(opened()).toBe(before + 2);
  });

  it("gives up on a connect that hangs after the connect timeout, and tries again", async () => {
    vi.useFakeTimers();
    start(1);
    await vi.advanceTimersByTimeAsync(TIMING.connectTimeoutMs - 1);
    expect(RoomSocket.last.closedWith).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(RoomSocket.last.closedWith).toBe(4001);
    await vi.advanceTimersByTimeAsync(500);
    expect(opened()).toBe(2);
  });
});

describe("LiveSocket link health", () => {
  it("pings a quiet link and closes one that has said nothing for the silent limit", async () => {
    vi.useFakeTimers();
    start(1);
    RoomSocket.last.accept();
    await vi.advanceTimersByTimeAsync(TIMING.pingEveryMs);
    expect(RoomSocket.last.sent).toEqual([JSON.stringify({ type: "ping" })]);
    expect(RoomSocket.last.closedWith).toBeUndefined();
    // No pong ever comes back: at the first ping tick past the limit the socket is closed and retried.
    await vi.advanceTimersByTimeAsync(TIMING.silentLimitMs);
    expect(RoomSocket.opened[0]!.closedWith).toBe(4000);
    await vi.advanceTimersByTimeAsync(500);
    expect(opened()).toBe(2);
  });

  it("keeps a link that answers", async () => {
    vi.useFakeTimers();
    start(1);
    RoomSocket.last.accept();
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(TIMING.pingEveryMs);
      RoomSocket.last.say({ type: "pong" });
    }
    expect(RoomSocket.last.closedWith).toBeUndefined();
    expect(opened()).toBe(1);
  });

  it("says offline and stops trying while the device is offline, and connects at once when it is back", async () => {
    vi.useFakeTimers();
    const s = start(1);
    RoomSocket.last.accept();
    setOnline(false);
    expect(s.status.value).toBe("offline");
    expect(RoomSocket.last.readyState).toBe(RoomSocket.CLOSED);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(opened()).toBe(1);
    setOnline(true);
    expect(opened()).toBe(2);
    expect(s.status.value).toBe("connecting");
    RoomSocket.last.accept();
    expect(s.status.value).toBe("live");
  });
});

describe("LiveSocket messages", () => {
  it("hands on protocol messages in arrival order and drops what is not the protocol", async () => {
    const got: string[] = [];
    const s = new LiveSocket("/api/live", (m) => got.push(m.type));
    socket = s;
    s.open();
    RoomSocket.last.accept();
    RoomSocket.last.say({ type: "presence", present: 2, screens: { hq: 2 } });
    RoomSocket.last.say({ type: "presence", present: "two" });
    RoomSocket.last.say({ type: "nonsense" });
    RoomSocket.last.say({ type: "pong" });
    await until(() => got, (g) => g.length >= 2);
    expect(got).toEqual(["presence", "pong"]);
  });
});

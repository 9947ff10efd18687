import { signal } from "@preact/signals";
import type { ClientMessage, ServerMessage } from "../../src/schema/live";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "offline";

export type SocketTiming = {
  pingEveryMs: number;
  /** Nothing heard for this long (not even a pong): the link is dead though not closed. */
  silentLimitMs: number;
  /** A socket not open by then is given up and tried again. */
  connectTimeoutMs: number;
  /** A connection must stay up this long before the backoff starts over, so a link that drops at once keeps backing off. */
  minUptimeMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
};

export const TIMING: SocketTiming = {
  pingEveryMs: 20_000,
  silentLimitMs: 45_000,
  connectTimeoutMs: 10_000,
  minUptimeMs: 5_000,
  firstDelayMs: 500,
  maxDelayMs: 15_000,
};

const PING = JSON.stringify({ type: "ping" } satisfies ClientMessage);

type Check = (data: unknown) => ServerMessage | null;
let checkLoaded: Check | null = null;
let checkLoading: Promise<Check> | null = null;

/**
 * The protocol's zod union, loaded on first use rather than with the entry script (zod is most of
 * its weight): every message is still validated before it is handed on, and in arrival order.
 */
function loadCheck(): Promise<Check> {
  checkLoading ??= import("../../src/schema/live").then(({ ServerMessage }) => {
    checkLoaded = (data) => {
      const parsed = ServerMessage.safeParse(data);
      return parsed.success ? parsed.data : null;
    };
    return checkLoaded;
  });
  return checkLoading;
}

/** The wait before reconnect attempt n (0-based): full jitter under an exponentially growing ceiling. */
export function retryDelay(attempt: number, timing: SocketTiming = TIMING, random: () => number = Math.random): number {
  return random() * Math.min(timing.maxDelayMs, timing.firstDelayMs * 2 ** attempt);
}

/**
 * One WebSocket that keeps itself open: reconnects with growing, jittered delays (so a
 * restarted server is not hit by every console at once), gives up on a connect that hangs,
 * pings to notice dead links, and reports connecting / live / reconnecting / offline.
 */
export class LiveSocket {
  readonly status = signal<LiveStatus>("connecting");
  private ws: WebSocket | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private connectTimer: ReturnType<typeof setTimeout> | undefined;
  private uptimeTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private lastHeard = 0;
  private stopped = false;
  /** Raw messages waiting for the validator to load, kept in arrival order. */
  private inbox: unknown[] = [];

  constructor(
    private readonly path: string,
    private readonly onMessage: (m: ServerMessage) => void,
    private readonly onOpen: () => void = () => {},
    private readonly timing: SocketTiming = TIMING,
    private readonly random: () => number = Math.random,
  ) {}

  open() {
    void loadCheck().catch(() => {});
    addEventListener("online", this.wake);
    addEventListener("offline", this.wentOffline);
    this.connect();
  }

  close() {
    this.stopped = true;
    removeEventListener("online", this.wake);
    removeEventListener("offline", this.wentOffline);
    clearTimeout(this.retryTimer);
    this.clearLinkTimers();
    this.ws?.close(1000, "done");
  }

  /** Sends when open; a message that cannot go now is dropped (receipts are re-sent on reconnect). */
  send(text: string) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(text);
  }

  private wake = () => {
    if (this.stopped || this.ws) return;
    clearTimeout(this.retryTimer);
    this.attempt = 0;
    this.connect();
  };

  private wentOffline = () => {
    this.status.value = "offline";
    this.ws?.close();
  };

  private clearLinkTimers() {
    clearTimeout(this.connectTimer);
    clearTimeout(this.uptimeTimer);
    clearInterval(this.pingTimer);
  }

  private connect() {
    if (this.stopped) return;
    if (!navigator.onLine) {
      this.status.value = "offline";
      return;
    }
    this.status.value = this.attempt === 0 ? "connecting" : "reconnecting";
    const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${this.path}`;
    const ws = new WebSocket(url);
    this.ws = ws;
    this.connectTimer = setTimeout(() => ws.close(4001, "connect timeout"), this.timing.connectTimeoutMs);
    ws.onopen = () => {
      clearTimeout(this.connectTimer);
      this.lastHeard = Date.now();
      this.status.value = "live";
      this.uptimeTimer = setTimeout(() => (this.attempt = 0), this.timing.minUptimeMs);
      this.pingTimer = setInterval(() => {
        if (Date.now() - this.lastHeard > this.timing.silentLimitMs) ws.close(4000, "silent");
        else ws.send(PING);
      }, this.timing.pingEveryMs);
      this.onOpen();
    };
    ws.onmessage = (e) => {
      this.lastHeard = Date.now();
      let data: unknown;
      try {
        data = JSON.parse(String(e.data));
      } catch {
        return;
      }
      this.inbox.push(data);
      this.deliver();
    };
    ws.onclose = () => {
      this.clearLinkTimers();
      // A close event from a socket already replaced must not touch the new one.
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.stopped) return;
      if (!navigator.onLine) {
        this.status.value = "offline";
        return;
      }
      this.status.value = "reconnecting";
      this.retryTimer = setTimeout(() => this.connect(), retryDelay(this.attempt++, this.timing, this.random));
    };
  }

  /** Hands on validated messages in order; until the validator has loaded they wait in the inbox. */
  private deliver() {
    if (!checkLoaded) {
      void loadCheck().then(() => this.deliver(), () => {});
      return;
    }
    const batch = this.inbox;
    this.inbox = [];
    for (const data of batch) {
      const message = checkLoaded(data);
      if (message && !this.stopped) this.onMessage(message);
    }
  }
}

import { signal } from "@preact/signals";
import { PING, ServerMessage } from "../../src/schema/live";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "offline";

const PING_EVERY_MS = 20_000;
const SILENT_LIMIT_MS = 45_000;
const MAX_DELAY_MS = 15_000;

/**
 * One WebSocket that keeps itself open: reconnects with growing, jittered delays (so a
 * restarted server is not hit by every console at once), pings to notice dead links, and
 * reports connecting / live / reconnecting / offline.
 */
export class LiveSocket {
  readonly status = signal<LiveStatus>("connecting");
  private ws: WebSocket | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private lastHeard = 0;
  private stopped = false;

  constructor(
    private readonly path: string,
    private readonly onMessage: (m: ServerMessage) => void,
    private readonly onOpen: () => void = () => {},
  ) {}

  open() {
    addEventListener("online", this.wake);
    addEventListener("offline", this.wentOffline);
    this.connect();
  }

  close() {
    this.stopped = true;
    removeEventListener("online", this.wake);
    removeEventListener("offline", this.wentOffline);
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
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
    ws.onopen = () => {
      this.attempt = 0;
      this.lastHeard = Date.now();
      this.status.value = "live";
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => {
        if (Date.now() - this.lastHeard > SILENT_LIMIT_MS) ws.close(4000, "silent");
        else ws.send(PING);
      }, PING_EVERY_MS);
      this.onOpen();
    };
    ws.onmessage = (e) => {
      this.lastHeard = Date.now();
      const parsed = ServerMessage.safeParse(JSON.parse(String(e.data)));
      if (parsed.success) this.onMessage(parsed.data);
    };
    ws.onclose = () => {
      clearInterval(this.pingTimer);
      this.ws = null;
      if (this.stopped) return;
      if (!navigator.onLine) {
        this.status.value = "offline";
        return;
      }
      this.status.value = "reconnecting";
      // Full jitter: a random wait up to an exponentially growing ceiling.
      const ceiling = Math.min(MAX_DELAY_MS, 500 * 2 ** this.attempt++);
      this.retryTimer = setTimeout(() => this.connect(), Math.random() * ceiling);
    };
  }
}

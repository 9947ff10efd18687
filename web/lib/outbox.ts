import { computed, signal } from "@preact/signals";
import { transmit } from "./http";
import { createOutbox, type OutboxEntry, type Resolution, type Write } from "./outbox-queue";

export type { OutboxEntry, Resolution, Write };

/*
 * The console's outbox: kept in IndexedDB (it survives a reload and a browser restart), shared by
 * every tab of this browser, drained by one tab at a time under a Web Lock, and told to every tab
 * over a BroadcastChannel so each shows the same list.
 */

const LOCK = "keizoku-outbox";
const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel("keizoku-outbox");

/** Every write this device keeps, in the order it was made. */
export const entries = signal<OutboxEntry[]>([]);
/** Writes waiting to be sent. */
export const queued = computed(() => entries.value.filter((e) => e.state === "waiting"));
/** Writes someone else's change overtook: the person keeps theirs, keeps mine, or edits. */
export const conflicts = computed(() => entries.value.filter((e) => e.state === "conflict"));
/** Writes the server refused when they were finally sent, with its reason. */
export const refused = computed(() => entries.value.filter((e) => e.state === "refused"));

async function refresh() {
  entries.value = await outbox.list();
}

const outbox = createOutbox({
  send: (w) => transmit<{ data: unknown }>(w.method, w.path, w.body, w.key),
  // Without Web Locks (very old browsers) this tab drains alone; the store still holds one copy of each write.
  exclusive: (fn) => (navigator.locks ? navigator.locks.request(LOCK, fn) : fn()),
  changed: () => {
    void refresh();
    channel?.postMessage("changed");
  },
});

channel?.addEventListener("message", () => void refresh());

/** Keeps a write made without a connection; resolves once it is stored on this device. */
export function enqueue(w: Write): Promise<void> {
  return outbox.enqueue(w);
}

let draining: Promise<number> | null = null;

/**
 * Sends what is waiting, in the order it was made, each with its original Idempotency-Key (one
 * that reached the server before the link dropped is answered, not repeated).
 */
export function flush(): Promise<number> {
  if (!navigator.onLine) return Promise.resolve(0);
  // Cleared in a later microtask, never synchronously inside drain, so a finished run cannot stick.
  draining ??= outbox.drain().finally(() => (draining = null));
  return draining;
}

export async function resolveConflict(key: string, how: Resolution) {
  await outbox.resolve(key, how);
  await flush();
}

export function dismissRefused(key: string) {
  return outbox.dismiss(key);
}

export function forgetOutbox() {
  return outbox.forget();
}

void refresh().then(() => void (queued.value.length > 0 && flush()));
// Ask the browser to keep this origin's storage under pressure: the outbox may hold the only copy.
void navigator.storage?.persist?.().catch(() => {});
addEventListener("online", () => void flush());
setInterval(() => queued.value.length > 0 && void flush(), 15_000);

import { signal } from "@preact/signals";
import { ApiFailure, type Committed, transmit } from "./http";

/** A write made while offline, kept on this device until the server has it. */
export type QueuedWrite = {
  key: string;
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  body?: unknown;
  queuedAt: string;
};
export type RefusedWrite = QueuedWrite & { status: number; message: string };

const STORE = "keizoku.outbox";
const REFUSED = "keizoku.outbox.refused";

function read<T>(name: string): T[] {
  try {
    return JSON.parse(localStorage.getItem(name) ?? "[]") as T[];
  } catch {
    return [];
  }
}

/** Writes waiting to be sent, oldest first; survives a reload or a closed tab. */
export const queued = signal<QueuedWrite[]>(read(STORE));
/** Writes the server refused when they were finally sent (e.g. someone changed the item first). */
export const refused = signal<RefusedWrite[]>(read(REFUSED));

function save() {
  localStorage.setItem(STORE, JSON.stringify(queued.value));
  localStorage.setItem(REFUSED, JSON.stringify(refused.value));
}

export function enqueue(w: Omit<QueuedWrite, "queuedAt">) {
  if (queued.value.some((q) => q.key === w.key)) return;
  queued.value = [...queued.value, { ...w, queuedAt: new Date().toISOString() }];
  save();
}

export function dismissRefused(key: string) {
  refused.value = refused.value.filter((r) => r.key !== key);
  save();
}

let flushing: Promise<void> | null = null;

/**
 * Sends queued writes in the order they were made, each with its original Idempotency-Key, so
 * one that reached the server before the link dropped is answered, not repeated.
 */
export function flush(): Promise<void> {
  // Cleared in a later microtask, never synchronously inside drain, so a finished run cannot stick.
  flushing ??= drain().finally(() => (flushing = null));
  return flushing;
}

async function drain() {
  while (queued.value.length > 0 && navigator.onLine) {
    const next = queued.value[0]!;
    try {
      await transmit<Committed<unknown>>(next.method, next.path, next.body, next.key);
    } catch (err) {
      if (err instanceof ApiFailure && (err.offline || err.status >= 500 || err.status === 401)) return;
      const status = err instanceof ApiFailure ? err.status : 0;
      refused.value = [...refused.value, { ...next, status, message: err instanceof Error ? err.message : String(err) }];
    }
    queued.value = queued.value.slice(1);
    save();
  }
}

export function forgetOutbox() {
  queued.value = [];
  refused.value = [];
  save();
}

addEventListener("online", () => void flush());
setInterval(() => queued.value.length > 0 && void flush(), 15_000);

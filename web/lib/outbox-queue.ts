import { type DBSchema, type IDBPDatabase, openDB } from "idb";

/*
 * The outbox's rules, apart from the browser around them (web/lib/outbox.ts wires them to
 * IndexedDB, the Web Locks API and the typed client): writes made while the server cannot be
 * reached wait here, in the order they were made, each with the Idempotency-Key it was first sent
 * with, until the server has answered them.
 */

export type WriteMethod = "POST" | "PUT" | "PATCH" | "DELETE";

/** A write as the console made it. */
export type Write = { key: string; method: WriteMethod; path: string; body?: unknown };

/**
 * A write kept on this device. `waiting` until the server has it; `conflict` when someone changed
 * the item after this device last saw it (the person chooses); `refused` when the server said no
 * for another reason (kept, with the reason, until the person has seen it).
 */
export type OutboxEntry = Write & {
  /** Order of making, across every tab of this browser. */
  n: number;
  queuedAt: string;
  state: "waiting" | "conflict" | "refused";
  status?: number;
  code?: string;
  message?: string;
  /** On a conflict: the item as the server has it now. */
  current?: unknown;
};

/** How a send failed, in the terms of the server's one error shape (status 0: no answer at all). */
export type SendFailure = { status: number; code: string; message: string; current?: unknown };

export type OutboxDeps = {
  /** One attempt at the write with its own Idempotency-Key; resolves with the server's `data`, or throws a SendFailure. */
  send: (w: Write) => Promise<{ data: unknown }>;
  /** Runs fn while holding the one outbox lock shared by every tab of this browser. */
  exclusive: <T>(fn: () => Promise<T>) => Promise<T>;
  /** Tells every tab (this one included) that the stored entries changed. */
  changed: () => void;
  newKey?: () => string;
  now?: () => Date;
  dbName?: string;
};

/** How the person settles a conflict. */
export type Resolution = { keep: "theirs" } | { keep: "mine" } | { keep: "edited"; body: Record<string, unknown> };

interface OutboxDb extends DBSchema {
  writes: { key: number; value: OutboxEntry; indexes: { byKey: string } };
}

/** No answer, a server fault, a lapsed session or a throttle: the write is sent again later, unchanged. */
function retryLater(f: SendFailure) {
  return f.status === 0 || f.status >= 500 || f.status === 401 || f.status === 429;
}

function failureOf(err: unknown): SendFailure {
  if (err && typeof err === "object" && "status" in err && typeof (err as SendFailure).status === "number") {
    const e = err as SendFailure;
    return { status: e.status, code: e.code ?? "http_error", message: e.message ?? "", current: e.current };
  }
  return { status: 0, code: "offline", message: err instanceof Error ? err.message : String(err) };
}

const versionOf = (x: unknown): number | undefined =>
  x && typeof x === "object" && typeof (x as { version?: unknown }).version === "number" ? (x as { version: number }).version : undefined;

export function createOutbox(deps: OutboxDeps) {
  const newKey = deps.newKey ?? (() => crypto.randomUUID());
  const now = deps.now ?? (() => new Date());
  let db: Promise<IDBPDatabase<OutboxDb>> | null = null;
  const open = () =>
    (db ??= openDB<OutboxDb>(deps.dbName ?? "keizoku-outbox", 1, {
      upgrade(d) {
        d.createObjectStore("writes", { keyPath: "n", autoIncrement: true }).createIndex("byKey", "key", { unique: true });
      },
    }));

  /** Every kept write, in the order it was made. */
  async function list(): Promise<OutboxEntry[]> {
    return (await open()).getAll("writes");
  }

  /** Keeps a write on this device; a key already kept is not added twice. Resolves once it is stored. */
  async function enqueue(w: Write): Promise<void> {
    const d = await open();
    const tx = d.transaction("writes", "readwrite");
    if ((await tx.store.index("byKey").getKey(w.key)) === undefined) {
      await tx.store.add({ ...w, queuedAt: now().toISOString(), state: "waiting" } as OutboxEntry);
    }
    await tx.done;
    deps.changed();
  }

  async function update(entry: OutboxEntry) {
    await (await open()).put("writes", entry);
    deps.changed();
  }

  async function remove(n: number) {
    await (await open()).delete("writes", n);
    deps.changed();
  }

  /**
   * Later writes this device made to the same item were based on the version it had before; once
   * the earlier one is in, they follow on from the version it produced (the person's own edits,
   * made in sequence, are not a conflict with each other).
   */
  async function followOn(sent: OutboxEntry, answer: unknown) {
    const from = versionOf(sent.body);
    const to = versionOf(answer);
    if (from === undefined || to === undefined) return;
    for (const later of await list()) {
      if (later.n > sent.n && later.state === "waiting" && later.path === sent.path && versionOf(later.body) === from) {
        await update({ ...later, body: { ...(later.body as object), version: to } });
      }
    }
  }

  /**
   * Sends what is waiting, oldest first, while holding the lock every tab shares: of all the tabs
   * open, one at a time sends, and a write leaves the store only once the server has answered it,
   * so each is sent by one tab and, after a crash, sent again with the same key (which the server
   * answers without writing twice). A write behind an unsettled conflict on the same item waits
   * for the person; others go on. Resolves with the number the server took.
   */
  function drain(): Promise<number> {
    return deps.exclusive(async () => {
      let taken = 0;
      const tried = new Set<number>();
      for (;;) {
        const entries = await list();
        const blocked = new Set(entries.filter((e) => e.state === "conflict").map((e) => e.path));
        const next = entries.find((e) => e.state === "waiting" && !blocked.has(e.path) && !tried.has(e.n));
        if (!next) return taken;
        tried.add(next.n);
        try {
          const { data } = await deps.send(next);
          await remove(next.n);
          await followOn(next, data);
          taken++;
        } catch (err) {
          const f = failureOf(err);
          if (retryLater(f)) return taken;
          const conflict = f.status === 409 && f.code === "stale_version";
          await update({ ...next, state: conflict ? "conflict" : "refused", status: f.status, code: f.code, message: f.message, current: f.current });
        }
      }
    });
  }

  /** Settles a conflict: drop this device's write, send it again over theirs, or send an edited one. */
  async function resolve(key: string, how: Resolution): Promise<void> {
    const entry = (await list()).find((e) => e.key === key && e.state === "conflict");
    if (!entry) return;
    if (how.keep === "theirs") return remove(entry.n);
    const base = versionOf(entry.current);
    const body = { ...(how.keep === "edited" ? how.body : (entry.body as object)), ...(base === undefined ? {} : { version: base }) };
    // A new decision is a new request: the old key belongs to the write the server refused.
    const { status: _s, code: _c, message: _m, current: _cur, ...rest } = entry;
    await update({ ...rest, key: newKey(), body, state: "waiting" });
  }

  /** The person has seen why the server refused a write. */
  async function dismiss(key: string): Promise<void> {
    const entry = (await list()).find((e) => e.key === key && e.state === "refused");
    if (entry) await remove(entry.n);
  }

  /** Signing out forgets what this device kept for the person. */
  async function forget(): Promise<void> {
    await (await open()).clear("writes");
    deps.changed();
  }

  return { list, enqueue, drain, resolve, dismiss, forget };
}

export type Outbox = ReturnType<typeof createOutbox>;

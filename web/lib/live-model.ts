import { batch, computed, type ReadonlySignal, type Signal, signal } from "@preact/signals";
import type { Change, ChangeOf, EntityType } from "../../src/schema/changes";

/*
 * The one live model every area's store is built from: load a snapshot, then apply the
 * stream's changes of the entity types the area declares, in sequence order, as upserts and
 * removals by id. An area says what it holds and which change goes where; it writes no merge.
 */

/** What the model follows: a stream's changes in seq order (a StreamFeed). Only this much, so the
 * model's type reaches no further into the console (the worker's tests type-check it too). */
export type ChangeSource = { subscribe: (fn: (c: Change) => void) => () => void };

type Versioned = { version?: number };
const byVersion = (next: Versioned, held: Versioned) => (next.version ?? 0) >= (held.version ?? 0);

/** Rows of one kind by id, one signal per row, so a change redraws only the row it touches. */
export class LiveCollection<T> {
  readonly byId = signal(new Map<string, Signal<T>>());
  /** Every row, in the order they first arrived. */
  readonly all: ReadonlySignal<T[]> = computed(() => [...this.byId.value.values()].map((s) => s.value));

  constructor(
    readonly keyOf: (row: T) => string,
    /** Whether an arriving copy replaces the held one: by default the newer (or same) version wins, so a late broadcast never rolls a row back. */
    private readonly replaces: (next: T, held: T) => boolean = byVersion as (next: T, held: T) => boolean,
    /** Which rows belong here: a stream carries rows of its neighbours too (every drill of an incident), which pass by. */
    private readonly holds: (row: T) => boolean = () => true,
  ) {}

  get(id: string | null | undefined): T | undefined {
    return id ? this.byId.value.get(id)?.value : undefined;
  }

  upsert(row: T) {
    if (!this.holds(row)) return;
    const id = this.keyOf(row);
    const held = this.byId.peek().get(id);
    if (held) {
      if (this.replaces(row, held.peek())) held.value = row;
      return;
    }
    const next = new Map(this.byId.peek());
    next.set(id, signal(row));
    this.byId.value = next;
  }

  remove(id: string) {
    if (!this.byId.peek().has(id)) return;
    const next = new Map(this.byId.peek());
    next.delete(id);
    this.byId.value = next;
  }

  /** Takes a full snapshot: rows it has are upserted, rows it lacks are gone. */
  replaceAll(rows: readonly T[]) {
    batch(() => {
      const keep = new Set(rows.map((r) => this.keyOf(r)));
      for (const id of this.byId.peek().keys()) if (!keep.has(id)) this.remove(id);
      for (const r of rows) this.upsert(r);
    });
  }
}

/** The row a change of this entity type carries as its `after`. */
export type RowOf<K extends EntityType> = NonNullable<ChangeOf<K>["after"]>;

/** What a change of one entity type does to the model; each is handed its own member of the Change union. */
export type ChangeRule<K extends EntityType> =
  /** The change's `after` is a row of this collection (removed by entityId when the change deletes it). */
  | { into: { upsert: (row: RowOf<K>) => void; remove: (id: string) => void } }
  /** Something the collections cannot take row by row: read the snapshot again. */
  | "reload"
  /** Anything else, written as a small function (it may return "reload"). */
  | ((change: ChangeOf<K>) => void | "reload");

/** Per entity type the model holds, what its changes do; changes of other types pass it by. */
export type ChangeRules = { [K in EntityType]?: ChangeRule<K> };

export type LiveModelSpec = {
  /** Reads the snapshot into the collections; may answer the stream seq it reflects. */
  load: () => Promise<{ seq?: number } | void>;
  changes: ChangeRules;
};

/** Applies one rule to a change; answers whether the snapshot must be read again. */
function follow(rule: ChangeRule<EntityType>, c: Change): boolean {
  if (rule === "reload") return true;
  if (typeof rule === "function") return rule(c) === "reload";
  if (c.op === "delete" || c.after === null) rule.into.remove(c.entityId);
  else rule.into.upsert(c.after);
  return false;
}

export type LiveModel = {
  readonly loaded: ReadonlySignal<boolean>;
  readonly failed: ReadonlySignal<boolean>;
  /** Why the last snapshot read failed (for explain()), or null. */
  readonly error: ReadonlySignal<unknown>;
  /** The last stream seq reflected (snapshot or change). */
  readonly seq: ReadonlySignal<number>;
  /** Follows a stream: listens first, then reads the snapshot (settled when it is read, or failed). */
  attach: (feed: ChangeSource) => Promise<void>;
  detach: () => void;
  reload: () => Promise<void>;
};

/**
 * Builds the live model. It listens to the feed before it loads, so changes that arrive while the
 * snapshot loads are kept and applied after it (those the snapshot already reflects are skipped by seq).
 */
export function createLiveModel(spec: LiveModelSpec): LiveModel {
  const loaded = signal(false);
  const error = signal<unknown>(null);
  const failed = computed(() => error.value !== null);
  const seq = signal(0);
  let loading: Promise<void> | null = null;
  let again = false;
  let held: Change[] = [];
  let unsubscribe: (() => void) | null = null;

  const apply = (c: Change) => {
    // The spec pairs every rule with its own entity type, so the rule found by a change's type
    // takes that change; the index loses the pairing for the compiler, not at run time.
    const rule = spec.changes[c.entityType] as ChangeRule<EntityType> | undefined;
    // A change the snapshot (or an earlier change) already reflects has nothing to add.
    if (!rule || c.seq <= seq.peek()) return;
    seq.value = c.seq;
    if (follow(rule, c)) void reload();
  };

  const receive = (c: Change) => {
    if (loading) held.push(c);
    else batch(() => apply(c));
  };

  function reload(): Promise<void> {
    if (loading) {
      // A change asked for a fresh snapshot while one was loading: read once more after it.
      again = true;
      return loading;
    }
    loading = (async () => {
      do {
        again = false;
        try {
          const snapshot = await spec.load();
          batch(() => {
            if (snapshot?.seq !== undefined && snapshot.seq > seq.peek()) seq.value = snapshot.seq;
            error.value = null;
            loaded.value = true;
          });
        } catch (e) {
          error.value = e;
        }
      } while (again);
      loading = null;
      const waiting = held;
      held = [];
      batch(() => {
        for (const c of waiting) if (c.seq > seq.peek()) apply(c);
      });
    })();
    return loading;
  }

  return {
    loaded,
    failed,
    error,
    seq,
    reload,
    attach(feed) {
      unsubscribe?.();
      unsubscribe = feed.subscribe(receive);
      return reload();
    },
    detach() {
      unsubscribe?.();
      unsubscribe = null;
    },
  };
}

/**
 * One shared instance per key (an incident id, "standing"), created on first use and disposed when
 * the last user lets go: the tab and the overview card of one incident read the same store.
 */
export function sharedModels<M extends { dispose: () => void }>(create: (key: string) => M) {
  const held = new Map<string, { model: M; refs: number }>();
  return {
    acquire(key: string): M {
      let h = held.get(key);
      if (!h) {
        h = { model: create(key), refs: 0 };
        held.set(key, h);
      }
      h.refs++;
      return h.model;
    },
    release(key: string) {
      const h = held.get(key);
      if (!h || --h.refs > 0) return;
      h.model.dispose();
      held.delete(key);
    },
  };
}

import type { ExtractSchema } from "hono/types";
import type { AppType } from "../../.types/src/index";
import type { ErrorEnvelope } from "../../src/schema/common";

/*
 * The bottom of the console's network stack: one fetch, the error shape, and the request and
 * response types read from the server's own routes (types only: no server code or zod is
 * bundled). api.ts (writes, outbox) and outbox.ts sit above this file and never below it.
 */

export type FieldError = { path: string; message: string };

/** A refused or failed request, in the server's one error shape. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly current?: unknown,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
  get offline() {
    return this.status === 0;
  }
}

async function failureOf(res: Response): Promise<ApiFailure> {
  const body = (await res.json().catch(() => null)) as ErrorEnvelope | null;
  const e = body?.error;
  return new ApiFailure(res.status, e?.code ?? "http_error", e?.message ?? res.statusText, e?.fields ?? [], e?.current, e?.retryAfterSeconds);
}

/** Fired on any 401 so the shell can return to the sign-in screen. */
export const onUnauthenticated = new EventTarget();

export async function send(path: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: "same-origin", ...init });
  } catch {
    throw new ApiFailure(0, "offline", "network unreachable");
  }
  if (res.status === 401) onUnauthenticated.dispatchEvent(new Event("401"));
  if (!res.ok) throw await failureOf(res);
  return res;
}

export type WriteMethod = "POST" | "PUT" | "PATCH" | "DELETE";
export type Committed<T> = { data: T; seq: number };

/** One attempt at a write with a given Idempotency-Key (the outbox replays through this too). */
export async function transmit<T>(method: WriteMethod, path: string, body: unknown, key: string): Promise<T> {
  const res = await send(path, {
    method,
    headers: { "Content-Type": "application/json", "Idempotency-Key": key, Accept: "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as T;
}

// ---- Types of the server's routes ------------------------------------------------------------

/** Every route the worker serves, keyed by path template ("/api/incidents/:id") then "$get" etc. */
type Routes = ExtractSchema<AppType>;
type Key<M extends WriteMethod | "GET"> = `$${Lowercase<M>}`;
type Endpoint<M extends WriteMethod | "GET", P> = P extends keyof Routes ? (Key<M> extends keyof Routes[P] ? Routes[P][Key<M>] : never) : never;

/** Paths that answer the method. */
export type PathOf<M extends WriteMethod | "GET"> = { [P in keyof Routes]: Key<M> extends keyof Routes[P] ? P : never }[keyof Routes] & string;

/** What a successful call answers (the 2xx body the route declares). */
export type Answer<M extends WriteMethod | "GET", P> =
  Endpoint<M, P> extends infer E ? (E extends { status: 200 | 201; output: infer O } ? O : never) : never;

type InputOf<M extends WriteMethod | "GET", P> = Endpoint<M, P> extends { input: infer I } ? I : never;
type Optional<T> = {} extends T ? { [K in keyof T]?: T[K] } : T;
/** Path and query parameters (a query whose fields all have defaults may be left out). */
export type Params<M extends WriteMethod | "GET", P> = (InputOf<M, P> extends { param: infer A } ? { param: A } : {}) &
  (InputOf<M, P> extends { query: infer Q } ? ({} extends Q ? { query?: Optional<Q> } : { query: Q }) : {});
/** The JSON body the route validates. */
export type BodyOf<M extends WriteMethod, P> = InputOf<M, P> extends { json: infer J } ? J : undefined;

type Loose = { param?: Record<string, string>; query?: Record<string, unknown> };

/** Fills ":name" segments and appends the query, leaving undefined query values out. */
export function urlOf(path: string, params: Loose = {}): string {
  const filled = path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params.param?.[name] ?? ""));
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params.query ?? {})) if (v !== undefined && v !== null) query.set(k, String(v));
  const q = query.toString();
  return q ? `${filled}?${q}` : filled;
}

export type ArgsOf<M extends WriteMethod | "GET", P> = {} extends Params<M, P> ? [params?: Params<M, P>] : [params: Params<M, P>];

/** A read, typed by the route: `getJson("/api/incidents/:id", { param: { id } })`. */
export async function getJson<P extends PathOf<"GET">>(path: P, ...[params]: ArgsOf<"GET", P>): Promise<Answer<"GET", P>> {
  const res = await send(urlOf(path, params as Loose), { headers: { Accept: "application/json" } });
  return (await res.json()) as Answer<"GET", P>;
}

/** Lists the server answers a page at a time (`items` and the `next` cursor). */
export type PagedPath = { [P in PathOf<"GET">]: Answer<"GET", P> extends { items: unknown[]; next: string | null } ? P : never }[PathOf<"GET">];

type AnyPage = { items: unknown[]; next: string | null };

/** A page of any paged list: the first (`after` null) or the one after a `next`. */
async function pageAt(path: string, params: Loose | undefined, after: string | null): Promise<AnyPage> {
  const query = { ...params?.query, after: after ?? undefined };
  const res = await send(urlOf(path, { ...params, query }), { headers: { Accept: "application/json" } });
  return (await res.json()) as AnyPage;
}

/** One page of a paged list: the first, or the one after `after` (the `next` of the page before). */
export async function getPage<P extends PagedPath>(path: P, after: string | null, ...[params]: ArgsOf<"GET", P>): Promise<Answer<"GET", P>> {
  return (await pageAt(path, params as Loose, after)) as Answer<"GET", P>;
}

/**
 * Every page of a paged list, following `next` to the end: for a screen that acts on the whole
 * list (a log the live model keeps, a picker), which must never hold a cut list.
 */
export async function getAllPages<P extends PagedPath>(path: P, ...[params]: ArgsOf<"GET", P>): Promise<Answer<"GET", P>> {
  const first = await pageAt(path, params as Loose, null);
  const items = [...first.items];
  for (let next = first.next; next; ) {
    const page = await pageAt(path, params as Loose, next);
    items.push(...page.items);
    next = page.next;
  }
  return { ...first, items, next: null } as Answer<"GET", P>;
}

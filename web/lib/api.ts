import { enqueue } from "./outbox";
import { type Answer, ApiFailure, type BodyOf, type Params, type PathOf, send, transmit, urlOf, type WriteMethod } from "./http";

export { ApiFailure, type Committed, type FieldError, getAllPages, getJson, getPage, onUnauthenticated } from "./http";

type WriteArgs<M extends WriteMethod, P> = (undefined extends BodyOf<M, P> ? { body?: BodyOf<M, P> } : { body: BodyOf<M, P> }) &
  ({} extends Params<M, P> ? Partial<Params<M, P>> : Params<M, P>) & { key?: string };

/**
 * The one door for every write from the console, typed by the route it calls. Each call gets its
 * own Idempotency-Key; a network failure is retried with the same key, so a write the server
 * already committed is never made twice. Still offline after that, the write waits in the outbox
 * and the caller is told so (ApiFailure code "queued"): it is not acknowledged until the server has it.
 */
export async function mutate<M extends WriteMethod, P extends PathOf<M>>(method: M, path: P, args: WriteArgs<M, P>): Promise<Answer<M, P>> {
  const { body, key = crypto.randomUUID(), ...params } = args as { body?: unknown; key?: string; param?: Record<string, string> };
  const url = urlOf(path, params);
  for (let attempt = 0; ; attempt++) {
    try {
      return await transmit<Answer<M, P>>(method, url, body, key);
    } catch (e) {
      if (!(e instanceof ApiFailure) || !e.offline) throw e;
      if (attempt >= 2 || !navigator.onLine) {
        await enqueue({ key, method, path: url, body });
        throw new ApiFailure(0, "queued", "offline: queued for sending");
      }
      await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
    }
  }
}

/**
 * A write that carries a password: sent now or refused as offline, never kept in the outbox
 * (which lives in the device's storage).
 */
export async function mutateOnline<M extends WriteMethod, P extends PathOf<M>>(method: M, path: P, args: WriteArgs<M, P>): Promise<Answer<M, P>> {
  const { body, key = crypto.randomUUID(), ...params } = args as { body?: unknown; key?: string; param?: Record<string, string> };
  return transmit<Answer<M, P>>(method, urlOf(path, params), body, key);
}

/** Plain session calls: not entity writes, so no Idempotency-Key. */
export async function sessionCall<M extends "POST" | "DELETE">(method: M, body?: BodyOf<M, "/api/session">): Promise<Answer<M, "/api/session">> {
  const res = await send("/api/session", {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as Answer<M, "/api/session">;
}

import type { ErrorEnvelope } from "../../src/schema/common";
import { enqueue } from "./outbox";

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

async function send(path: string, init: RequestInit): Promise<Response> {
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

export async function getJson<T>(path: string): Promise<T> {
  return (await send(path, { headers: { Accept: "application/json" } })).json() as Promise<T>;
}

export type Committed<T> = { data: T; seq: number };

/** One attempt at a write with a given Idempotency-Key (the outbox replays through this too). */
export async function transmit<T>(
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body: unknown,
  key: string,
): Promise<T> {
  const res = await send(path, {
    method,
    headers: { "Content-Type": "application/json", "Idempotency-Key": key, Accept: "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as T;
}

/**
 * The one door for every write from the console. Each call gets its own Idempotency-Key; a
 * network failure is retried with the same key, so a write the server already committed is never
 * made twice. Still offline after that, the write waits in the outbox and the caller is told so
 * (ApiFailure code "queued"): it is not acknowledged until the server has it.
 */
export async function mutate<T>(
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
  key: string = crypto.randomUUID(),
): Promise<Committed<T>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await transmit<Committed<T>>(method, path, body, key);
    } catch (e) {
      if (!(e instanceof ApiFailure) || !e.offline) throw e;
      if (attempt >= 2 || !navigator.onLine) {
        await enqueue({ key, method, path, body });
        throw new ApiFailure(0, "queued", "offline: queued for sending");
      }
      await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
    }
  }
}

/** Plain session calls: not entity writes, so no Idempotency-Key. */
export async function sessionCall<T>(method: "POST" | "DELETE", body?: unknown): Promise<T> {
  const res = await send("/api/session", {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json() as Promise<T>;
}

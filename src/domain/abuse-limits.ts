import { HAZARD_MAX_BYTES } from "./relocation-hazard";

/**
 * Abuse limits: how large a request body each route accepts, and how many entity writes one person
 * may make in a window. Pure rules; the middleware in src/lib/request-limits.ts applies them.
 */

const KiB = 1024;
const MiB = 1024 * KiB;

/** Every body the console sends for an ordinary write (a note, a tag, a transition) fits in this. */
export const DEFAULT_BODY_BYTES = 64 * KiB;

/** Imports carry whole files; only they get more room. */
export const IMPORT_BODY_LIMITS: readonly { method: string; path: RegExp; bytes: number; what: string }[] = [
  // A GeoJSON inundation layer (国土数値情報 A40) clipped to the city.
  { method: "POST", path: /^\/api\/hazard-layers$/, bytes: HAZARD_MAX_BYTES, what: "a hazard layer" },
  // A scenario's casualty cards, as CSV text or as JSON cards.
  { method: "POST", path: /^\/api\/scenarios(\/import)?$/, bytes: 2 * MiB, what: "a scenario" },
  // A BCP checklist template with all its sections and items.
  { method: "POST", path: /^\/api\/checklists\/templates$/, bytes: 512 * KiB, what: "a checklist template" },
  { method: "PUT", path: /^\/api\/checklists\/templates\/[^/]+$/, bytes: 512 * KiB, what: "a checklist template" },
];

/** The largest body this route accepts, in bytes. */
export function bodyLimitFor(method: string, path: string): number {
  return IMPORT_BODY_LIMITS.find((l) => l.method === method && l.path.test(path))?.bytes ?? DEFAULT_BODY_BYTES;
}

/** "5 MB", "64 KB": a limit as people read it. */
export function readableBytes(bytes: number): string {
  return bytes >= MiB ? `${bytes / MiB} MB` : `${bytes / KiB} KB`;
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Every unsafe request but signing in and out changes an entity, and counts against the write rate limit. */
export const isEntityWrite = (method: string, path: string) => UNSAFE.has(method.toUpperCase()) && path !== "/api/session";

/** Writes allowed per person per window; `limit` 0 means writes are not rate-limited. */
export type WriteRateLimit = { limit: number; windowMs: number };

export const DEFAULT_WRITE_RATE: WriteRateLimit = { limit: 600, windowMs: 60_000 };

/** The limit from the worker's vars: WRITE_RATE_LIMIT "0" turns it off; unset or malformed falls back to the default. */
export function writeRateLimit(vars: { WRITE_RATE_LIMIT?: string; WRITE_RATE_WINDOW_SECONDS?: string }): WriteRateLimit {
  const whole = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : null);
  const limit = whole(vars.WRITE_RATE_LIMIT) ?? DEFAULT_WRITE_RATE.limit;
  const seconds = whole(vars.WRITE_RATE_WINDOW_SECONDS);
  return { limit, windowMs: seconds && seconds > 0 ? seconds * 1000 : DEFAULT_WRITE_RATE.windowMs };
}

/** One person's writes in the current window. */
export type WriteWindow = { start: number; count: number };

/** What a charge answers: how many writes it granted, else the seconds until the window ends; and when the window ends. */
export type Charged = { window: WriteWindow; granted: number; retryAfterSeconds: number; windowEndsAt: number };

/**
 * Charges up to `wanted` writes, granting as many as the window still holds. A window older than
 * `windowMs` restarts at this charge. With nothing left the charge is refused (granted 0) and
 * `retryAfterSeconds` says when the window ends; a refused charge is not counted.
 */
export function chargeWrite(window: WriteWindow | undefined, now: number, rate: WriteRateLimit, wanted = 1): Charged {
  const current = window && now - window.start < rate.windowMs ? window : { start: now, count: 0 };
  const windowEndsAt = current.start + rate.windowMs;
  if (rate.limit > 0 && current.count >= rate.limit) {
    return { window: current, granted: 0, retryAfterSeconds: Math.max(1, Math.ceil((windowEndsAt - now) / 1000)), windowEndsAt };
  }
  const granted = rate.limit > 0 ? Math.min(wanted, rate.limit - current.count) : wanted;
  return { window: { start: current.start, count: current.count + granted }, granted, retryAfterSeconds: 0, windowEndsAt };
}

/**
 * Writes an isolate asks a person's meter for at once (a lease), spent here before asking again:
 * a fiftieth of the limit, so a busy writer asks once per dozen writes at the default, and a
 * person served by several isolates can be refused at most that many writes early per isolate.
 */
export const leaseSize = (rate: WriteRateLimit) => Math.max(1, Math.floor(rate.limit / 50));

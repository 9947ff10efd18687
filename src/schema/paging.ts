import { z } from "zod";

/**
 * One way to page a list: the server answers at most `limit` items (a default when the client
 * names none, and a maximum it refuses to exceed with 400) and a `next` cursor for the items that
 * follow, null when there are none. The cursor is opaque to clients: it carries the sort key of
 * the last item answered, so the next page starts right after it (keyset, not OFFSET: an item
 * added meanwhile neither repeats nor hides another).
 */

/** A cursor as the server writes it: base64url of the last item's sort key (`keys` values). */
const cursor = (keys: number) =>
  z
    .string()
    .max(400)
    .refine((s) => decodeCursor(s)?.length === keys, { message: "not a cursor this list gave out; ask again without `after`" })
    .describe("The `next` of the page before");

/** A list's page sizes: `default` when the client names none, `max` the most it may ask for; `keys` the columns of its sort key. */
export type PageCaps = { default: number; max: number; keys: number };

/** The query of a paged list, with that list's caps. */
export const pageQuery = (caps: PageCaps) =>
  z.object({
    limit: z.coerce.number().int().min(1).max(caps.max).default(caps.default).describe(`Items per page (default ${caps.default}, at most ${caps.max})`),
    after: cursor(caps.keys).optional(),
  });
export type PageQuery = { limit: number; after?: string };

/** A page of a list; `next` is the `after` that asks for the rest. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    next: z.string().nullable(),
  });

/** A sort key: the values of a row's ordering columns. */
export type SortKey = (string | number | null)[];

const scalar = (v: unknown) => v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v));

export function encodeCursor(key: SortKey): string {
  const bytes = new TextEncoder().encode(JSON.stringify(key));
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeCursor(cursor: string): SortKey | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const raw = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    const key: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(Uint8Array.from(raw, (ch) => ch.charCodeAt(0))));
    return Array.isArray(key) && key.length > 0 && key.length <= 6 && key.every(scalar) ? (key as SortKey) : null;
  } catch {
    return null;
  }
}

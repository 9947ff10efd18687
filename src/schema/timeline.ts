import { z } from "zod";
import { Instant } from "./common";
import { type Change, ChangeEnvelope } from "./changes";

/** Timeline search over an incident's change log: every filter is applied by the server. */
export const TimelineQuery = z.object({
  /** The unit that made the change, or whose entity changed. */
  unitId: z.string().max(64).optional(),
  entityType: z.string().max(64).regex(/^[a-z_]+$/, "lower-case letters and _").optional(),
  /** The person who made the change (user id). */
  actorId: z.string().max(64).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  /** Words that must all appear in the change (its before and after, or the actor's name). */
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const TimelineDiff = z.object({ field: z.string(), before: z.string(), after: z.string() });
export type TimelineDiff = z.infer<typeof TimelineDiff>;

/** A change found by the search, with its Japanese line for the CSV and record (the console words its own). */
export type TimelineEntry = Change & {
  /** The changed thing's own name (title, text or name), "" when it has none. */
  subject: string;
  /** Each changed field, before → after, ids replaced by the names they stand for. */
  diffs: TimelineDiff[];
};
/** Typed as the change union, as the log's pages are (changes.ts, ChangeOnWire): only the write path put them there. */
export const TimelineEntry = ChangeEnvelope.extend({
  subject: z.string(),
  diffs: z.array(TimelineDiff),
}) as unknown as z.ZodType<TimelineEntry>;

export const TimelinePage = z.object({
  items: z.array(TimelineEntry),
  /** Matches in all, for "1–50 of 312". */
  total: z.number().int(),
  /** The entity types and actors present in this incident's log, for the filter controls. */
  facets: z.object({
    entityTypes: z.array(z.string()),
    actors: z.array(z.object({ id: z.string(), name: z.string(), unitId: z.string() })),
  }),
});
export type TimelinePage = z.infer<typeof TimelinePage>;

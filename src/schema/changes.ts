import { z } from "zod";

export const Actor = z.object({ id: z.string(), name: z.string(), unitId: z.string() });

export const Change = z.object({
  stream: z.string(),
  seq: z.number().int().min(1),
  at: z.string(),
  actor: Actor,
  entityType: z.string(),
  entityId: z.string(),
  op: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  mutationId: z.string(),
});
export type Change = z.infer<typeof Change>;

export const ChangesQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});

export const ChangePage = z.object({
  items: z.array(Change),
  latestSeq: z.number().int(),
  /** The `after` to ask for next, or null when the page reached the latest change. */
  nextAfter: z.number().int().nullable(),
});
export type ChangePage = z.infer<typeof ChangePage>;

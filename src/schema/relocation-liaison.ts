import { z } from "zod";
import { Id, Version } from "./common";
import { pageOf, pageQuery } from "./paging";

/** The liaison log (連絡・報告) between units during an incident. */

export const LiaisonKind = z.enum(["report", "order", "request"]);
export type LiaisonKind = z.infer<typeof LiaisonKind>;
export const LiaisonPriority = z.enum(["urgent", "high", "normal"]);
export type LiaisonPriority = z.infer<typeof LiaisonPriority>;

export const LiaisonMessage = z.object({
  id: z.string(),
  incidentId: z.string(),
  threadId: z.string(),
  parentId: z.string().nullable(),
  kind: LiaisonKind,
  priority: LiaisonPriority,
  fromUnitId: z.string(),
  toUnitId: z.string(),
  body: z.string(),
  functionId: z.string().nullable(),
  siteId: z.string().nullable(),
  sentAt: z.string(),
  sentBy: z.string(),
  sentByName: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  version: z.number().int(),
});
export type LiaisonMessage = z.infer<typeof LiaisonMessage>;

export const LiaisonCreate = z.strictObject({
  kind: LiaisonKind,
  priority: LiaisonPriority.default("normal"),
  /** Defaults to the sender's own unit; admins may send for any unit. */
  fromUnitId: Id.optional(),
  /** Replies may leave it out: they go back to the other side of the message replied to. */
  toUnitId: Id.optional(),
  body: z.string().trim().min(1, "write the message").max(2000),
  functionId: Id.optional(),
  siteId: Id.optional(),
  /** The message this one replies to. */
  parentId: Id.optional(),
});
export type LiaisonCreate = z.infer<typeof LiaisonCreate>;

export const LiaisonAck = z.strictObject({ version: Version });

export const LiaisonParam = z.object({ id: z.string().min(1).max(64), messageId: z.string().min(1).max(64) });

/** Messages per page: a long incident's log comes in pages, oldest first. */
export const LiaisonQuery = pageQuery({ default: 500, max: 1000, keys: 2 });

export const LiaisonList = pageOf(LiaisonMessage).extend({
  /** Minutes after which an unacknowledged message is flagged. */
  ackMinutes: z.number().int(),
  now: z.string(),
});

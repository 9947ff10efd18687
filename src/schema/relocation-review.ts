import { z } from "zod";
import { CorrectiveAction } from "./drills-report";
import { pageOf, pageQuery } from "./paging";

/** The after-action review of a water & sewer relocation drill (HSEEP shape), figures as taken at its end. */
export const ReviewFigures = z.object({
  /** Each function: minutes from the onset until it worked at an alternate site, against its target. */
  functions: z.array(
    z.object({
      functionId: z.string(),
      nameJa: z.string(),
      nameEn: z.string(),
      targetMinutes: z.number().int(),
      /** Null: it never became operational at an alternate site during the drill. */
      minutesToOperational: z.number().int().nullable(),
      met: z.boolean(),
    }),
  ),
  /** Critical readiness checks that had failed at the alternate sites used, when the drill ended. */
  readinessFailures: z.array(z.object({ siteId: z.string(), siteNameJa: z.string(), checkKey: z.string(), note: z.string() })),
  /** The department's prioritised business: done by its deadline or not. */
  business: z.array(
    z.object({ itemId: z.string(), textJa: z.string(), deadlineAt: z.string().nullable(), doneAt: z.string().nullable(), met: z.boolean() }),
  ),
  /** Messages to or from the department: minutes until acknowledged (null: never acknowledged). */
  liaison: z.array(z.object({ messageId: z.string(), fromUnitId: z.string(), toUnitId: z.string(), sentAt: z.string(), minutesToAck: z.number().nullable() })),
  headline: z.object({
    functionsMet: z.number().int(),
    functionsTotal: z.number().int(),
    businessMet: z.number().int(),
    businessTotal: z.number().int(),
    readinessFailures: z.number().int(),
    medianMinutesToAck: z.number().nullable(),
    unacknowledged: z.number().int(),
  }),
});
export type ReviewFigures = z.infer<typeof ReviewFigures>;

export const RelocationReview = z.object({
  incidentId: z.string(),
  unitId: z.string(),
  title: z.string(),
  onsetAt: z.string(),
  endedAt: z.string(),
  figures: ReviewFigures,
  createdAt: z.string(),
});
export type RelocationReview = z.infer<typeof RelocationReview>;

export const ReviewTrendPoint = z.object({
  incidentId: z.string(),
  title: z.string(),
  endedAt: z.string(),
  headline: ReviewFigures.shape.headline,
  current: z.boolean(),
});

export const ReviewBundle = z.object({
  review: RelocationReview,
  /** This drill and the department's earlier ones, oldest first. */
  trend: z.array(ReviewTrendPoint),
  actions: z.array(CorrectiveAction),
});
export type ReviewBundle = z.infer<typeof ReviewBundle>;

/** Reviews per page, newest first. */
export const ReviewListQuery = pageQuery({ default: 50, max: 200, keys: 2 });
export const ReviewList = pageOf(RelocationReview.omit({ figures: true }).extend({ headline: ReviewFigures.shape.headline }));

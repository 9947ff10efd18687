import { z } from "zod";

/** START categories: 緑 minor, 黄 delayed, 赤 immediate, 黒 expectant / deceased. */
export const Category = z.enum(["green", "yellow", "red", "black"]);
export type Category = z.infer<typeof Category>;
export const CATEGORIES: readonly Category[] = ["red", "yellow", "green", "black"];

/** The signs START reads, as observed on a casualty card. `null` means "not observed". */
export const Signs = z.object({
  age: z.number().int().min(0).max(120).nullable().default(null),
  canWalk: z.boolean(),
  breathing: z.boolean(),
  /** Only for a casualty not breathing: breathing after the airway was repositioned. */
  breathingAfterAirway: z.boolean().nullable().default(null),
  respiratoryRate: z.number().int().min(0).max(80).nullable().default(null),
  radialPulse: z.boolean().nullable().default(null),
  capillaryRefillSeconds: z.number().min(0).max(20).nullable().default(null),
  followsCommands: z.boolean().nullable().default(null),
});
export type Signs = z.infer<typeof Signs>;

export const Override = z.strictObject({
  category: Category,
  reason: z.string().trim().min(1, "give the reason for overriding the START key").max(500),
});
export type Override = z.infer<typeof Override>;

export const CasualtyCardBase = Signs.extend({
  tagNumber: z.string().trim().min(1).max(20),
  description: z.string().trim().min(1).max(300),
  override: Override.nullable().default(null),
});

type Issue = { path: (string | number)[]; message: string };

/**
 * Signs that cannot be observed together on one person. Pure and shared with the CSV import,
 * so a card typed in a form and a CSV row are refused for the same reasons.
 */
export function impossibleSigns(s: Signs): Issue[] {
  const issues: Issue[] = [];
  const breathingNow = s.breathing || s.breathingAfterAirway === true;
  if (s.canWalk && !s.breathing) issues.push({ path: ["breathing"], message: "a walking casualty is breathing" });
  if (s.breathing && s.breathingAfterAirway !== null) {
    issues.push({ path: ["breathingAfterAirway"], message: "only for a casualty who is not breathing" });
  }
  if (!s.breathing && !s.canWalk && s.breathingAfterAirway === null) {
    issues.push({ path: ["breathingAfterAirway"], message: "required when the casualty is not breathing: reposition the airway and record the result" });
  }
  if (!breathingNow && s.respiratoryRate !== null && s.respiratoryRate > 0) {
    issues.push({ path: ["respiratoryRate"], message: "a casualty who is not breathing has no respiratory rate" });
  }
  if (breathingNow && s.respiratoryRate === 0) {
    issues.push({ path: ["respiratoryRate"], message: "a breathing casualty has a rate above 0" });
  }
  if (!breathingNow && s.followsCommands === true) {
    issues.push({ path: ["followsCommands"], message: "a casualty who is not breathing cannot follow commands" });
  }
  // START needs these to decide a breathing casualty who cannot walk.
  if (s.breathing && !s.canWalk) {
    if (s.respiratoryRate === null) issues.push({ path: ["respiratoryRate"], message: "required for a breathing casualty who cannot walk" });
    if (s.radialPulse === null && s.capillaryRefillSeconds === null) {
      issues.push({ path: ["radialPulse"], message: "record the radial pulse or the capillary refill time" });
    }
    if (s.followsCommands === null) issues.push({ path: ["followsCommands"], message: "required for a breathing casualty who cannot walk" });
  }
  return issues;
}

export const CasualtyCard = CasualtyCardBase.superRefine((card, ctx) => {
  for (const i of impossibleSigns(card)) ctx.addIssue({ code: "custom", path: i.path, message: i.message });
});
export type CasualtyCard = z.infer<typeof CasualtyCard>;

/** A card as stored: its START key and, when a coordinator overrode it, the category that scores. */
export const Casualty = CasualtyCardBase.extend({
  id: z.string(),
  sortOrder: z.number().int(),
  startCategory: Category,
  expected: Category,
});
export type Casualty = z.infer<typeof Casualty>;

import type { Category, Signs } from "../schema/drills-casualty";

type StartSigns = Pick<
  Signs,
  "canWalk" | "breathing" | "breathingAfterAirway" | "respiratoryRate" | "radialPulse" | "capillaryRefillSeconds" | "followsCommands"
>;

/**
 * START (Simple Triage And Rapid Treatment), in the order the triage officer asks:
 * walks → green; not breathing → open the airway: still not → black, breathes → red;
 * rate over 30, no radial pulse or capillary refill over 2 s, or cannot follow commands → red;
 * otherwise yellow. Cards reach here already checked for impossible signs.
 */
export function startCategory(s: StartSigns): Category {
  if (s.canWalk) return "green";
  if (!s.breathing) return s.breathingAfterAirway ? "red" : "black";
  if (s.respiratoryRate !== null && s.respiratoryRate > 30) return "red";
  if (s.radialPulse === false) return "red";
  if (s.capillaryRefillSeconds !== null && s.capillaryRefillSeconds > 2) return "red";
  if (s.followsCommands === false) return "red";
  return "yellow";
}

/** Urgency order used for over- and under-triage: black (expectant) is the least urgent tag. */
export const URGENCY: Record<Category, number> = { black: 0, green: 1, yellow: 2, red: 3 };

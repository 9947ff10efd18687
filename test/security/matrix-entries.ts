import { CHECKLISTS_ENTRIES } from "./matrix-entries-checklists";
import { DRILLS_ENTRIES } from "./matrix-entries-drills";
import { PLATFORM_ENTRIES } from "./matrix-entries-platform";
import { RELOCATION_ENTRIES } from "./matrix-entries-relocation";
import type { Entry } from "./matrix-entry";

export type { Entry } from "./matrix-entry";

/** Every route's entry, one file per area (a new route goes in its area's file). */
export const ENTRIES: Record<string, Entry> = { ...PLATFORM_ENTRIES, ...CHECKLISTS_ENTRIES, ...RELOCATION_ENTRIES, ...DRILLS_ENTRIES };

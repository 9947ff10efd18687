import type { Fixtures, OwnUnit, Request, Rule } from "./matrix-fixtures";

/**
 * One entry per route of the app ("METHOD /path" as Hono lists it). `request` builds a fresh,
 * valid request for each subject (so versions are current); `crossIncident` addresses a child of
 * one incident through another incident's path, which must answer 404 and write nothing.
 * A route the app has and this table lacks fails the matrix test: a new route needs an entry here.
 */
export type Entry = {
  rule: Rule;
  unit?: OwnUnit;
  request: (fx: Fixtures) => Promise<Request>;
  crossIncident?: (fx: Fixtures) => Promise<Request>;
  /** The refusal a cross-incident request gets when not 404 (a body naming a card of another drill is a 400). */
  crossStatus?: number;
  /** Signs out or otherwise ends the session it runs in: run it on a session of its own. */
  ownSession?: boolean;
  websocket?: boolean;
};

/** A request to a fixed path, the same for every subject. */
export const path = (p: string) => async () => ({ path: p });

import { ApiError } from "../lib/app";
import { ErrorEnvelope } from "../schema/common";
import type { Incident } from "../schema/incidents";
import { requireIncident } from "./incidents";
import { commonErrors, json } from "./openapi";

/** Response documentation and guards shared by the relocation area's routes. */

export const errors = commonErrors;

export const writeErrors = {
  ...errors,
  404: json(ErrorEnvelope, "No such entity"),
  409: json(ErrorEnvelope, "Stale version (or a state that forbids this); `current` holds the entity as it is now"),
  422: json(ErrorEnvelope, "A rule of this area refused it, or the Idempotency-Key was reused; `fields` names the path"),
};

export const readErrors = { 401: errors[401], 404: json(ErrorEnvelope, "No such entity") };

export const forbidden = (message: string) => new ApiError(403, "forbidden", message);
export const notFound = (what: string) => new ApiError(404, "not_found", `No such ${what}.`);
export const unprocessable = (code: string, message: string, path: string) =>
  new ApiError(422, code, message, { fields: [{ path, message }] });

/** An incident that still takes entries: a closed incident's board and log are a record. */
export async function requireOpenIncident(db: D1Database, id: string): Promise<Incident> {
  const incident = await requireIncident(db, id);
  if (incident.status === "closed") {
    throw new ApiError(409, "incident_closed", "This incident is closed; its board and liaison log are kept as a record.", { current: incident });
  }
  return incident;
}

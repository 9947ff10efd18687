import { ApiError } from "../lib/app";
import { ErrorEnvelope } from "../schema/common";
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

export const unprocessable = (code: string, message: string, path: string) =>
  new ApiError(422, code, message, { fields: [{ path, message }] });

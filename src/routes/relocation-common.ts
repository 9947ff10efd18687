import { ApiError } from "../lib/app";
import { commonErrors, refusalDoc, refusals } from "./openapi";

/** Response documentation and guards shared by the relocation area's routes. */

export const errors = commonErrors;

const NO_SUCH = "No such entity";
export const writeErrors = refusals({
  404: NO_SUCH,
  409: "Stale version (or a state that forbids this); `current` holds the entity as it is now",
  422: "A rule of this area refused it, or the Idempotency-Key was reused; `fields` names the path",
});

export const readErrors = { 401: errors[401], 404: refusalDoc(NO_SUCH) };

export const unprocessable = (code: string, message: string, path: string) =>
  new ApiError(422, code, message, { fields: [{ path, message }] });

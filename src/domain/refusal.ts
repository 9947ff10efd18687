// The one shape in which a domain rule says no. Pure data: no HTTP, no throwing, so the console
// can run the same rules; a route turns a refusal into the error envelope with `refuse`.

/** A field a refusal points at: "items.3.reason", "(body)", "(drill)". */
export type FieldIssue = { path: string; message: string };

export type RefusalStatus = 400 | 403 | 404 | 409 | 422;

/** Why a rule refuses: the answer's status and code, a message for people, the fields it names, and what is current. */
export type Refusal = {
  status: RefusalStatus;
  code: string;
  message: string;
  fields: FieldIssue[];
  /** The state as it is now, for a 409 the client should reload from. */
  current?: unknown;
};

/** A rule's answer: the result, or why not. */
export type Ruled<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export const refusal = (status: RefusalStatus, code: string, message: string, fields: FieldIssue[] = [], current?: unknown): Refusal =>
  current === undefined ? { status, code, message, fields } : { status, code, message, fields, current };

export const accept = <T>(value: T): Ruled<T> => ({ ok: true, value });
export const refused = <T = never>(r: Refusal): Ruled<T> => ({ ok: false, refusal: r });

/** Issues a check found as one 400 `invalid_request` refusal naming each field, or null when it found none. */
export const invalidFields = (fields: FieldIssue[], message: string): Refusal | null =>
  fields.length > 0 ? refusal(400, "invalid_request", message, fields) : null;

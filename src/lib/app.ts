import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import { type FieldIssue, type Refusal, refusal, type Ruled } from "../domain/refusal";
import type { ErrorEnvelope } from "../schema/common";
import type { Me } from "../schema/session";

/** `answerChecked`: the write path already looked for a first answer under this key. */
export type MutationContext = { key: string; requestHash: string; answerChecked: boolean };

export type AppEnv = {
  Bindings: Env;
  /** `sessionChecked`: the session was read from D1 for this request (not remembered). */
  Variables: { user: Me; mutation: MutationContext; sessionTokenHash: string; sessionChecked: boolean };
};
export type Ctx = Context<AppEnv>;

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly extra: Omit<ErrorEnvelope["error"], "code" | "message"> = {},
  ) {
    super(message);
  }
}

/** The first answer to an Idempotency-Key, found only after this request's batch lost the race. */
export class Replayed extends Error {
  constructor(readonly response: Response) {
    super("replayed");
  }
}

export const staleVersion = (current: unknown) =>
  new ApiError(409, "stale_version", "Someone changed this first. Review the current state and try again.", { current });

export const incidentClosed = (current?: unknown) =>
  new ApiError(409, "incident_closed", "This incident is closed. It is kept read-only in the archive and accepts no more changes.", { current });

/** A domain rule's refusal as the error envelope: fields when it names any, `current` when it holds one. */
export const refusalError = (r: Refusal) =>
  new ApiError(r.status, r.code, r.message, {
    ...(r.fields.length > 0 ? { fields: r.fields } : {}),
    ...(r.current !== undefined ? { current: r.current } : {}),
  });

/** The one way a route answers a refusal: the error envelope, nothing written. */
export function refuse(r: Refusal): never {
  throw refusalError(r);
}

/** Refuses when a check found something (a refusal), goes on when it found nothing (null). */
export function refuseIf(r: Refusal | null): void {
  if (r) refuse(r);
}

/** A rule's result, or its refusal answered. */
export function accepted<T>(ruled: Ruled<T>): T {
  if (!ruled.ok) refuse(ruled.refusal);
  return ruled.value;
}

/** Not allowed for this role or unit (403), saying who may. */
export const forbidden = (message: string, fields: FieldIssue[] = []) => refusalError(refusal(403, "forbidden", message, fields));

/** No such entity (404). */
export const notFound = (what: string, fields: FieldIssue[] = []) => refusalError(refusal(404, "not_found", `No such ${what}.`, fields));

export const errorBody = (e: ApiError): ErrorEnvelope => ({ error: { code: e.code, message: e.message, ...e.extra } });

/** zod issues as field paths a form can point at: "items.3.reason". */
export function fieldsOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(body)", message: i.message }));
}

export const invalid = (error: z.ZodError, where = "body") =>
  new ApiError(400, "invalid_request", `The request ${where} is not valid.`, { fields: fieldsOf(error) });

/** Every area's sub-app: a zod validation failure becomes the shared 400 envelope. */
export function newApp() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw invalid(result.error as z.ZodError, result.target);
    },
  });
}

export const nowIso = () => new Date().toISOString();

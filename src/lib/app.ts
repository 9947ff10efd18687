import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import type { ErrorEnvelope } from "../schema/common";
import type { Me } from "../schema/session";

export type MutationContext = { key: string; requestHash: string };

export type AppEnv = {
  Bindings: Env;
  Variables: { user: Me; mutation: MutationContext; sessionTokenHash: string };
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

export const errorBody = (e: ApiError): ErrorEnvelope => ({ error: { code: e.code, message: e.message, ...e.extra } });

/** zod issues as field paths a form can point at: "items.3.reason". */
export function fieldsOf(error: z.ZodError) {
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

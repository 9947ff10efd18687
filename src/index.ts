import { OpenAPIHono } from "@hono/zod-openapi";
import { generateCookie, getCookie } from "hono/cookie";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ApiError, type AppEnv, errorBody, notFound, Replayed } from "./lib/app";
import { laterBookmark, requestDatabase, RoundTrips } from "./lib/d1";
import { idempotent, requireUser, sameOriginJson } from "./lib/guards";
import { limitWrites, requestBodyLimit } from "./lib/request-limits";
import { addHeaders, securityHeaders } from "./lib/security-headers";
import { platformRoutes } from "./routes/health";
import { checklistsRoutes } from "./routes/checklists";
import { drillsRoutes } from "./routes/drills";
import { incidentRoutes } from "./routes/incidents";
import { liveRoutes } from "./routes/live";
import { overviewRoutes } from "./routes/overview";
import { relocationRoutes } from "./routes/relocation";
import { sessionRoutes } from "./routes/session";
import { userRoutes } from "./routes/users";
import { situationReportRoutes } from "./routes/situation-reports";
import { timelineRoutes } from "./routes/timeline";
import { readinessUnitsRoutes } from "./routes/readiness-units";
import { relocationReviewRoutes } from "./routes/relocation-review";
import { isEntityWrite } from "./domain/abuse-limits";
import { documentAbuseLimits } from "./routes/openapi";

export { LiveRoom } from "./live/room";
export { WriteMeter } from "./lib/write-meter";

const OPEN = new Set(["GET /api/health", "GET /api/openapi.json", "POST /api/session"]);
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** The D1 bookmark of this browser's last write, so its next reads (on any replica) include it. */
const BOOKMARK_COOKIE = "keizoku_d1";

const app = new OpenAPIHono<AppEnv>();

app.use("*", securityHeaders);
app.use("/api/*", async (c, next) => {
  const trips = new RoundTrips();
  const sent = getCookie(c, BOOKMARK_COOKIE) ?? null;
  const writing = UNSAFE.has(c.req.method);
  const { database, bookmark } = requestDatabase(c.env.DB, trips, sent, writing);
  c.env = { ...c.env, DB: database };
  await next();
  // A WebSocket upgrade's answer comes from the room with headers that cannot change.
  if (c.res.status === 101) return;
  const latest = laterBookmark(sent, bookmark());
  addHeaders(c, (headers) => {
    headers.append("Server-Timing", trips.serverTiming());
    if (writing && latest && latest !== sent) {
      headers.append("Set-Cookie", generateCookie(BOOKMARK_COOKIE, latest, { httpOnly: true, secure: true, sameSite: "Strict", path: "/api" }));
    }
  });
});

// Before anything reads a body.
app.use("/api/*", requestBodyLimit);
app.use("/api/*", sameOriginJson);
app.use("/api/*", async (c, next) => {
  const route = `${c.req.method} ${c.req.path}`;
  if (OPEN.has(route)) return next();
  const write = isEntityWrite(c.req.method, c.req.path);
  return requireUser(c, () => (write ? limitWrites(c, () => idempotent(c, next)) : next()), write);
});

const routes = app
  .route("/", platformRoutes)
  .route("/", sessionRoutes)
  .route("/", userRoutes)
  .route("/", incidentRoutes)
  .route("/", liveRoutes)
  .route("/", checklistsRoutes)
  .route("/", relocationRoutes)
  .route("/", drillsRoutes)
  .route("/", situationReportRoutes)
  .route("/", timelineRoutes)
  .route("/", readinessUnitsRoutes)
  .route("/", relocationReviewRoutes)
  .route("/", overviewRoutes);

const DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Keizoku API",
    version: "1",
    description:
      "Disaster business-continuity console. Sign in with POST /api/session (cookie). Every unsafe request needs a same-origin Origin and a JSON body; entity writes need an Idempotency-Key and answer {data, seq}. Abuse limits: a body over its route's limit (64 KB; imports more, each named in its 413) answers 413 too_large unread; more entity writes by one person than WRITE_RATE_LIMIT in WRITE_RATE_WINDOW_SECONDS (600 in 60 s by default) answer 429 too_many_writes with Retry-After.",
  },
};
// Each route's 413 and 429 are added from the rules the middleware applies, so the two cannot drift apart.
app.get("/api/openapi.json", (c) => c.json(documentAbuseLimits(app.getOpenAPI31Document(DOCUMENT))));

app.notFound((c) => c.json(errorBody(notFound("address")), 404));

app.onError((err, c) => {
  if (err instanceof ApiError) return c.json(errorBody(err), err.status);
  if (err instanceof Replayed) return err.response;
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return c.json(errorBody(new ApiError(status, status === 400 ? "invalid_request" : "http_error", err.message)), status);
  }
  console.error("unhandled", err);
  return c.json(errorBody(new ApiError(500, "internal", "Something failed on the server; nothing was half-written.")), 500);
});

export type AppType = typeof routes;
export default app;

import type { Context } from "hono";
import { latestSeq } from "../db/changes";
import { maySeeIncident } from "../domain/access";
import { ApiError, type AppEnv, forbidden, newApp } from "../lib/app";
import { roomFor } from "../live/announce";
import { DIRECTORY, STANDING } from "../schema/streams";
import type { Listener } from "../live/room";
import { requireIncident } from "./incidents";

/** Hands a signed-in, same-origin WebSocket upgrade to the stream's room. */
async function join(c: Context<AppEnv>, stream: string, seq: number): Promise<Response> {
  if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
    throw new ApiError(426, "upgrade_required", "This address speaks WebSocket only.");
  }
  if (c.req.header("Origin") !== new URL(c.req.url).origin) {
    throw new ApiError(403, "cross_origin", "Live updates are served to this site's own pages only.");
  }
  const { id, displayName, unitId, role } = c.get("user");
  const listener: Listener = { id, displayName, unitId, role };
  const headers = new Headers(c.req.raw.headers);
  // Header values must be ASCII; display names are Japanese.
  headers.set("X-Listener", encodeURIComponent(JSON.stringify(listener)));
  headers.set("X-Stream", stream);
  headers.set("X-Latest-Seq", String(seq));
  return roomFor(c.env, stream).fetch(new Request(c.req.raw.url, { headers }));
}

export const liveRoutes = newApp();
liveRoutes
  .get("/api/incidents/:id/live", async (c) => {
    const id = c.req.param("id");
    // One round trip: an unknown incident's stream is empty, and then the 404 wins.
    const [incident, seq] = await Promise.all([requireIncident(c.env.DB, id), latestSeq(c.env.DB, id)]);
    if (!maySeeIncident(c.get("user"))) throw forbidden("This incident is not shared with your unit.");
    return join(c, incident.id, seq);
  })
  .get("/api/standing/live", async (c) => join(c, STANDING, await latestSeq(c.env.DB, STANDING)))
  .get("/api/live", (c) => join(c, DIRECTORY, 0));

const upgrade = {
  responses: {
    101: { description: "Switching to WebSocket; messages follow the ServerMessage / ClientMessage union" },
    401: { description: "Not signed in" },
    403: { description: "Cross-origin or not allowed" },
    426: { description: "Not a WebSocket upgrade" },
  },
};
liveRoutes.openAPIRegistry.registerPath({
  method: "get",
  path: "/api/incidents/{id}/live",
  tags: ["live"],
  summary: "Live room of one incident: hello {latestSeq}, then every change with its seq",
  ...upgrade,
});
liveRoutes.openAPIRegistry.registerPath({
  method: "get",
  path: "/api/standing/live",
  tags: ["live"],
  summary: "Live room of peacetime (standing) data: templates, sites, registries, readiness",
  ...upgrade,
});
liveRoutes.openAPIRegistry.registerPath({
  method: "get",
  path: "/api/live",
  tags: ["live"],
  summary: "Live incident list: an `incident` message whenever one is opened or changed",
  ...upgrade,
});

import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sha256 } from "../../src/lib/passwords";
import { countRows, openIncident, signIn } from "../helpers";

const log = (id: string) => `/api/incidents/${id}/liaison`;
const report = { kind: "report", priority: "urgent", toUnitId: "hq", body: "配水池の水位低下" };

/** `d1;dur=…;desc="2 round trips, 5 queries"` → 2 */
function roundTrips(res: Response): number {
  const m = /d1;dur=[\d.]+;desc="(\d+) round trips?/.exec(res.headers.get("Server-Timing") ?? "");
  if (!m) throw new Error(`no D1 count in Server-Timing: ${res.headers.get("Server-Timing")}`);
  return Number(m[1]);
}

describe("D1 round trips per request", () => {
  it("sends a liaison message in two: its preconditions together, then the write batch", async () => {
    const water = await signIn("water");
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const sent = await water.send("POST", log(incident.id), report);
    expect(sent.status).toBe(201);
    expect(roundTrips(sent)).toBe(2);
    const { data } = (await sent.json()) as { data: { id: string } };
    const acked = await hq.send("POST", `${log(incident.id)}/${data.id}/ack`, { version: 1 });
    expect(acked.status).toBe(200);
    expect(roundTrips(acked)).toBe(2);
  });

  it("reads the liaison log in one after the session", async () => {
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const res = await hq.get(log(incident.id));
    expect(res.status).toBe(200);
    expect(roundTrips(res)).toBe(2);
  });
});

/** Water has posted once in a new incident, so this isolate remembers its session and the incident. */
async function waterHasWritten() {
  const water = await signIn("water");
  const hq = await signIn("hq");
  const incident = await openIncident(hq);
  expect((await water.send("POST", log(incident.id), report)).status).toBe(201);
  return { water, hq, incident };
}

/** Ends a session in the database only, as a sign-out (or a disabled account) served by another isolate would. */
async function endSessionElsewhere(client: { cookie: string }) {
  const token = client.cookie.split("=")[1]!;
  await env.DB.prepare("DELETE FROM sessions WHERE token_hash = ?").bind(await sha256(token)).run();
}

describe("a remembered session", () => {
  it("writes nothing once the session has ended in the database, wherever it was remembered", async () => {
    const { water, incident } = await waterHasWritten();
    await endSessionElsewhere(water);
    const before = await countRows("liaison_messages", "incident_id = ?", incident.id);
    const refused = await water.send("POST", log(incident.id), report);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
    expect(await countRows("liaison_messages", "incident_id = ?", incident.id)).toBe(before);
    // A refusal on the way tells an ended session nothing either.
    const ack = await water.send("POST", `${log(incident.id)}/no-such-message/ack`, { version: 1 });
    expect(ack.status).toBe(401);
  });

  it("answers an ended session before it says the incident was closed, and writes nothing", async () => {
    const { water, hq, incident } = await waterHasWritten();
    const closed = await hq.send("PATCH", `/api/incidents/${incident.id}`, { version: 1, status: "closed" });
    expect(closed.status).toBe(200);
    await endSessionElsewhere(water);
    const before = await countRows("liaison_messages", "incident_id = ?", incident.id);
    const refused = await water.send("POST", log(incident.id), report);
    // A closed incident is a fact an ended session is not told.
    expect({ status: refused.status, code: ((await refused.json()) as { error: { code: string } }).error.code }).toEqual({ status: 401, code: "unauthenticated" });
    expect(await countRows("liaison_messages", "incident_id = ?", incident.id)).toBe(before);
  });

  it("stops writing when the account's role changed since it was remembered", async () => {
    const { water, incident } = await waterHasWritten();
    await env.DB.prepare("UPDATE users SET role = 'viewer' WHERE id = 'user-water'").run();
    try {
      const before = await countRows("liaison_messages", "incident_id = ?", incident.id);
      expect((await water.send("POST", log(incident.id), report)).status).toBe(401);
      expect(await countRows("liaison_messages", "incident_id = ?", incident.id)).toBe(before);
    } finally {
      await env.DB.prepare("UPDATE users SET role = 'editor' WHERE id = 'user-water'").run();
    }
  });

  it("answers a retried acknowledgement as the first, though the message has moved on since", async () => {
    const water = await signIn("water");
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const { data } = (await (await water.send("POST", log(incident.id), report)).json()) as { data: { id: string } };
    const first = await hq.send("POST", `${log(incident.id)}/${data.id}/ack`, { version: 1 }, "ack-retry-0001");
    const again = await hq.send("POST", `${log(incident.id)}/${data.id}/ack`, { version: 1 }, "ack-retry-0001");
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get("Idempotent-Replay")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
  });
});

describe("a write's preconditions in the batch with its session and first answer", () => {
  it("moves a function in two round trips, its sites' readiness read with it, and answers a retry from that batch", async () => {
    const water = await signIn("water");
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const path = `/api/incidents/${incident.id}/relocation/fn-supply/transitions`;
    const moved = await water.send("POST", path, { to: "relocating", version: 0 }, "move-retry-0001");
    expect(moved.status).toBe(200);
    expect(roundTrips(moved)).toBe(2);
    const again = await water.send("POST", path, { to: "relocating", version: 0 }, "move-retry-0001");
    expect(again.status).toBe(200);
    expect(again.headers.get("Idempotent-Replay")).toBe("true");
    expect(roundTrips(again)).toBe(1);
    expect(await again.json()).toEqual(await moved.json());
  });

  it("refuses a retry once the session has ended, though its first answer is stored", async () => {
    const water = await signIn("water");
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const path = `/api/incidents/${incident.id}/relocation/fn-supply/transitions`;
    expect((await water.send("POST", path, { to: "relocating", version: 0 }, "move-ended-0001")).status).toBe(200);
    await endSessionElsewhere(water);
    const again = await water.send("POST", path, { to: "relocating", version: 0 }, "move-ended-0001");
    expect(again.status).toBe(401);
  });
});

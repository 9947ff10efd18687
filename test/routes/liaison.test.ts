import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { countRows, openIncident, signIn } from "../helpers";
import { type ErrorBody, json, lastChange } from "../fixtures/relocation/helpers";
import { flaggedFor } from "../../src/domain/liaison";

type Message = { id: string; threadId: string; parentId: string | null; fromUnitId: string; toUnitId: string; acknowledgedAt: string | null; acknowledgedByName: string | null; version: number; sentAt: string; priority: "urgent" | "high" | "normal" };
type List = { items: Message[]; ackMinutes: number; now: string };

const log = (id: string) => `/api/incidents/${id}/liaison`;

describe("liaison log", () => {
  it("carries a report from the water HQ to the city HQ, flags it unacknowledged, then records the acknowledgement", async () => {
    const water = await signIn("water");
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const sent = await json<{ data: Message }>(
      await water.send("POST", log(incident.id), { kind: "report", priority: "urgent", toUnitId: "hq", body: "上下水道部庁舎1階が浸水。本部を愛国浄水場へ移転開始", functionId: "fn-water-hq", siteId: "aikoku-wtp" }),
      201,
    );
    expect(sent.data).toMatchObject({ fromUnitId: "water", toUnitId: "hq", threadId: sent.data.id, acknowledgedAt: null, version: 1 });
    expect(await lastChange(incident.id)).toMatchObject({ entity_type: "liaison_message", op: "create" });

    // Age the message past the limit, as if it had waited unanswered.
    await env.DB.prepare("UPDATE liaison_messages SET sent_at = ? WHERE id = ?").bind(new Date(Date.now() - 30 * 60_000).toISOString(), sent.data.id).run();
    const list = await json<List>(await hq.get(log(incident.id)), 200);
    expect(list.ackMinutes).toBe(10);
    expect(flaggedFor(list.items, "hq", Date.parse(list.now), list.ackMinutes).map((m) => m.id)).toEqual([sent.data.id]);

    // Only the receiving unit acknowledges.
    expect((await water.send("POST", `${log(incident.id)}/${sent.data.id}/ack`, { version: 1 })).status).toBe(403);
    const acked = await json<{ data: Message }>(await hq.send("POST", `${log(incident.id)}/${sent.data.id}/ack`, { version: 1 }), 200);
    expect(acked.data).toMatchObject({ acknowledgedByName: "hq user", version: 2 });
    expect(acked.data.acknowledgedAt).not.toBeNull();
    const again = await json<ErrorBody>(await hq.send("POST", `${log(incident.id)}/${sent.data.id}/ack`, { version: 2 }), 409);
    expect(again.error.code).toBe("already_acknowledged");

    const after = await json<List>(await hq.get(log(incident.id)), 200);
    expect(flaggedFor(after.items, "hq", Date.parse(after.now), after.ackMinutes)).toEqual([]);
  });

  it("threads a reply back to the sender", async () => {
    const water = await signIn("water");
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const request = await json<{ data: Message }>(await water.send("POST", log(incident.id), { kind: "request", toUnitId: "hq", body: "給水車2台の応援を要請" }), 201);
    const reply = await json<{ data: Message }>(
      await hq.send("POST", log(incident.id), { kind: "order", parentId: request.data.id, body: "自衛隊給水車を春採へ配置する" }),
      201,
    );
    expect(reply.data).toMatchObject({ fromUnitId: "hq", toUnitId: "water", threadId: request.data.id, parentId: request.data.id });
    const ack = await json<{ data: Message }>(await water.send("POST", `${log(incident.id)}/${reply.data.id}/ack`, { version: 1 }), 200);
    expect(ack.data.acknowledgedByName).toBe("water user");
  });

  it("refuses a unit that does not exist, unknown links and bad bodies, writing nothing", async () => {
    const water = await signIn("water");
    const incident = await openIncident(await signIn("hq"));
    const before = await countRows("liaison_messages");
    const noUnit = await json<ErrorBody>(await water.send("POST", log(incident.id), { kind: "report", toUnitId: "mars", body: "x" }), 422);
    expect(noUnit.error).toMatchObject({ code: "unknown_unit", fields: [{ path: "toUnitId" }] });
    const noFn = await json<ErrorBody>(await water.send("POST", log(incident.id), { kind: "report", toUnitId: "hq", body: "x", functionId: "fn-ghost" }), 422);
    expect(noFn.error.fields![0]!.path).toBe("functionId");
    const noSite = await json<ErrorBody>(await water.send("POST", log(incident.id), { kind: "report", toUnitId: "hq", body: "x", siteId: "ghost" }), 422);
    expect(noSite.error.fields![0]!.path).toBe("siteId");
    const noParent = await json<ErrorBody>(await water.send("POST", log(incident.id), { kind: "report", body: "x", parentId: "ghost" }), 422);
    expect(noParent.error.fields![0]!.path).toBe("parentId");
    const bad = await json<ErrorBody>(await water.send("POST", log(incident.id), { kind: "gossip", toUnitId: "hq", body: "   " }), 400);
    expect(bad.error.fields!.map((f) => f.path).sort()).toEqual(["body", "kind"]);
    expect((await water.send("POST", log(incident.id), { kind: "report", toUnitId: "water", body: "x" })).status).toBe(422);
    expect((await water.send("POST", log(incident.id), { kind: "report", fromUnitId: "hospital", toUnitId: "hq", body: "x" })).status).toBe(403);
    expect((await (await signIn("viewer")).send("POST", log(incident.id), { kind: "report", toUnitId: "water", body: "x" })).status).toBe(403);
    expect((await water.send("POST", `${log(incident.id)}/ghost/ack`, { version: 1 })).status).toBe(404);
    expect(await countRows("liaison_messages")).toBe(before);
  });

  it("refuses unknown units, functions and sites in an incident already written to, where the write itself checks them", async () => {
    const water = await signIn("water");
    const incident = await openIncident(await signIn("hq"));
    await json(await water.send("POST", log(incident.id), { kind: "report", toUnitId: "hq", body: "第1報" }), 201);
    const messages = await countRows("liaison_messages");
    const changes = await countRows("change_log");
    const noUnit = await json<ErrorBody>(await water.send("POST", log(incident.id), { kind: "report", toUnitId: "mars", body: "x" }), 422);
    expect(noUnit.error).toMatchObject({ code: "unknown_unit", fields: [{ path: "toUnitId" }] });
    const noFn = await json<ErrorBody>(await water.send("POST", log(incident.id), { kind: "report", toUnitId: "hq", body: "x", functionId: "fn-ghost" }), 422);
    expect(noFn.error).toMatchObject({ code: "unknown_function", fields: [{ path: "functionId" }] });
    const noSite = await json<ErrorBody>(await water.send("POST", log(incident.id), { kind: "report", toUnitId: "hq", body: "x", siteId: "ghost" }), 422);
    expect(noSite.error).toMatchObject({ code: "unknown_site", fields: [{ path: "siteId" }] });
    expect(await countRows("liaison_messages")).toBe(messages);
    expect(await countRows("change_log")).toBe(changes);
    // The same key sent again after a refusal is refused the same way, and a good message still goes.
    await json(await water.send("POST", log(incident.id), { kind: "report", toUnitId: "hq", body: "第2報", siteId: "aikoku-wtp" }), 201);
    expect(await countRows("liaison_messages")).toBe(messages + 1);
  });

  it("refuses a stale acknowledgement", async () => {
    const water = await signIn("water");
    const hq = await signIn("hq");
    const incident = await openIncident(hq);
    const sent = await json<{ data: Message }>(await hq.send("POST", log(incident.id), { kind: "order", toUnitId: "water", body: "被害状況を30分ごとに報告せよ" }), 201);
    const stale = await json<ErrorBody>(await water.send("POST", `${log(incident.id)}/${sent.data.id}/ack`, { version: 7 }), 409);
    expect(stale.error.code).toBe("stale_version");
    expect(await countRows("liaison_messages", "id = ? AND acknowledged_at IS NULL", sent.data.id)).toBe(1);
  });
});

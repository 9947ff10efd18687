import { expect, it } from "vitest";
import type { Change } from "../../src/schema/changes";
import { openIncident, signIn } from "../helpers";
import { listen } from "../live/helpers";
import { json } from "../fixtures/relocation/helpers";

const change = (entityType: string, op: string) => (c: Change) => c.entityType === entityType && c.op === op;

it("announces a move and a liaison message to everyone watching the incident, in sequence", async () => {
  const water = await signIn("water");
  const hq = await signIn("hq");
  const incident = await openIncident(hq);
  const watching = await listen(hq, `/api/incidents/${incident.id}/live`);
  try {
    const moved = await json<{ seq: number }>(await water.send("POST", `/api/incidents/${incident.id}/relocation/fn-monitoring/transitions`, { to: "relocating", version: 0 }), 200);
    const row = await watching.nextChange(change("relocation", "transition"));
    expect(row.after).toMatchObject({ functionId: "fn-monitoring", state: "relocating", siteId: "aikoku-wtp" });
    const move = await watching.nextChange(change("relocation_move", "create"));
    expect(move.seq).toBe(moved.seq);
    expect(move.after).toMatchObject({ label: "配水監視（テレメータ）：本来庁舎で業務中 → 移転中（愛国浄水場 管理棟）" });

    await json(await water.send("POST", `/api/incidents/${incident.id}/liaison`, { kind: "report", toUnitId: "hq", body: "配水監視を愛国浄水場へ移転中" }), 201);
    await watching.nextChange(change("liaison_message", "create"));
    const seqs = watching.changeSeqs();
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  } finally {
    watching.close();
  }
});

it("announces standing changes (site status, readiness) to the standing room", async () => {
  const water = await signIn("water");
  const watching = await listen(water, "/api/standing/live");
  try {
    const site = await json<{ version: number }>(await water.get("/api/sites/alt-tottori"), 200);
    await json(await water.send("PATCH", "/api/sites/alt-tottori", { version: site.version, status: "degraded" }), 200);
    const m = await watching.nextChange(change("site", "update"));
    expect(m.after).toMatchObject({ id: "alt-tottori", status: "degraded" });
    await json(await water.send("PATCH", "/api/sites/alt-tottori", { version: site.version + 1, status: "operational" }), 200);
  } finally {
    watching.close();
  }
});

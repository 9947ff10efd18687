import { describe, expect, it } from "vitest";
import type { Change } from "../../src/schema/changes";
import { countRows, openIncident, signIn } from "../helpers";
import { isChange, listen } from "./helpers";

const report = (body: string) => ({ kind: "report", priority: "normal", toUnitId: "hq", body });

describe("a burst of writes on one incident", () => {
  it("commits every write that holds, refuses only the one that does not, and broadcasts them all in seq order", async () => {
    const hq = await signIn("hq");
    const water = await signIn("water");
    const incident = await openIncident(hq);
    const log = `/api/incidents/${incident.id}/liaison`;
    const first = await water.send("POST", log, report("先行報告"));
    const { data: message } = (await first.json()) as { data: { id: string } };
    const listener = await listen(hq, `/api/incidents/${incident.id}/live`);
    await listener.next((m) => m.type === "hello");

    // Twenty reports, the same message acknowledged twice (one must lose), and one report sent twice
    // under the same Idempotency-Key, all at once.
    const key = crypto.randomUUID();
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => water.send("POST", log, report(`一斉報告 ${i}`))),
      hq.send("POST", `${log}/${message.id}/ack`, { version: 1 }),
      hq.send("POST", `${log}/${message.id}/ack`, { version: 1 }),
      water.send("POST", log, report("再送"), key),
      water.send("POST", log, report("再送"), key),
    ]);
    const statuses = answers.map((r) => r.status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(201));
    expect(statuses.slice(20, 22).sort()).toEqual([200, 409]);
    expect(statuses.slice(22)).toEqual([201, 201]);
    const bodies = await Promise.all(answers.map((r) => r.json() as Promise<{ seq: number; data: { id: string } }>));
    // The retry is answered as the first was: the same message, one row.
    expect(bodies[22]!.data.id).toBe(bodies[23]!.data.id);
    expect(await countRows("liaison_messages", "incident_id = ? AND body = ?", incident.id, "再送")).toBe(1);
    expect(await countRows("liaison_messages", "incident_id = ?", incident.id)).toBe(22);

    // Every committed write reached the console, each seq once, in order, with no gap.
    const committed = [...new Set(bodies.filter((_, i) => statuses[i]! < 300).map((b) => b.seq))];
    expect(committed).toHaveLength(22);
    const last = Math.max(...committed);
    await listener.next(isChange(last), 10_000);
    const seqs = listener.changeSeqs();
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
    expect(seqs.at(-1)).toBe(last);
    const changes = new Map<number, Change>();
    for (const m of listener.messages) if (m.type === "changes") for (const c of m.changes) changes.set(c.seq, c);
    for (const [i, b] of bodies.entries()) {
      if (statuses[i]! >= 300) continue;
      expect(changes.get(b.seq)).toMatchObject({ entityId: b.data.id });
    }
    listener.close();
  });
});

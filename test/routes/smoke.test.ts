import { SELF } from "cloudflare:test";
import { expect, it } from "vitest";
import { ORIGIN, openIncident, signIn } from "../helpers";

it("answers health and opens an incident", async () => {
  const h = await SELF.fetch(`${ORIGIN}/api/health`);
  expect(await h.json()).toMatchObject({ ok: true });
  const hq = await signIn("hq");
  const inc = await openIncident(hq);
  expect(inc.version).toBe(1);
});

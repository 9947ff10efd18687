import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { SCREENSHOTS, signedIn, useBrowser } from "./browser";

const browser = useBrowser();

/**
 * Markup that would act if any screen put text into the page as HTML: elements marked data-xss,
 * inline handlers and script that would change the title, and quotes. The visible
 * word ＸＳＳ試験 shows where it is rendered as the text it is.
 */
const PAYLOAD = `ＸＳＳ試験<img src=x data-xss onerror="document.title='hacked'"><svg data-xss onload="document.title='hacked'"></svg><script data-xss>document.title='hacked'</script>"'`;
const SHORT = `ＸＳＳ<img data-xss src=x onerror="document.title='hacked'">`;

type Api = { get: (path: string) => Promise<any>; send: (method: string, path: string, body: unknown) => Promise<any>; raw: (path: string) => Promise<Response> };

async function api(login: string): Promise<Api> {
  const base = inject("baseUrl");
  const res = await fetch(`${base}/api/session`, {
    method: "POST",
    headers: { Origin: base, "Content-Type": "application/json" },
    body: JSON.stringify({ login, password: inject("password") }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${login}: ${res.status}`);
  const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
  const check = async (r: Response, what: string) => {
    const text = await r.text();
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${text}`);
    return JSON.parse(text);
  };
  return {
    raw: (path) => fetch(`${base}${path}`, { headers: { Cookie: cookie } }),
    get: async (path) => check(await fetch(`${base}${path}`, { headers: { Cookie: cookie } }), `GET ${path}`),
    send: async (method, path, body) =>
      check(
        await fetch(`${base}${path}`, {
          method,
          headers: { Cookie: cookie, Origin: base, "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
          body: JSON.stringify(body),
        }),
        `${method} ${path}`,
      ),
  };
}

/** Payloads in every kind of free text the console shows, written through the API as users would. */
async function plant(hq: Api) {
  const incident = (await hq.send("POST", "/api/incidents", { title: PAYLOAD, kind: "drill", hazard: "tsunami", onsetAt: "2026-11-24T09:00:00+09:00" })).data;
  await hq.send("POST", `/api/incidents/${incident.id}/checklists/activations`, { unitIds: ["water"], templateIds: ["water-bcp"] });
  const added = (await hq.send("POST", `/api/incidents/${incident.id}/checklists/items`, { unitId: "water", items: [{ textJa: PAYLOAD }] })).data;
  // A new item starts at version 1.
  await hq.send("PATCH", `/api/checklists/items/${added.itemIds[0]}`, { version: 1, note: PAYLOAD });
  await hq.send("POST", `/api/incidents/${incident.id}/liaison`, { kind: "order", priority: "urgent", toUnitId: "water", body: PAYLOAD });
  await hq.send("POST", `/api/incidents/${incident.id}/relocation/fn-supply/transitions`, { to: "relocating", version: 0, note: PAYLOAD });
  await hq.send("POST", "/api/sites", { nameJa: PAYLOAD, kind: "alternate_site", lat: 42.99, lon: 144.39, unitId: "water" });
  const layer = JSON.parse(readFileSync("test/fixtures/relocation/kushiro-tsunami-a40.geojson", "utf8")) as { features: { properties: Record<string, unknown> }[] };
  // The layer is moved a degree north, away from every site: the browser tests share one server, and the
  // relocation test reads the water department's building as 未判定 until its own import covers it.
  const north = (c: unknown[]): unknown[] => (typeof c[0] === "number" ? [c[0], (c[1] as number) + 1] : c.map((inner) => north(inner as unknown[])));
  for (const f of layer.features as { properties: Record<string, unknown>; geometry: { coordinates: unknown[] } }[]) {
    f.properties = { ...f.properties, name: PAYLOAD, A40_001: SHORT };
    f.geometry.coordinates = north(f.geometry.coordinates);
  }
  await hq.send("POST", "/api/hazard-layers", { name: PAYLOAD, hazard: "tsunami", source: PAYLOAD, geojson: layer });
  const csv = ["tag_number,description,age,can_walk,breathing,override_reason", `X-1,"${PAYLOAD.replaceAll('"', '""')}",40,yes,yes,`, `X-2,"=HYPERLINK(""http://evil"",""x"")",30,yes,yes,`].join("\r\n");
  const scenario = (await hq.send("POST", "/api/scenarios/import", { title: PAYLOAD, description: PAYLOAD, unitId: "hospital", csv })).data;
  const drill = (await hq.send("POST", "/api/drills", { kind: "fire", title: PAYLOAD, scheduledAt: "2026-12-01T20:00:00+09:00", place: PAYLOAD })).data;
  await hq.send("POST", `/api/incidents/${incident.id}/situation-reports`, { summary: PAYLOAD });
  return { incident, scenario, drill };
}

/** What a screen did with the payloads: injected elements, a changed title, blocked inline script, and whether the text shows. */
async function inspect(page: Page) {
  return page.evaluate(() => ({
    injected: document.querySelectorAll("[data-xss]").length,
    title: document.title,
    violations: (window as unknown as { cspViolations: string[] }).cspViolations,
    shown: document.body.innerText.includes("ＸＳＳ"),
  }));
}

describe("XSS corpus", () => {
  it("shows every planted payload as inert text on every screen and print view, and exports it as data", async () => {
    const base = inject("baseUrl");
    const hq = await api("hq");
    const { incident, scenario, drill } = await plant(hq);

    const { page, context } = await signedIn(browser(), "hq", { width: 1366, height: 900 });
    // Any inline script or handler the page tries to run is refused by the CSP and counted here.
    await context.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });

    const screens = [
      "/",
      `/incidents/${incident.id}`,
      `/incidents/${incident.id}/checklists`,
      `/incidents/${incident.id}/relocation`,
      `/incidents/${incident.id}/drills`,
      `/incidents/${incident.id}/records`,
      `/wall/${incident.id}`,
      `/checklists/print/${incident.id}`,
      `/records/report/${incident.id}/1`,
      "/relocation",
      "/relocation/sites",
      "/relocation/hazard",
      "/drills",
      `/drills/${drill.id}`,
      "/drills/scenarios",
      `/drills/scenarios/${scenario.id}`,
      "/records",
      "/accounts",
    ];
    const found: string[] = [];
    let shownOn = 0;
    for (const screen of screens) {
      await page.goto(`${base}${screen}`);
      await page.waitForLoadState("networkidle");
      const seen = await inspect(page);
      if (seen.injected > 0) found.push(`${screen}: ${seen.injected} injected element(s)`);
      if (seen.title === "hacked") found.push(`${screen}: script ran`);
      if (seen.violations.length > 0) found.push(`${screen}: inline script attempted (${seen.violations.join("; ")})`);
      if (seen.shown) shownOn++;
    }
    await page.goto(`${base}/incidents/${incident.id}/relocation`);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `${SCREENSHOTS}/xss-relocation.png`, fullPage: true });
    expect(found).toEqual([]);
    expect(dialogs).toEqual([]);
    // The payloads were really there to be rendered: as text, on most screens.
    expect(shownOn).toBeGreaterThanOrEqual(12);

    // Exports: downloads, never documents a browser would run; the text kept as data, formulas neutralised.
    const exports = [
      `/api/incidents/${incident.id}/checklists.csv`,
      `/api/incidents/${incident.id}/timeline.csv`,
      `/api/incidents/${incident.id}/situation-reports/1/csv`,
      `/api/scenarios/${scenario.id}/export.csv`,
    ];
    for (const path of exports) {
      const res = await hq.raw(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toMatch(/^text\/csv/);
      expect(res.headers.get("content-disposition"), path).toMatch(/^attachment/);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      const text = await res.text();
      expect(text, path).toContain("ＸＳＳ試験");
      expect(text, path).not.toMatch(/(^|,)"?=HYPERLINK/m);
    }
    // The API's JSON carries the text verbatim and is never sniffed as HTML.
    const json = await hq.raw(`/api/incidents/${incident.id}`);
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    expect(json.headers.get("x-content-type-options")).toBe("nosniff");
    expect(((await json.json()) as { title: string }).title).toBe(PAYLOAD);
    await context.close();
  }, 180_000);
});

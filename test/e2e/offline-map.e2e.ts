import { describe, expect, inject, it } from "vitest";
import { SCREENSHOTS, signedIn, useBrowser } from "./browser";

const browser = useBrowser();

describe("the relocation map with no tiles and no network", () => {
  it("draws Kushiro's coast under the sites, names the city's sites without hovering, and credits the coast's source", async () => {
    const { context, page } = await signedIn(browser(), "hq", { width: 1366, height: 900 });
    try {
      context.setDefaultTimeout(20_000);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
      });
      const board = `${inject("baseUrl")}/incidents/${inject("drillId")}/relocation`;
      const openMap = async () => {
        await page.goto(board);
        await page.getByRole("tab", { name: /地図/ }).click();
        await page.locator(".leaflet-container").waitFor();
      };
      // Once online, so the console and the incident's reads are on the device; then no network at all.
      await openMap();
      await page.locator(".leaflet-coast-pane path").first().waitFor();
      await context.setOffline(true);
      await openMap();

      const map = page.getByTestId("relocation-map");
      // Land drawn from the build's coast file: one outline, with the sea around it.
      await map.locator(".leaflet-coast-pane path").first().waitFor();
      expect(await map.locator(".leaflet-coast-pane path").getAttribute("d")).toMatch(/^M[\d.-]+ [\d.-]+L/);
      // The city's own sites carry their names and status on the map, with nothing hovered.
      const labels = map.locator(".leaflet-tooltip.site-label");
      await labels.first().waitFor();
      const names = await labels.allTextContents();
      expect(names.length).toBeGreaterThanOrEqual(3);
      expect(names.join("\n")).toContain("上下水道部庁舎");
      expect(names.every((n) => /使用可|一部支障|使用不能/.test(n))).toBe(true);
      await expect.poll(() => map.locator(".leaflet-control-attribution").textContent()).toContain("Natural Earth");
      await map.screenshot({ path: `${SCREENSHOTS}/relocation-map-offline.png` });
    } finally {
      await context.close();
    }
  });
});

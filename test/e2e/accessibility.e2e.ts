import AxeBuilder from "@axe-core/playwright";
import { describe, expect, inject, it } from "vitest";
import { signedIn, useBrowser } from "./browser";

const browser = useBrowser();

const PAGES = [
  "{incident}/checklists",
  "{incident}/relocation",
  "{incident}/drills",
  "/checklists",
  "/checklists/readiness",
  "/checklists/templates",
  "/relocation",
  "/relocation/sites",
  "/relocation/hazard",
  "/drills",
  "/drills/scenarios",
];

describe("accessibility of every area's screens", () => {
  it("finds no serious or critical axe violations on the incident tabs and the area pages", async () => {
    const hq = await signedIn(browser(), "hq");
    const found: string[] = [];
    for (const path of PAGES) {
      await hq.page.goto(`${inject("baseUrl")}${path.replace("{incident}", `/incidents/${inject("drillId")}`)}`);
      await hq.page.waitForLoadState("networkidle");
      const { violations } = await new AxeBuilder({ page: hq.page }).analyze();
      for (const v of violations.filter((x) => x.impact === "serious" || x.impact === "critical")) {
        found.push(`${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      }
    }
    expect(found).toEqual([]);
    await hq.context.close();
  }, 300_000);
});

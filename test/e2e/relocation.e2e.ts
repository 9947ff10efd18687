import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { SCREENSHOTS, signedIn, useBrowser } from "./browser";

const browser = useBrowser();

const MOVES = ["上下水道災害対策本部の運営", "配水監視（テレメータ）", "応急給水の指揮・給水車配車"];

/** The state a function's card shows on a page's relocation board. */
const cardState = (page: Page, name: string) =>
  page.locator(".fn-card", { has: page.getByRole("heading", { name }) }).getAttribute("data-state");

describe("water & sewer HQ relocation on the seeded drill", () => {
  it("flags the building from an imported layer, moves three functions from a tablet while the HQ watches, refuses an illegal move, and flags then clears an unacknowledged report", async () => {
    const base = inject("baseUrl");
    const drill = `${base}/incidents/${inject("drillId")}/relocation`;
    const hq = await signedIn(browser(), "hq", { width: 1400, height: 950 });
    const water = await signedIn(browser(), "water", { width: 820, height: 1180 });

    // Unacknowledged reports are flagged after one minute in this run.
    const settings = await hq.page.evaluate(async () => {
      const current = await (await fetch("/api/relocation/settings")).json();
      const r = await fetch("/api/relocation/settings", {
        method: "PATCH",
        headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
        body: JSON.stringify({ version: current.version, liaisonAckMinutes: 1 }),
      });
      return r.status;
    });
    expect(settings).toBe(200);

    // The water & sewer HQ reports to the city HQ; nobody acknowledges it yet.
    await water.page.goto(drill);
    await water.page.getByRole("tab", { name: /連絡・報告/ }).click();
    // The compose box stands open for a unit's own staff.
    await water.page.getByLabel("宛先").selectOption("hq");
    const report = "上下水道部庁舎1階浸水のため、本部機能を代替拠点へ移転します。";
    await water.page.getByLabel("本文").fill(report);
    await water.page.getByRole("button", { name: "送信" }).click();
    const sentAt = Date.now();

    // Before any layer, the building reads 未判定 (unassessed), never "outside"; a layer then flags it.
    await hq.page.goto(`${base}/relocation/sites`);
    await hq.page.locator("tr", { hasText: "上下水道部庁舎" }).locator('[data-inundation="unassessed"]', { hasText: "未判定" }).first().waitFor({ timeout: 10_000 });
    await hq.page.goto(`${base}/relocation/hazard`);
    await hq.page.locator('input[type="file"]').setInputFiles("test/fixtures/relocation/kushiro-tsunami-a40.geojson");
    await hq.page.getByRole("button", { name: "取り込む" }).click();
    await hq.page.getByText("を取り込みました").waitFor({ timeout: 10_000 });
    await hq.page.goto(`${base}/relocation/sites`);
    const building = hq.page.locator("tr", { hasText: "上下水道部庁舎" }).locator('[data-inundation="true"]', { hasText: "浸水想定 1.0m以上2.0m未満" }).first();
    await building.waitFor({ timeout: 5_000 });

    // The HQ watches the board while the department moves three functions from a tablet.
    await hq.page.goto(drill);
    await water.page.getByRole("tab", { name: /移転ボード/ }).click();
    await water.page.getByRole("button", { name: "タブレット操作モード" }).click();
    for (const name of MOVES) {
      const card = water.page.locator(".fn-card", { has: water.page.getByRole("heading", { name }) });
      await card.getByRole("button", { name: /代替拠点へ移転開始/ }).click();
      await card.getByRole("button", { name: /を記録/ }).click();
      await expect.poll(() => cardState(hq.page, name), { timeout: 10_000 }).toBe("relocating");
      await card.getByRole("button", { name: /代替拠点で業務開始/ }).click();
      const reason = card.getByLabel("点検未充足のまま業務を開始する理由");
      if (await reason.count()) await reason.fill("衛星携帯で代替");
      await card.getByRole("button", { name: /を記録/ }).click();
      await expect.poll(() => cardState(hq.page, name), { timeout: 10_000 }).toBe("operational_at_alternate");
    }
    await water.page.screenshot({ path: `${SCREENSHOTS}/relocation-tablet.png`, fullPage: true });

    // The map draws from vector data alone (no tiles here) and shows the moved functions.
    await hq.page.getByRole("tab", { name: /地図/ }).click();
    await hq.page.locator(".leaflet-container").waitFor({ timeout: 10_000 });
    // Every site, hazard polygon and function line is a vector shape.
    await expect.poll(() => hq.page.locator(".leaflet-container svg path").count()).toBeGreaterThan(20);
    await hq.page.screenshot({ path: `${SCREENSHOTS}/relocation-map.png`, fullPage: true });

    // Straight back to the primary site without "returning" is illegal: refused, and nothing changes.
    const illegal = await water.page.evaluate(async (incidentId) => {
      const board = await (await fetch(`/api/incidents/${incidentId}/relocation`)).json();
      const fn = board.rows.find((r: { state: string }) => r.state === "operational_at_alternate");
      const r = await fetch(`/api/incidents/${incidentId}/relocation/${fn.functionId}/transitions`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
        body: JSON.stringify({ to: "at_primary", version: fn.version }),
      });
      const after = await (await fetch(`/api/incidents/${incidentId}/relocation`)).json();
      const still = after.rows.find((r: { functionId: string }) => r.functionId === fn.functionId);
      return { status: r.status, code: (await r.json()).error?.code, state: still.state };
    }, inject("drillId"));
    expect(illegal).toEqual({ status: 409, code: "illegal_transition", state: "operational_at_alternate" });

    // After a minute the report is flagged on the HQ's screen; acknowledging clears it.
    await hq.page.getByRole("tab", { name: /連絡・報告/ }).click();
    await hq.page.waitForTimeout(Math.max(0, sentAt + 62_000 - Date.now()));
    const flagged = hq.page.getByTestId("liaison-flagged");
    await flagged.getByText(report).waitFor({ timeout: 20_000 });
    await hq.page.screenshot({ path: `${SCREENSHOTS}/relocation-liaison-flagged.png`, fullPage: true });
    const message = hq.page.locator("li.thread", { hasText: report }).first();
    await message.getByRole("button", { name: "受領確認" }).click();
    await expect.poll(() => flagged.getByText(report).count(), { timeout: 5_000 }).toBe(0);
    await hq.context.close();
    await water.context.close();
  }, 180_000);
});

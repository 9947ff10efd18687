import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { SCREENSHOTS, signedIn, useBrowser } from "./browser";

const browser = useBrowser();

/** One write through the signed-in page's own session, as its console would send it. */
const send = (page: Page, method: string, path: string, body: unknown) =>
  page.evaluate(
    async ([m, p, b]) => {
      const r = await fetch(p as string, { method: m as string, headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() }, body: JSON.stringify(b) });
      return { status: r.status, body: await r.json() };
    },
    [method, path, body] as const,
  );

describe("what the HQ reads", () => {
  it("the chronology names the function, the message with its priority and both units, and people by name, under the day's date", async () => {
    const base = inject("baseUrl");
    const hq = await signedIn(browser(), "hq", { width: 1366, height: 900 });
    const water = await signedIn(browser(), "water", { width: 820, height: 1180 });
    const opened = await send(hq.page, "POST", "/api/incidents", { title: `クロノロジー確認 ${Date.now()}`, kind: "drill", hazard: "tsunami", onsetAt: new Date().toISOString() });
    expect(opened.status).toBe(201);
    const id = opened.body.data.id as string;
    await hq.page.goto(`${base}/incidents/${id}`);
    await hq.page.getByRole("status").getByText("ライブ").waitFor();

    const moved = await send(water.page, "POST", `/api/incidents/${id}/relocation/fn-monitoring/transitions`, { to: "relocating", version: 0, staffPresent: 2 });
    expect(moved.status).toBe(200);
    const body = "愛国浄水場の発電機が起動しません。";
    expect((await send(water.page, "POST", `/api/incidents/${id}/liaison`, { kind: "report", priority: "urgent", toUnitId: "hq", body })).status).toBe(201);

    const timeline = hq.page.getByTestId("timeline");
    const message = timeline.locator("li", { hasText: body });
    await message.waitFor();
    await expect(message.locator(".badge").innerText()).resolves.toBe("至急");
    await expect(message.innerText()).resolves.toContain("上下水道部 → 災害対策本部");
    // The move reads once, by the function's name and where it goes.
    const move = timeline.locator("li", { hasText: "配水監視（テレメータ）" });
    await expect(move.count()).resolves.toBe(1);
    await expect(move.innerText()).resolves.toMatch(/移動記録 登録 配水監視（テレメータ）：本来庁舎で業務中 → 移転中（.+）/);
    // The day stands above the day's entries; nobody is named by an id.
    await expect(timeline.locator(".tl-day").first().innerText()).resolves.toMatch(/^\d{4}年\d{1,2}月\d{1,2}日\([日月火水木金土]\)$/);
    const text = await timeline.innerText();
    expect(text).toContain("上下水道部 鈴木");
    expect(text).not.toMatch(/user-|fn-|更新者/);
    await timeline.screenshot({ path: `${SCREENSHOTS}/chronology-hq-1366.png` });
    await hq.context.close();
    await water.context.close();
  });

  it("the map flags every function that is past its target and not working, in words beside the map, as the board does", async () => {
    const base = inject("baseUrl");
    const hq = await signedIn(browser(), "hq");
    const water = await signedIn(browser(), "water", { width: 820, height: 1180 });
    // Onset two days ago; two functions whose 1 h / 3 h targets passed long ago are still on the move.
    const onsetAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const opened = await send(hq.page, "POST", "/api/incidents", { title: `地図の遅延確認 ${Date.now()}`, kind: "drill", hazard: "tsunami", onsetAt });
    expect(opened.status).toBe(201);
    const id = opened.body.data.id as string;
    for (const fn of ["fn-monitoring", "fn-supply"]) {
      expect((await send(water.page, "POST", `/api/incidents/${id}/relocation/${fn}/transitions`, { to: "relocating", version: 0 })).status).toBe(200);
    }
    await water.page.goto(`${base}/incidents/${id}/relocation`);
    await water.page.locator(".fn-card.overdue").first().waitFor();
    const lateOnBoard = await water.page.locator(".fn-card.overdue").count();
    expect(lateOnBoard).toBeGreaterThanOrEqual(2);

    await water.page.getByRole("tab", { name: "地図" }).click();
    const late = water.page.getByTestId("map-late");
    await late.waitFor();
    await expect(late.innerText()).resolves.toContain(`目標時間超過 ${lateOnBoard}業務`);
    await expect(late.locator("li").count()).resolves.toBe(lateOnBoard);
    await expect(late.innerText()).resolves.toMatch(/配水監視（テレメータ）：目標 .+ 超過/);
    // Labelled on the map itself too, not only on hover.
    await expect(water.page.locator(".leaflet-tooltip.fn-late-label").count()).resolves.toBe(lateOnBoard);
    await water.page.screenshot({ path: `${SCREENSHOTS}/map-late-820.png` });
    await hq.context.close();
    await water.context.close();
  });
});

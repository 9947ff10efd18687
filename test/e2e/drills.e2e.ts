import { describe, expect, inject, it } from "vitest";
import { SCREENSHOTS, signedIn, useBrowser } from "./browser";

const browser = useBrowser();

// Tag, colour button, and the seeded key: T-08 has no radial pulse (red), so yellow is under-triage.
const TAGS = [
  ["T-01", "緑"],
  ["T-05", "赤"],
  ["T-06", "黒"],
  ["T-04", "黄"],
  ["T-08", "黄"],
] as const;

describe("a hospital triage drill", () => {
  it("is planned, tagged on a tablet while the HQ watches the counts live, scored at the end, reported and its overdue action flagged", async () => {
    const base = inject("baseUrl");
    const coordinator = await signedIn(browser(), "hospital");
    await coordinator.page.goto(`${base}/drills/new`);
    await coordinator.page.waitForSelector("select[name=scenarioId] option", { state: "attached" });
    await coordinator.page.selectOption("select[name=scenarioId]", "seed-tsunami-kushiro");
    await coordinator.page.locator(".person-row input").first().fill("佐藤医師");
    await coordinator.page.getByRole("button", { name: "計画を登録" }).click();
    await coordinator.page.waitForURL(/\/drills\/[0-9a-f-]{36}$/);
    const drillUrl = coordinator.page.url();
    await coordinator.page.getByRole("button", { name: /訓練開始/ }).click();
    // No HQ screen has the drill open yet: the board says so instead of claiming delivery.
    await coordinator.page.locator(".hq-pending", { hasText: "本部の画面が開かれていません" }).waitFor({ timeout: 10_000 });

    const hq = await signedIn(browser(), "hq");
    await hq.page.goto(drillUrl);
    await hq.page.getByTestId("count-untagged").first().getByText("30").waitFor();

    const tablet = await signedIn(browser(), "hospital", { width: 1280, height: 800 });
    await tablet.page.goto(`${drillUrl}/tag`);
    await tablet.page.waitForSelector(".casualty-btn");
    for (const [tag, colour] of TAGS) {
      await tablet.page.getByRole("button", { name: new RegExp(`^${tag}`) }).click();
      await tablet.page.locator(".colour-btn", { hasText: colour }).click();
      await tablet.page.waitForSelector(".ok-msg");
    }
    await tablet.page.screenshot({ path: `${SCREENSHOTS}/drill-tablet.png` });
    // The HQ's counts follow within a moment, and equal what was tagged.
    await hq.page.getByTestId("count-untagged").first().getByText("25").waitFor({ timeout: 10_000 });
    expect(await hq.page.getByTestId("count-red").first().textContent()).toBe("1");
    expect(await hq.page.getByTestId("count-yellow").first().textContent()).toBe("2");
    await hq.page.screenshot({ path: `${SCREENSHOTS}/drill-hq-board.png`, fullPage: true });
    // The HQ console acknowledged what it applied: the coordinator now sees every tag reached it.
    await coordinator.page.locator(".hq-pending", { hasText: "タッグはすべて本部の画面に届いています" }).waitFor({ timeout: 10_000 });

    coordinator.page.on("dialog", (d) => void d.accept());
    await coordinator.page.reload();
    await coordinator.page.getByRole("button", { name: /訓練終了/ }).click();
    await coordinator.page.waitForTimeout(1000);
    await coordinator.page.goto(`${drillUrl}/score`);
    await coordinator.page.waitForSelector(".matrix");
    // 4 of the 5 tagged right; one red tagged yellow, the dangerous error; 5 of 30 reached.
    expect(await coordinator.page.getByTestId("accuracy").textContent()).toMatch(/80\.0/);
    expect(await coordinator.page.getByTestId("under").textContent()).toMatch(/20\.0/);
    expect(await coordinator.page.getByTestId("coverage").textContent()).toMatch(/16\.7/);
    await coordinator.page.screenshot({ path: `${SCREENSHOTS}/drill-score.png`, fullPage: true });

    await coordinator.page.goto(`${drillUrl}/report`);
    await coordinator.page.waitForSelector(".aar");
    await coordinator.page.locator("input[name=capability]").fill("情報収集・伝達");
    await coordinator.page.locator("input[name=issue]").fill("本部への伝達が遅い");
    await coordinator.page.locator("input[name=action]").fill("伝令手順の見直し");
    await coordinator.page.locator("input[name=owner]").fill("総務課 山田");
    await coordinator.page.locator("input[name=dueDate]").fill("2026-01-31");
    await coordinator.page.getByRole("button", { name: /改善措置を追加/ }).last().click();
    await coordinator.page.waitForSelector(".overdue-row");
    await coordinator.page.emulateMedia({ media: "print" });
    await coordinator.page.screenshot({ path: `${SCREENSHOTS}/drill-report-print.png`, fullPage: true });
    await coordinator.page.emulateMedia({ media: "screen" });

    // Later, the HQ's overview flags the overdue corrective action.
    await hq.page.goto(`${base}/incidents/${inject("drillId")}`);
    await hq.page.getByText("伝令手順の見直し").waitFor({ timeout: 5_000 });
    for (const s of [coordinator, hq, tablet]) await s.context.close();
  }, 120_000);
});

import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { launch, SCREENSHOTS, signedIn, useBrowser } from "./browser";

const browser = useBrowser();

type Change = { seq: number; entityType: string; after: unknown };

/** The phases as the console names them. */
const PHASE: Record<string, string> = { warning: "警戒", initial: "発災", emergency: "応急", recovery: "復旧" };

/** The stream's change log as the server has it (read with the page's own session). */
async function changesAfter(page: Page, id: string, after: number): Promise<Change[]> {
  return page.evaluate(
    async ([id, after]) => ((await (await fetch(`/api/incidents/${id}/changes?after=${after}&limit=1000`)).json()) as { items: Change[] }).items,
    [id, after] as const,
  );
}

/** Waits until the service worker controls the page, then loads the incident so its reads are kept. */
async function openWithServiceWorker(page: Page, url: string) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
  });
  await page.goto(url);
  await page.getByRole("status").getByText("ライブ").waitFor({ timeout: 20_000 });
}

describe("the console offline", () => {
  it("keeps three changes made offline through a reload and a second tab, and commits each exactly once when back online", async () => {
    const id = inject("drillId");
    const drill = `${inject("baseUrl")}/incidents/${id}`;
    const hq = await signedIn(browser(), "hq");
    // Another person, on another machine: a browser of its own.
    const elsewhere = await launch();
    try {
      const viewer = await signedIn(elsewhere, "viewer");
      for (const c of [hq.context, viewer.context]) c.setDefaultTimeout(20_000);
      await openWithServiceWorker(hq.page, drill);
      await viewer.page.goto(drill);
      const title = (await hq.page.getByRole("heading", { level: 1 }).textContent())!;
      const baseline = Math.max(...(await changesAfter(hq.page, id, 0)).map((c) => c.seq), 0);
      const phase = await hq.page.getByLabel("フェーズ").inputValue();
      const nextPhase = phase === "recovery" ? "emergency" : "recovery";
      const posture = await hq.page.getByLabel("配備体制").inputValue();
      const nextPosture = posture === "emergency" ? "warning" : "emergency";
      const finalPhase = ["initial", "emergency", "recovery"].find((p) => p !== phase && p !== nextPhase)!;

      await hq.context.setOffline(true);
      await hq.page.getByTestId("offline-as-of").getByText(/オフライン — \d\d:\d\d 時点（#\d+）/).waitFor();
      await hq.page.getByLabel("フェーズ").selectOption(nextPhase);
      await hq.page.getByRole("button", { name: /送信待ち 1件/ }).waitFor();
      await hq.page.getByLabel("配備体制").selectOption(nextPosture);
      await hq.page.getByRole("button", { name: /送信待ち 2件/ }).waitFor();
      // The third follows on from the first: this device's own edits are not a conflict with each other.
      await hq.page.getByLabel("フェーズ").selectOption(finalPhase);
      await hq.page.getByRole("button", { name: /送信待ち 3件/ }).waitFor();

      // A reload with no network still opens the incident, says how old it is, and keeps the queue.
      await hq.page.goto(drill);
      await hq.page.getByRole("heading", { level: 1, name: title }).waitFor();
      await hq.page.getByTestId("offline-as-of").getByText(/オフライン — \d\d:\d\d 時点（#\d+）/).waitFor();
      await hq.page.getByRole("button", { name: /送信待ち 3件/ }).waitFor();
      await hq.page.screenshot({ path: `${SCREENSHOTS}/offline-reload.png` });
      // So does a second tab opened offline: one queue for the whole browser.
      const second = await hq.context.newPage();
      await second.goto(drill);
      await second.getByRole("heading", { level: 1, name: title }).waitFor();
      await second.getByRole("button", { name: /送信待ち 3件/ }).waitFor();
      expect((await changesAfter(viewer.page, id, baseline)).length).toBe(0);

      // Back online, both tabs try to send; the lock lets one of them, once.
      await hq.context.setOffline(false);
      await second.evaluate(() => dispatchEvent(new Event("online")));
      await expect.poll(() => viewer.page.getByLabel("フェーズ").inputValue(), { timeout: 30_000 }).toBe(finalPhase);
      await expect.poll(() => viewer.page.getByLabel("配備体制").inputValue(), { timeout: 30_000 }).toBe(nextPosture);
      for (const p of [hq.page, second]) await expect.poll(() => p.getByRole("button", { name: /送信待ち/ }).count(), { timeout: 30_000 }).toBe(0);
      const after = await changesAfter(viewer.page, id, baseline);
      // Exactly the three, each once, in the order they were made.
      const states = after.map((c) => c.after as { phase: string; posture: string | null });
      expect(after.map((c) => c.entityType)).toEqual(["incident", "incident", "incident"]);
      expect(states.map((s) => [s.phase, s.posture])).toEqual([
        [nextPhase, posture || null],
        [nextPhase, nextPosture],
        [finalPhase, nextPosture],
      ]);
      await second.close();
      await viewer.context.close();
    } finally {
      await hq.context.close();
      await elsewhere.close();
    }
  });

  it("the incident list opened offline says it is this device's last copy, and from when", async () => {
    const { context, page } = await signedIn(browser(), "hq");
    try {
      context.setDefaultTimeout(20_000);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
      });
      const since = new Date().toISOString();
      await page.goto(inject("baseUrl"));
      const list = page.getByTestId("incident-list");
      await list.getByRole("listitem").first().waitFor();
      // The list came from the server over a live link (and through the service worker, which keeps it).
      await page.waitForFunction((since) => (localStorage.getItem("keizoku.synced.incidents") ?? "") > since, since);
      const titles = await list.locator(".incident-title").allTextContents();
      expect(await page.getByTestId("list-offline").count()).toBe(0);
      await context.setOffline(true);
      await page.reload();
      await page.getByTestId("list-offline").getByText(/オフライン — \d{4}年\d{1,2}月\d{1,2}日.* \d\d:\d\d JST 時点の一覧/).waitFor();
      expect(await list.locator(".incident-title").allTextContents()).toEqual(titles);
      await page.screenshot({ path: `${SCREENSHOTS}/offline-incident-list.png` });
    } finally {
      await context.close();
    }
  });

  it("a change someone else made first comes back as a conflict the person settles in the outbox", async () => {
    const id = inject("drillId");
    const drill = `${inject("baseUrl")}/incidents/${id}`;
    const mine = await signedIn(browser(), "hq");
    const elsewhere = await launch();
    try {
      const theirs = await signedIn(elsewhere, "hq");
      for (const c of [mine.context, theirs.context]) c.setDefaultTimeout(20_000);
      await openWithServiceWorker(mine.page, drill);
      await theirs.page.goto(drill);
      await theirs.page.getByRole("status").getByText("ライブ").waitFor({ timeout: 20_000 });
      const phase = await mine.page.getByLabel("フェーズ").inputValue();
      const myPhase = phase === "initial" ? "emergency" : "initial";
      const theirPhase = phase === "warning" ? "recovery" : "warning";

      await mine.context.setOffline(true);
      await mine.page.getByTestId("offline-as-of").waitFor();
      await mine.page.getByLabel("フェーズ").selectOption(myPhase);
      await mine.page.getByRole("button", { name: /送信待ち 1件/ }).waitFor();
      await theirs.page.getByLabel("フェーズ").selectOption(theirPhase);
      await expect.poll(() => theirs.page.getByLabel("フェーズ").inputValue()).toBe(theirPhase);

      await mine.context.setOffline(false);
      await mine.page.evaluate(() => dispatchEvent(new Event("online")));
      await mine.page.getByRole("button", { name: /競合 1件/ }).click({ timeout: 30_000 });
      const conflict = mine.page.getByTestId("outbox-conflict");
      // In people's words: the incident by its name, the field and both values as the screens say them.
      await conflict.getByText(/災害・訓練「.+」/).waitFor();
      const row = conflict.getByRole("row", { name: /フェーズ/ });
      await row.getByRole("cell", { name: PHASE[myPhase], exact: true }).waitFor();
      await row.getByRole("cell", { name: PHASE[theirPhase], exact: true }).waitFor();
      expect(await conflict.textContent()).not.toMatch(/phase|\/api\//);
      await mine.page.screenshot({ path: `${SCREENSHOTS}/outbox-conflict.png` });
      // Nothing was overwritten silently: their change stands until the person decides.
      expect(await theirs.page.getByLabel("フェーズ").inputValue()).toBe(theirPhase);
      await conflict.getByRole("button", { name: "自分の変更で上書き" }).click();
      await expect.poll(() => theirs.page.getByLabel("フェーズ").inputValue(), { timeout: 30_000 }).toBe(myPhase);
      await expect.poll(() => mine.page.getByRole("button", { name: /競合|送信待ち/ }).count(), { timeout: 30_000 }).toBe(0);
      await theirs.context.close();
    } finally {
      await mine.context.close();
      await elsewhere.close();
    }
  });
});

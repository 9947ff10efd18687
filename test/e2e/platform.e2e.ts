import AxeBuilder from "@axe-core/playwright";
import { describe, expect, inject, it } from "vitest";
import { SCREENSHOTS, signedIn, useBrowser } from "./browser";

const browser = useBrowser();

describe("two consoles on one incident", () => {
  // Arrival is the behaviour; how fast is the bench's business (bench/live.mjs), so the wait is generous.
  it("shows a change made in one browser in the other's chronology without a reload", async () => {
    const hq = await signedIn(browser(), "hq");
    const water = await signedIn(browser(), "water");
    const drill = `/incidents/${inject("drillId")}`;
    await hq.page.goto(`${inject("baseUrl")}${drill}`);
    await water.page.goto(`${inject("baseUrl")}${drill}`);
    for (const p of [hq.page, water.page]) await p.getByRole("status").getByText("ライブ").waitFor();

    const LABEL = { warning: "警戒", initial: "発災", emergency: "応急", recovery: "復旧" } as const;
    const from = (await hq.page.getByLabel("フェーズ").inputValue()) as keyof typeof LABEL;
    const to = from === "emergency" ? "recovery" : "emergency";

    await hq.page.getByLabel("フェーズ").selectOption(to);
    const entry = water.page.getByTestId("timeline").locator("li", { hasText: `${LABEL[from]} → ${LABEL[to]}` }).first();
    await entry.waitFor({ timeout: 10_000 });
    // The same transition may already stand in the chronology from an earlier test, so wait for the select itself.
    await expect.poll(() => water.page.getByLabel("フェーズ").inputValue(), { timeout: 10_000 }).toBe(to);
    await water.page.screenshot({ path: `${SCREENSHOTS}/two-consoles-water.png`, fullPage: true });
    await hq.context.close();
    await water.context.close();
  });

  it("takes changes on a live socket that declined the browser's offer of compression", async () => {
    const water = await signedIn(browser(), "water");
    const incident = inject("drillId");
    const body = `非圧縮の確認 ${Date.now()}`;
    const seen = await water.page.evaluate(
      async ({ incident, body }) => {
        const ws = new WebSocket(`${location.origin.replace(/^http/, "ws")}/api/incidents/${incident}/live`);
        await new Promise((resolve, reject) => {
          ws.onopen = resolve;
          ws.onerror = () => reject(new Error("live socket refused"));
        });
        const arrived = new Promise<boolean>((resolve) => {
          ws.onmessage = (e) => {
            const m = JSON.parse(e.data);
            if (m.type === "changes" && m.changes.some((ch: { after?: { body?: string } }) => ch.after?.body === body)) resolve(true);
          };
          setTimeout(() => resolve(false), 10_000);
        });
        const res = await fetch(`/api/incidents/${incident}/liaison`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
          body: JSON.stringify({ kind: "report", priority: "normal", toUnitId: "hq", body }),
        });
        const result = { extensions: ws.extensions, status: res.status, arrived: await arrived };
        ws.close();
        return result;
      },
      { incident, body },
    );
    // Chromium offers permessage-deflate; the room declines it, and the handshake and frames still work.
    expect(seen).toEqual({ extensions: "", status: 201, arrived: true });
    await water.context.close();
  });

  it("puts an incident created in one browser on the other's list without a reload", async () => {
    const hq = await signedIn(browser(), "hq");
    const viewer = await signedIn(browser(), "viewer");
    await hq.page.getByRole("button", { name: /災害・訓練を登録/ }).click();
    await hq.page.getByLabel("名称").fill("釧路川 氾濫警戒（訓練）");
    await hq.page.getByLabel("災害種別").selectOption("flood");
    await hq.page.getByRole("button", { name: "登録する" }).click();
    await hq.page.getByRole("heading", { name: "釧路川 氾濫警戒（訓練）" }).waitFor();
    await viewer.page.getByTestId("incident-list").getByText("釧路川 氾濫警戒（訓練）").waitFor({ timeout: 10_000 });
    // A viewer reads but is not offered writes.
    await expect(viewer.page.getByRole("button", { name: /災害・訓練を登録/ }).count()).resolves.toBe(0);
    await hq.context.close();
    await viewer.context.close();
  });

  it("has no serious accessibility violations on the list and the incident page, in Japanese and English", async () => {
    const hq = await signedIn(browser(), "hq");
    const serious = async () =>
      (await new AxeBuilder({ page: hq.page }).analyze()).violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(await serious()).toEqual([]);
    await hq.page.goto(`${inject("baseUrl")}/incidents/${inject("drillId")}`);
    await hq.page.getByRole("status").getByText("ライブ").waitFor();
    expect(await serious()).toEqual([]);
    await hq.page.getByRole("button", { name: "English" }).click();
    await hq.page.getByRole("status").getByText("Live").waitFor();
    expect(await serious()).toEqual([]);
    await hq.page.screenshot({ path: `${SCREENSHOTS}/incident-en.png`, fullPage: true });
    await hq.context.close();
  });
});

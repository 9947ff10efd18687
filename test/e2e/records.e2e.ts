import { describe, expect, inject, it } from "vitest";
import { SCREENSHOTS, signedIn, useBrowser } from "./browser";

const browser = useBrowser();
const SIZE = { width: 1366, height: 900 };

describe("HQ records", () => {
  it("produces 第N報, reopens it unchanged after later changes, and prints it", async () => {
    const hq = await signedIn(browser(), "hq", SIZE);
    const base = inject("baseUrl");
    const id = inject("drillId");
    await hq.page.goto(`${base}/incidents/${id}/records`);
    await hq.page.getByRole("status").getByText("ライブ").waitFor();
    await hq.page.getByLabel("概要（報告者記入）").fill("沿岸部に大津波警報。上下水道部は愛国浄水場へ機能移転中。");
    await hq.page.getByRole("button", { name: /第\d+報を作成/ }).click();
    const list = hq.page.getByTestId("situation-reports");
    await list.locator("li").first().waitFor();
    await hq.page.screenshot({ path: `${SCREENSHOTS}/records-reports-1366.png` });

    await list.locator("li").first().getByRole("link", { name: "開く・印刷" }).click();
    const print = hq.page.getByTestId("report-print");
    await print.getByRole("heading", { name: /状況報告 第\d+報/ }).waitFor();
    const before = await print.innerText();
    expect(before).toContain("2 配備体制");
    expect(before).toContain("5 上下水道部の庁舎機能と応急給水");
    await hq.page.screenshot({ path: `${SCREENSHOTS}/records-report-1366.png`, fullPage: true });
    await hq.page.emulateMedia({ media: "print" });
    await hq.page.screenshot({ path: `${SCREENSHOTS}/records-report-print.png`, fullPage: true });
    await hq.page.emulateMedia({ media: "screen" });

    // The incident moves on; the stored report reads exactly as before.
    const url = hq.page.url();
    await hq.page.goto(`${base}/incidents/${id}`);
    const phase = hq.page.getByLabel("フェーズ");
    await phase.selectOption((await phase.inputValue()) === "recovery" ? "emergency" : "recovery");
    await hq.page.goto(url);
    await print.getByRole("heading", { name: /状況報告 第\d+報/ }).waitFor();
    expect(await print.innerText()).toBe(before);
    await hq.context.close();
  });

  it("searches the timeline on the server, by unit and words, with before → after by name", async () => {
    const hq = await signedIn(browser(), "hq", SIZE);
    await hq.page.goto(`${inject("baseUrl")}/incidents/${inject("drillId")}/records`);
    await hq.page.getByRole("button", { name: "タイムライン検索" }).click();
    const results = hq.page.getByTestId("timeline-results");
    await results.locator("li").first().waitFor();
    await hq.page.locator("select[name=unitId]").selectOption("hq");
    await hq.page.getByRole("button", { name: "検索", exact: true }).click();
    await hq.page.getByRole("status").filter({ hasText: "件中" }).waitFor();
    await hq.page.screenshot({ path: `${SCREENSHOTS}/records-timeline-1366.png` });
    const text = await results.innerText();
    expect(text).not.toMatch(/user-hq/);
    // In English the console's own words (record type, operation) are English; what people typed stays as typed.
    await hq.page.getByRole("button", { name: "English" }).click();
    await results.getByText(/Report No\. \d+/).first().waitFor();
    expect(await results.innerText()).not.toMatch(/第\d+報|タッグ|項目）|［(報告|指示|要請)］/);
    await hq.page.screenshot({ path: `${SCREENSHOTS}/records-timeline-en-1366.png` });
    await hq.context.close();
  });

  it("closes an incident: every write is refused with a clear message, and it is found in the archive", async () => {
    const hq = await signedIn(browser(), "hq", SIZE);
    const base = inject("baseUrl");
    const title = `アーカイブ確認用 訓練 ${Date.now()}`;
    const id = await hq.page.evaluate(async (t) => {
      const post = (path: string, method: string, body: unknown) =>
        fetch(path, { method, headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() }, body: JSON.stringify(body) }).then((r) => r.json());
      const made = await post("/api/incidents", "POST", { title: t, kind: "drill", hazard: "flood", onsetAt: new Date(Date.now() - 3_600_000).toISOString() });
      return made.data.id as string;
    }, title);
    await hq.page.goto(`${base}/incidents/${id}`);
    hq.page.once("dialog", (d) => void d.accept());
    await hq.page.getByRole("button", { name: "終了する" }).click();
    await hq.page.getByText(/に終了しました。記録は閲覧のみです。/).waitFor();
    await expect(hq.page.getByLabel("フェーズ").isDisabled()).resolves.toBe(true);
    await hq.page.screenshot({ path: `${SCREENSHOTS}/records-closed-1366.png` });

    const refused = await hq.page.evaluate(async (incidentId) => {
      const res = await fetch(`/api/incidents/${incidentId}/liaison`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
        body: JSON.stringify({ kind: "order", priority: "normal", toUnitId: "water", body: "終了後の指示" }),
      });
      return { status: res.status, body: await res.json() };
    }, id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("incident_closed");

    await hq.page.goto(`${base}/records`);
    await hq.page.getByLabel("名称").fill("アーカイブ確認用");
    await hq.page.getByLabel("災害種別").selectOption("flood");
    await hq.page.getByRole("button", { name: "検索" }).click();
    await hq.page.getByTestId("archive").getByRole("link", { name: title }).waitFor();
    await hq.page.screenshot({ path: `${SCREENSHOTS}/records-archive-1366.png` });
    await hq.context.close();
  });

  it("shows readiness across units and its print view", async () => {
    const hq = await signedIn(browser(), "hq", SIZE);
    await hq.page.goto(`${inject("baseUrl")}/records/readiness`);
    const table = hq.page.getByTestId("readiness-units");
    await table.locator("tbody tr").first().waitFor();
    expect(await table.locator("tbody tr").count()).toBe(20);
    await hq.page.screenshot({ path: `${SCREENSHOTS}/records-readiness-1366.png` });
    await hq.page.emulateMedia({ media: "print" });
    await hq.page.screenshot({ path: `${SCREENSHOTS}/records-readiness-print.png`, fullPage: true });
    await hq.context.close();
  });

  it("shows a relocation drill's review once it closes, with the trend and an improvement plan", async () => {
    const hq = await signedIn(browser(), "hq", SIZE);
    const base = inject("baseUrl");
    const id = await hq.page.evaluate(async () => {
      const call = (path: string, method: string, body: unknown) =>
        fetch(path, { method, headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() }, body: JSON.stringify(body) }).then((r) => r.json());
      const made = await call("/api/incidents", "POST", { title: "上下水道部 庁舎機能移転訓練", kind: "drill", hazard: "tsunami", onsetAt: new Date(Date.now() - 45 * 60_000).toISOString() });
      const incidentId = made.data.id as string;
      await call(`/api/incidents/${incidentId}/relocation/fn-supply/transitions`, "POST", { to: "relocating", version: 0, staffPresent: 4 });
      await call(`/api/incidents/${incidentId}/relocation/fn-supply/transitions`, "POST", { to: "operational_at_alternate", version: 1, staffPresent: 10, overrideReason: "携帯回線で代替" });
      await call(`/api/incidents/${incidentId}`, "PATCH", { version: 1, status: "closed" });
      return incidentId;
    });
    await hq.page.goto(`${base}/incidents/${id}/records`);
    await hq.page.getByRole("button", { name: "訓練の振り返り" }).click();
    const review = hq.page.getByTestId("relocation-review");
    await review.getByText("応急給水の指揮・給水車配車").waitFor();
    await review.getByLabel("対象の能力").fill("代替拠点の準備");
    await review.getByLabel("課題", { exact: true }).fill("給水車基地の端末が起動しない");
    await review.getByLabel("改善策").fill("端末の月次起動点検を追加");
    await review.getByLabel("担当者").fill("上下水道部 鈴木");
    await review.getByLabel("担当組織").fill("上下水道部 総務課");
    await review.getByLabel("期限").fill("2027-01-31");
    await review.getByRole("button", { name: "改善事項を追加" }).click();
    await review.getByTestId("review-actions").getByText(/給水車基地の端末が起動しない/).waitFor();
    await hq.page.screenshot({ path: `${SCREENSHOTS}/records-review-1366.png`, fullPage: true });
    await hq.page.emulateMedia({ media: "print" });
    await hq.page.screenshot({ path: `${SCREENSHOTS}/records-review-print.png`, fullPage: true });
    await hq.context.close();
  });
});

import type { WebSocketRoute } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { SCREENSHOTS, signedIn, useBrowser } from "./browser";

const browser = useBrowser();

describe("the wall display while the server fails", () => {
  it("keeps its DOM from growing while every read and the live link fail, and comes back when the server does", async () => {
    const base = inject("baseUrl");
    const id = inject("drillId");
    const wall = await signedIn(browser(), "hq", { width: 1920, height: 1080 });
    // The server "fails" from the wall's side: every API answer a 503, every live link cut at once.
    let failing = false;
    const sockets: WebSocketRoute[] = [];
    await wall.context.route("**/api/**", (route) =>
      failing ? route.fulfill({ status: 503, contentType: "application/json", body: '{"error":{"code":"unavailable","message":"down"}}' }) : route.continue(),
    );
    await wall.context.routeWebSocket(/\/api\/.*live/, (ws) => {
      sockets.push(ws);
      if (failing) void ws.close();
      else ws.connectToServer();
    });
    await wall.page.goto(`${base}/wall/${id}`);
    await wall.page.locator("[data-testid=wall] [data-testid=attention-queue][data-seq]").waitFor({ timeout: 20_000 });
    await wall.page.locator("[data-testid=wall] .conn-live").waitFor({ timeout: 20_000 });
    const cdp = await wall.context.newCDPSession(wall.page);
    const nodes = async () => {
      await cdp.send("HeapProfiler.collectGarbage");
      return (await cdp.send("Memory.getDOMCounters")).nodes;
    };

    failing = true;
    for (const ws of sockets) await ws.close().catch(() => {});
    await wall.page.locator("[data-testid=wall] .conn:not(.conn-live)").waitFor({ timeout: 20_000 });
    // The failure shows once: the link reconnecting, and the picture's re-read (every 30 s) failed.
    await wall.page.locator("[data-testid=wall] [data-testid=attention-queue] [role=alert]").waitFor({ timeout: 45_000 });
    const start = await nodes();
    // Another failed re-read and many failed reconnect attempts later, nothing has been added.
    await wall.page.waitForTimeout(32_000);
    const end = await nodes();
    await wall.page.screenshot({ path: `${SCREENSHOTS}/wall-failing-1920x1080.png` });
    console.log(`wall DOM nodes while the server fails: ${start} → ${end}`);
    expect(end, `DOM nodes ${start} → ${end} while failing`).toBeLessThanOrEqual(start);

    // The server answers again: the wall goes live and shows the picture without a reload.
    failing = false;
    await wall.page.locator("[data-testid=wall] .conn-live").waitFor({ timeout: 60_000 });
    await wall.page.locator("[data-testid=wall] [data-testid=attention-queue][data-seq] .attention-entry").first().waitFor({ timeout: 30_000 });
    await wall.context.close();
  }, 180_000);
});

import { rmSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
// @ts-expect-error plain ESM helper shared with `npm start`
import { prepareDatabase, startServer } from "../../scripts/local.mjs";
// @ts-expect-error plain ESM helper
import { portIsFree } from "../../scripts/port-holder.mjs";
import { SCREENSHOTS, sidePort, signedIn, until, useBrowser } from "./browser";

const browser = useBrowser();

describe("failing networks", () => {
  it("queues a write made offline on the device and sends it when the link returns", async () => {
    const hq = await signedIn(browser(), "hq");
    const viewer = await signedIn(browser(), "viewer");
    const drill = `${inject("baseUrl")}/incidents/${inject("drillId")}`;
    await hq.page.goto(drill);
    await viewer.page.goto(drill);
    for (const p of [hq.page, viewer.page]) await p.getByRole("status").getByText("ライブ").waitFor();
    const phase = await hq.page.getByLabel("フェーズ").inputValue();
    const next = phase === "recovery" ? "initial" : "recovery";

    await hq.context.setOffline(true);
    await hq.page.getByRole("status").getByText("オフライン").waitFor();
    await hq.page.getByLabel("フェーズ").selectOption(next);
    await hq.page.getByRole("alert").getByText(/送信待ち/).waitFor();
    await hq.page.getByRole("button", { name: /送信待ち 1件/ }).waitFor();
    await hq.page.screenshot({ path: `${SCREENSHOTS}/offline-outbox.png` });
    expect(await viewer.page.getByLabel("フェーズ").inputValue()).toBe(phase);

    await hq.context.setOffline(false);
    await expect.poll(() => viewer.page.getByLabel("フェーズ").inputValue(), { timeout: 20_000 }).toBe(next);
    await expect.poll(() => hq.page.getByRole("button", { name: /送信待ち/ }).count(), { timeout: 20_000 }).toBe(0);
    await hq.page.getByRole("status").getByText("ライブ").waitFor({ timeout: 20_000 });
    await hq.context.close();
    await viewer.context.close();
  });
});

describe("a server killed and restarted", () => {
  const STATE = ".wrangler/e2e-restart-state";
  const PORT = sidePort(30);

  it("loses nothing acknowledged, and an open console reconnects and catches up with no gap", { timeout: 420_000 }, async () => {
    rmSync(STATE, { recursive: true, force: true });
    const drill = prepareDatabase({ persistTo: STATE, password: inject("password") });
    let server = await startServer({ port: PORT, persistTo: STATE, stdio: "ignore" });
    const base = server.url;
    const signIn = await fetch(`${base}/api/session`, {
      method: "POST",
      headers: { Origin: base, "Content-Type": "application/json" },
      body: JSON.stringify({ login: "hq", password: inject("password") }),
    });
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
    const patch = async (version: number, phase: string) => {
      const res = await fetch(`${base}/api/incidents/${drill.id}`, {
        method: "PATCH",
        headers: { Cookie: cookie, Origin: base, "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
        body: JSON.stringify({ version, phase }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { data: { version: number }; seq: number });
    };

    const watcher = await signedIn(browser(), "viewer", undefined, base);
    await watcher.page.goto(`${base}/incidents/${drill.id}`);
    await watcher.page.getByRole("status").getByText("ライブ").waitFor();

    let version = 1;
    const acknowledged: number[] = [];
    for (const phase of ["emergency", "recovery", "emergency", "recovery"]) {
      const done = await patch(version, phase);
      version = done.data.version;
      acknowledged.push(done.seq);
    }
    // No graceful shutdown: the whole process group dies at once.
    process.kill(-server.child.pid, "SIGKILL");
    await watcher.page.getByRole("status").getByText(/再接続中|オフライン|接続中/).waitFor({ timeout: 15_000 });
    // The console sees the link drop as soon as a connection is reset; the killed processes can
    // still hold the listening socket a moment longer on a loaded machine.
    await until(() => portIsFree(PORT), `port ${PORT} to be released after the kill`, 20_000);

    server = await startServer({ port: PORT, persistTo: STATE, stdio: "ignore" });
    try {
      const page = (await (await fetch(`${base}/api/incidents/${drill.id}/changes?after=0&limit=100`, { headers: { Cookie: cookie } })).json()) as {
        items: { seq: number }[];
      };
      expect(page.items.map((c) => c.seq)).toEqual([1, ...acknowledged]);

      await watcher.page.getByRole("status").getByText("ライブ").waitFor({ timeout: 30_000 });
      const after = await patch(version, "initial");
      await watcher.page.getByTestId("latest-seq").getByText(`#${after.seq}`).waitFor({ timeout: 20_000 });
      const seqs = await watcher.page.getByTestId("timeline").locator("li[data-seq]").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-seq"))));
      expect(seqs).toEqual([after.seq, ...acknowledged.toReversed(), 1]);
      await watcher.context.close();
    } finally {
      server.stop();
    }
  });
});

import { mkdirSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOTS = "test-results/screenshots";

/**
 * The port of a server a test starts for itself, beside the suite's (E2E_PORT): derived from it,
 * so suites run side by side on one machine never reach for the same port.
 */
export const sidePort = (offset: number) => Number(process.env.E2E_PORT || 8797) + offset;

/** Polls `check` every 250 ms until it holds; throws naming `what` after `ms`. */
export async function until(check: () => Promise<boolean>, what: string, ms = 240_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Debian's Chromium, quiet on the network; playwright gives it a fresh profile each launch. */
export async function launch(env?: Record<string, string>): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    ...(env ? { env: { ...process.env, ...env } as Record<string, string> } : {}),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function signedIn(browser: Browser, login: string, viewport = { width: 1280, height: 860 }, base = inject("baseUrl")) {
  const context: BrowserContext = await browser.newContext({ viewport, locale: "ja-JP", timezoneId: "Asia/Tokyo" });
  const page: Page = await context.newPage();
  await page.goto(base);
  await page.getByLabel("ログインID").fill(login);
  await page.getByLabel("パスワード").fill(inject("password"));
  await page.getByRole("button", { name: "ログイン" }).click();
  await page.getByRole("heading", { name: "災害・訓練一覧" }).waitFor();
  return { context, page };
}

/** One Chromium for the test file: launched before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launch, SCREENSHOTS, signedIn } from "./browser";

/*
 * A screen with no Japanese font installed (a Linux wall screen) must still show Japanese, from the
 * bundled font; a device that has one must not download it. Chromium reads its fonts through
 * fontconfig, so a config that lists every installed font except those covering Japanese stands in
 * for such a machine.
 */
let noJapaneseDir = "";
let plain: Browser;
let bare: Browser;

function fontconfigWithoutJapanese(dir: string): string {
  const japanese = new Set(execFileSync("fc-list", [":lang=ja", "--format", "%{file}\\n"], { encoding: "utf8" }).split("\n").filter(Boolean));
  const every = execFileSync("fc-list", ["--format", "%{file}\\n"], { encoding: "utf8" }).split("\n").filter(Boolean);
  const fonts = join(dir, "fonts");
  mkdirSync(fonts);
  for (const f of new Set(every)) if (!japanese.has(f)) symlinkSync(f, join(fonts, `${every.indexOf(f)}-${basename(f)}`));
  const conf = join(dir, "fonts.conf");
  writeFileSync(conf, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${fonts}</dir><cachedir>${join(dir, "cache")}</cachedir></fontconfig>\n`);
  return conf;
}

beforeAll(async () => {
  noJapaneseDir = mkdtempSync(join(tmpdir(), "keizoku-no-jp-"));
  const conf = fontconfigWithoutJapanese(noJapaneseDir);
  // The stand-in really has no Japanese font: fontconfig finds none for the language.
  expect(execFileSync("fc-list", [":lang=ja"], { encoding: "utf8", env: { ...process.env, FONTCONFIG_FILE: conf } }).trim()).toBe("");
  plain = await launch();
  bare = await launch({ FONTCONFIG_FILE: conf });
});

afterAll(async () => {
  await plain?.close();
  await bare?.close();
  rmSync(noJapaneseDir, { recursive: true, force: true });
});

/**
 * Whether two different kanji come out as different pictures in the given font stack: an absent
 * glyph draws the same empty box for both.
 */
function kanjiDrawn(page: Page, fontFamily: string) {
  return page.evaluate(async (fontFamily) => {
    await document.fonts.ready;
    const draw = async (ch: string) => {
      const font = `32px ${fontFamily}`;
      await document.fonts.load(font, ch);
      const c = document.createElement("canvas");
      c.width = c.height = 40;
      const g = c.getContext("2d")!;
      g.font = font;
      g.fillText(ch, 2, 32);
      return Array.from(g.getImageData(0, 0, 40, 40).data).join(",");
    };
    return (await draw("継")) !== (await draw("続"));
  }, fontFamily);
}

const pageFont = (page: Page) => page.evaluate(() => getComputedStyle(document.body).fontFamily);

describe("Japanese text on any device", () => {
  it("shows Japanese from the bundled font on a machine that has no Japanese font, and keeps the slices it used for offline", async () => {
    const { context, page } = await signedIn(bare, "hq", { width: 1280, height: 800 });
    try {
      const fonts: string[] = [];
      page.on("requestfinished", (r) => void (r.url().endsWith(".woff2") && fonts.push(r.url())));
      // Without the bundled font this machine draws boxes: the comparison can tell.
      expect(await kanjiDrawn(page, "sans-serif")).toBe(false);
      await page.reload();
      await page.getByRole("heading", { name: "災害・訓練一覧" }).waitFor();
      expect(await kanjiDrawn(page, await pageFont(page))).toBe(true);
      await page.screenshot({ path: `${SCREENSHOTS}/japanese-font-none-installed.png` });
      // Only the slices the screen's characters fall in, not the whole font (~120 slices a weight).
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.length).toBeLessThan(120);

      // The slices are kept as they are used, so the same screen offline still reads.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
      });
      const used = new Set<string>();
      page.on("requestfinished", (r) => void (/\.woff2$|\/assets\/fonts-[\w-]+\.css$/.test(r.url()) && used.add(r.url())));
      await page.reload();
      await page.getByRole("heading", { name: "災害・訓練一覧" }).waitFor();
      // The slices of the screen and of the two kanji drawn below, fetched through the service worker…
      expect(await kanjiDrawn(page, await pageFont(page))).toBe(true);
      expect([...used].some((u) => u.endsWith(".woff2"))).toBe(true);
      // …are each in the font cache once the worker has stored them (it stores as a response arrives).
      await expect
        .poll(
          () =>
            page.evaluate(async (urls) => {
              const kept = new Set((await (await caches.open("keizoku-fonts")).keys()).map((r) => r.url));
              return urls.filter((u) => !kept.has(u));
            }, [...used]),
          { timeout: 30_000 },
        )
        .toEqual([]);
      await context.setOffline(true);
      await page.reload();
      await page.getByRole("heading", { name: "災害・訓練一覧" }).waitFor();
      expect(await kanjiDrawn(page, await pageFont(page))).toBe(true);
      await page.screenshot({ path: `${SCREENSHOTS}/japanese-font-none-installed-offline.png` });
    } finally {
      await context.close();
    }
  });

  it("does not download the bundled font on a device that has a Japanese font", async () => {
    const context = await plain.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    try {
      const page = await context.newPage();
      const fonts: string[] = [];
      // Neither a glyph slice nor the list of slices: nothing of the bundled font is fetched.
      page.on("request", (r) => void (/\.woff2$|\/assets\/fonts-[\w-]+\.css$/.test(r.url()) && fonts.push(r.url())));
      await page.goto(inject("baseUrl"));
      await page.getByRole("button", { name: "ログイン" }).waitFor();
      expect(await kanjiDrawn(page, await pageFont(page))).toBe(true);
      await page.waitForLoadState("networkidle");
      expect(fonts).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

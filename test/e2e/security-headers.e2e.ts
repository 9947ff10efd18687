import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { SECURITY_HEADERS } from "../../src/lib/security-headers";
import { signedIn, useBrowser } from "./browser";

const browser = useBrowser();
const base = () => inject("baseUrl");

const expectHeaders = (res: Response, what: string) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), `${name} on ${what}`).toBe(value);
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));

describe("the console as served", () => {
  it("carries the security headers on the HTML, its static assets, the SPA fallback and the API", async () => {
    const home = await fetch(`${base()}/`);
    expectHeaders(home, "/");
    const html = await home.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const a of assets) expectHeaders(await fetch(`${base()}${a}`), a);
    expectHeaders(await fetch(`${base()}/incidents/some-deep-link`), "a console deep link");
    expectHeaders(await fetch(`${base()}/api/health`), "/api/health");
  });

  it("has no inline script in its HTML: every script is a file from its own origin", async () => {
    const html = await (await fetch(`${base()}/`)).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\//);
      expect(body!.trim()).toBe("");
    }
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers either
  });

  it("publishes no source maps", async () => {
    expect(existsSync("dist")).toBe(true);
    const files = filesUnder("dist");
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    for (const f of files.filter((f) => /\.(js|css)$/.test(f))) expect(readFileSync(f, "utf8"), f).not.toMatch(/sourceMappingURL/);
    const html = await (await fetch(`${base()}/`)).text();
    const entry = html.match(/src="(\/assets\/[^"]+\.js)"/)![1]!;
    const map = await fetch(`${base()}${entry}.map`);
    expect(map.headers.get("Content-Type") ?? "").not.toMatch(/json/);
    expect(await map.text()).not.toMatch(/"mappings"/);
  });

  it("runs in Chromium under the policy without a single violation, and refuses to be framed", async () => {
    const { context, page } = await signedIn(browser(), "hq");
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${base()}/incidents/${inject("drillId")}`);
    await page.getByRole("status").getByText("ライブ").waitFor();
    await page.goto(`${base()}/drills/scenarios`);
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);

    // Another site framing the console gets nothing rendered: frame-ancestors 'none'.
    const framing = await context.newPage();
    const refused: string[] = [];
    framing.on("console", (m) => refused.push(m.text()));
    await framing.setContent(`<iframe id="f" src="${base()}/" width="800" height="600"></iframe>`);
    await framing.waitForTimeout(1500);
    const frame = framing.frames().find((f) => f !== framing.mainFrame());
    const rendered = frame ? await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "") : "";
    expect(rendered).not.toMatch(/ログイン|継続/);
    await context.close();
  });
});

import type { Plugin } from "vite";

/*
 * The bundled Japanese font (@fontsource/noto-sans-jp) as a last resort only. Fontsource's CSS
 * declares ~120 unicode-range slices per weight, so a screen fetches only the slices its
 * characters fall in. Rewritten at build time so that:
 *   - each slice tries the device's own Japanese fonts first (local()), so a tablet or PC that
 *     has one never downloads a byte of the bundled font, even where the font stack reaches it;
 *   - only the Japanese slices stay: Latin, Cyrillic and Vietnamese text keeps the device's fonts;
 *   - only woff2 is offered (every browser the console supports reads it).
 */
const WEIGHTS: Record<string, string[]> = {
  // Full names and PostScript names, as local() matches them, of the Japanese fonts devices ship.
  "400": [
    "Noto Sans CJK JP",
    "NotoSansCJKjp-Regular",
    "Noto Sans CJK JP Regular",
    "Noto Sans JP Regular",
    "NotoSansJP-Regular",
    "Hiragino Sans W3",
    "HiraginoSans-W3",
    "Yu Gothic Regular",
    "YuGothic-Regular",
    "Meiryo",
  ],
  "700": [
    "Noto Sans CJK JP Bold",
    "NotoSansCJKjp-Bold",
    "Noto Sans JP Bold",
    "NotoSansJP-Bold",
    "Hiragino Sans W6",
    "HiraginoSans-W6",
    "Yu Gothic Bold",
    "YuGothic-Bold",
    "Meiryo Bold",
    "Meiryo-Bold",
  ],
};

// Fontsource's regular weight is the one imported (web/fonts.ts); the bold slices are written beside it.
const FONTSOURCE_CSS = /@fontsource\/noto-sans-jp\/400\.css$/;

/**
 * One @font-face per slice and weight, the regular and bold of a slice side by side: their
 * unicode-ranges are the same, so gzip sends the second almost free.
 */
export function rewriteFontsourceCss(css: string): string {
  const blocks = css.split(/(?=\/\* noto-sans-jp-)/).filter((b) => /^\/\* noto-sans-jp-\[\d+\]-400-/.test(b) && b.includes("@font-face"));
  const face = (block: string, weight: string) => {
    const locals = WEIGHTS[weight]!.map((n) => `local("${n}")`).join(", ");
    return block
      .replace(/font-weight: 400;/, `font-weight: ${weight};`)
      .replace(/src:\s*url\(([^)]+?)-400-normal\.woff2\) format\('woff2'\)[^;]*;/, (_, file: string) => `src: ${locals}, url(${file}-${weight}-normal.woff2) format("woff2");`);
  };
  return blocks.map((b) => face(b, "400") + face(b, "700")).join("");
}

export function japaneseFont(): Plugin {
  return {
    name: "keizoku-japanese-font",
    enforce: "pre",
    transform(code, id) {
      if (!FONTSOURCE_CSS.test(id.split("?")[0]!)) return null;
      const out = rewriteFontsourceCss(code);
      if (!/-700-normal\.woff2/.test(out) || !out.includes("local(")) this.error(`the font CSS ${id} did not have the expected shape: no slice rewritten`);
      return { code: out, map: null };
    },
  };
}

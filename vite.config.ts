import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { japaneseFont } from "./scripts/vite/japanese-font.ts";
import { kushiroCoastAsset } from "./scripts/vite/kushiro-coast.ts";
import { assetHeadersFile } from "./src/lib/security-headers.ts";

/** Static assets are served without the worker: their headers come from `_headers`, written from the same list. */
const assetHeaders = (): Plugin => ({
  name: "keizoku-asset-headers",
  generateBundle() {
    this.emitFile({ type: "asset", fileName: "_headers", source: assetHeadersFile() });
  },
});

// The console builds into dist/, which wrangler serves as static assets beside the API.
export default defineConfig({
  root: "web",
  plugins: [
    preact(),
    japaneseFont(),
    kushiroCoastAsset(),
    assetHeaders(),
    // Installable and offline: web/sw.ts gets the list of every built file to precache.
    VitePWA({
      strategies: "injectManifest",
      srcDir: ".",
      filename: "sw.ts",
      registerType: "prompt",
      injectRegister: false,
      manifest: {
        name: "Keizoku 継続 — 業務継続オペレーション",
        short_name: "継続",
        description: "釧路市 業務継続（BCP）オペレーション",
        lang: "ja",
        start_url: "/",
        scope: "/",
        display: "standalone",
        background_color: "#f3f5f8",
        theme_color: "#12355b",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
          { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml" },
        ],
      },
      injectManifest: {
        // The shell and every lazy chunk; not source maps, not Leaflet's unused control images, and not
        // the Japanese font (its slice list and glyph slices are cached as used, web/sw.ts).
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest,json}"],
        globIgnores: ["**/*.map", "**/*.woff2", "**/*.woff", "**/fonts-*.css", "**/layers*.png", "**/marker-*.png"],
      },
    }),
  ],
  resolve: { alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL("./web/lib/zod-jitless.ts", import.meta.url)) }] },
  build: {
    outDir: "../dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    // Leaflet's CSS names images for controls and icons the console never shows (circle markers
    // only): as files they cost nothing; inlined they would weigh down the map chunk.
    assetsInlineLimit: (file) => (file.includes("/leaflet/") ? false : undefined),
  },
  server: { proxy: { "/api": { target: "http://127.0.0.1:8787", ws: true } } },
});

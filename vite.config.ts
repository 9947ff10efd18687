import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
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
  plugins: [preact(), assetHeaders()],
  resolve: { alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL("./web/lib/zod-jitless.ts", import.meta.url)) }] },
  build: { outDir: "../dist", emptyOutDir: true, target: "es2022", sourcemap: false },
  server: { proxy: { "/api": { target: "http://127.0.0.1:8787", ws: true } } },
});

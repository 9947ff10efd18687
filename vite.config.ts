import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

// The console builds into dist/, which wrangler serves as static assets beside the API.
export default defineConfig({
  root: "web",
  plugins: [preact()],
  build: { outDir: "../dist", emptyOutDir: true, target: "es2022", sourcemap: true },
  server: { proxy: { "/api": { target: "http://127.0.0.1:8787", ws: true } } },
});

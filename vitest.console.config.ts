import { defineConfig } from "vitest/config";

// The console's own logic (live feed, socket, live model) in a simulated browser: no server, no Chromium.
export default defineConfig({
  test: {
    include: ["test/console/**/*.test.ts"],
    environment: "happy-dom",
  },
});

import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Worker, database, room and domain tests, all inside workerd against a real migrated D1.
export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
      }),
    ],
    test: {
      setupFiles: ["./test/setup.ts"],
      include: ["test/**/*.test.ts"],
      exclude: ["test/e2e/**", "test/console/**", "node_modules/**"],
      // Several tests each run many writes through workerd and D1; on a busy machine five seconds is not generous.
      testTimeout: 30_000,
    },
  };
});

import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
// @ts-expect-error plain ESM helper shared with `npm start`
import { buildConsole, prepareDatabase, startServer } from "../../scripts/local.mjs";

const STATE = ".wrangler/e2e-state";
export const E2E_PASSWORD = "keizoku-e2e";

/** A fresh database, the demo seed, the built console, and a server on its own port. */
export default async function setup(project: TestProject) {
  rmSync(STATE, { recursive: true, force: true });
  const drill = prepareDatabase({ persistTo: STATE, password: E2E_PASSWORD });
  buildConsole();
  const server = await startServer({ port: Number(process.env.E2E_PORT || 8797), persistTo: STATE, stdio: "ignore" });
  project.provide("baseUrl", server.url);
  project.provide("drillId", drill.id);
  project.provide("password", E2E_PASSWORD);
  return () => server.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    drillId: string;
    password: string;
  }
}

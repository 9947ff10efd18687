import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { afterEach, describe, expect, inject, it } from "vitest";
// @ts-expect-error plain ESM helper shared with `npm start`
import { QUIET_ENV } from "../../scripts/local.mjs";
// @ts-expect-error plain ESM helper
import { portIsFree } from "../../scripts/port-holder.mjs";
import { sidePort, until } from "./browser";

// `npm start` as a person runs it: its own process group, as a terminal's foreground job has.
const PORT = Number(process.env.E2E_START_PORT || sidePort(40));
const STATE = ".wrangler/e2e-start-state";
const base = `http://127.0.0.1:${PORT}`;

const started: number[] = [];
// A failed assertion must not leave a server running, nor its port held for the next test.
afterEach(async () => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await until(() => portIsFree(PORT), `port ${PORT} to be released after the test`, 20_000);
});

function npmStart(env: Record<string, string> = {}) {
  let output = "";
  const child = spawn("npm", ["start"], { detached: true, env: { ...QUIET_ENV, PORT: String(PORT), KEIZOKU_STATE: STATE, DEMO_PASSWORD: inject("password"), ...env } });
  started.push(child.pid!);
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function signInHq(): Promise<string> {
  const signIn = await fetch(`${base}/api/session`, {
    method: "POST",
    headers: { Origin: base, "Content-Type": "application/json" },
    body: JSON.stringify({ login: "hq", password: inject("password") }),
  });
  return signIn.headers.get("set-cookie")!.split(";")[0]!;
}

async function incidents(cookie: string): Promise<{ id: string; title: string; status: string }[]> {
  return ((await (await fetch(`${base}/api/incidents`, { headers: { Cookie: cookie } })).json()) as { items: { id: string; title: string; status: string }[] }).items;
}

async function incidentTitles(): Promise<string[]> {
  return (await incidents(await signInHq())).map((i) => i.title).sort();
}

/** The answers to `n` liaison messages the HQ sends one after another. */
async function liaisonStatuses(n: number): Promise<number[]> {
  const cookie = await signInHq();
  const incident = (await incidents(cookie)).find((i) => i.status !== "closed");
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${base}/api/incidents/${incident!.id}/liaison`, {
      method: "POST",
      headers: { Origin: base, Cookie: cookie, "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
      body: JSON.stringify({ kind: "order", priority: "normal", toUnitId: "water", body: `start test ${i}` }),
    });
    await res.arrayBuffer();
    statuses.push(res.status);
  }
  return statuses;
}

const healthy = async () => (await fetch(`${base}/api/health`).catch(() => null))?.ok === true;

describe("npm start leaves no server behind", () => {
  it("however its process group ends, the port is free again and the next start serves the same data", async () => {
    rmSync(STATE, { recursive: true, force: true });
    let first: string[] | undefined;
    // Ctrl+C, the terminal closing, `kill`, and `kill -9` of the whole group.
    for (const [signal, target] of [["SIGKILL", "group"], ["SIGHUP", "group"], ["SIGINT", "group"], ["SIGTERM", "process"]] as const) {
      const run = npmStart();
      await until(healthy, `npm start to serve (before ${signal})`);
      const titles = await incidentTitles();
      first ??= titles;
      expect(titles, `data after a restart (before ${signal})`).toEqual(first);
      process.kill(target === "group" ? -run.child.pid! : run.child.pid!, signal);
      await until(() => portIsFree(PORT), `port ${PORT} to be released after ${signal} to the ${target}`, 20_000);
      expect(await healthy()).toBe(false);
      await run.exited;
    }
    expect(first!.length).toBeGreaterThan(0);
  }, 900_000);

  it("takes the per-person write limit from the environment, and says so", async () => {
    // The database is seeded by the test before, so this start makes no writes of its own.
    const run = npmStart({ WRITE_RATE_LIMIT: "2" });
    await until(async () => run.output().includes("Stop with Ctrl+C"), "npm start to print its banner with WRITE_RATE_LIMIT=2");
    expect(run.output()).toContain("Writes per person: 2 in 60 s");
    expect(await liaisonStatuses(3)).toEqual([201, 201, 429]);
    // afterEach ends this server and waits for its port.
  }, 300_000);

  it("a start that finds the port held names what holds it", async () => {
    const { createServer } = await import("node:net");
    const squatter = createServer().listen(PORT, "127.0.0.1");
    await new Promise((r) => squatter.once("listening", r));
    try {
      const run = npmStart();
      expect(await run.exited).not.toBe(0);
      expect(run.output()).toContain(`port ${PORT} is already in use by:`);
      expect(run.output()).toContain(`pid ${process.pid}`);
    } finally {
      squatter.close();
    }
  });
});

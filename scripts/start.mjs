// `npm start`: migrate and seed the local database, build the console, serve both on :8787.
import { DEMO_ACCOUNTS } from "./seed.mjs";
import { pastDrillDatesSql, seedPastDrill } from "./demo-drill.mjs";
import { seedIllustrativeLayer } from "./demo-hazard.mjs";
import { assertPortFree, buildConsole, prepareDatabase, startServer, wrangler } from "./local.mjs";

const password = process.env.DEMO_PASSWORD || "keizoku";
const port = Number(process.env.PORT || 8787);
// Where the local D1 and Durable Objects live between runs (wrangler's default unless set).
const persistTo = process.env.KEIZOKU_STATE || undefined;

function cannotStart(e) {
  console.error(`\n  Cannot start: ${e.message}\n`);
  process.exit(1);
}
// Before the slow steps, so a held port is reported at once.
await assertPortFree(port).catch(cannotStart);
const seeded = prepareDatabase({ persistTo, password });
buildConsole();
// The per-person write limit (wrangler.toml's WRITE_RATE_LIMIT, 600 a minute) from the environment when
// set: a load test writing from one account runs `WRITE_RATE_LIMIT=0 npm start`.
const vars = Object.fromEntries(["WRITE_RATE_LIMIT", "WRITE_RATE_WINDOW_SECONDS"].filter((name) => process.env[name]).map((name) => [name, process.env[name]]));
const server = await startServer({ port, persistTo, vars }).catch(cannotStart);
const limitLine = !vars.WRITE_RATE_LIMIT
  ? ""
  : `  Writes per person: ${vars.WRITE_RATE_LIMIT === "0" ? "not limited (WRITE_RATE_LIMIT=0)" : `${vars.WRITE_RATE_LIMIT} in ${vars.WRITE_RATE_WINDOW_SECONDS ?? 60} s`}\n`;
// The past drill goes through the API, so it has its change log like everything else.
const layer = seeded ? await seedIllustrativeLayer(`http://127.0.0.1:${port}`, password).catch((e) => console.warn(`demo inundation layer not imported: ${e.message}`)) : null;
const pastDrill = seeded ? await seedPastDrill(`http://127.0.0.1:${port}`, password).catch((e) => console.warn(`demo drill not seeded: ${e.message}`)) : null;
// …then dated on the day it was held (the API stamps what it records with today).
if (pastDrill) wrangler(["d1", "execute", "keizoku", "--local", ...(persistTo ? ["--persist-to", persistTo] : []), "--command", pastDrillDatesSql(pastDrill.id)]);

const url = `http://localhost:${port}`;
console.log(`
  Keizoku 継続 is running: ${url}
  ${seeded ? `Seeded the demo drill: ${seeded.title}` : `Database already seeded (${persistTo ?? ".wrangler/state"}).`}${layer ? `\n  with an illustrative (例示) tsunami inundation layer: ${layer.sitesInInundation} sites inside` : ""}${pastDrill ? `\n  and a past hospital drill, scored, with an overdue corrective action: ${pastDrill.title}` : ""}
  Demo sign-ins (password: ${process.env.DEMO_PASSWORD ? "$DEMO_PASSWORD" : password}):
${DEMO_ACCOUNTS.map((a) => `    ${a.login.padEnd(9)} ${a.role.padEnd(7)} ${a.displayName}`).join("\n")}
${limitLine}  Stop with Ctrl+C.
`);

// The server also ends by itself when this process dies uncaught (scripts/tether.mjs).
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => void server.stop().then(() => process.exit(0)));
}
// `npm start` runs this under `sh -c`, which dies of a SIGTERM sent to npm without passing it on:
// once the process that started this one is gone, so is the server.
const launcher = process.ppid;
setInterval(() => process.ppid !== launcher && void server.stop().then(() => process.exit(0)), 500).unref();
server.child.on("exit", (code) => process.exit(code ?? 0));

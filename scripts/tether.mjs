// Runs one command as the leader of its own process group and ends that whole group as soon as
// the process that started it is gone, however it went (Ctrl+C, SIGTERM, SIGHUP, or SIGKILL, which
// no handler can catch). The parent holds our stdin open; its end is the signal.
import { spawn } from "node:child_process";

const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"] });
let ending = false;

function endGroup() {
  if (ending) return;
  ending = true;
  try {
    process.kill(-process.pid, "SIGTERM");
  } catch {
    // the group is already empty but for us
  }
  // A server that ignores SIGTERM still must not keep the port.
  setTimeout(() => process.kill(-process.pid, "SIGKILL"), 5_000).unref();
}

process.stdin.on("end", endGroup);
process.stdin.on("error", endGroup);
process.stdin.resume();
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, endGroup);
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

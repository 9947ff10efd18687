// Says which process listens on a TCP port, so a start that cannot bind names what is in the way.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, readlinkSync } from "node:fs";
import { createServer } from "node:net";

/** Resolves true when nothing listens on host:port. */
export function portIsFree(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

function listeningInodes(port) {
  const inodes = new Set();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10 || cols[3] !== "0A") continue; // 0A = LISTEN
      if (parseInt(cols[1].split(":")[1], 16) === port) inodes.add(cols[9]);
    }
  }
  return inodes;
}

/** A short description of each process listening on the port ("pid 123: node …"), or [] if unknown. */
export function portHolders(port) {
  const inodes = listeningInodes(port);
  const found = [];
  if (inodes.size > 0 && existsSync("/proc")) {
    for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
      let fds = [];
      try {
        fds = readdirSync(`/proc/${pid}/fd`);
      } catch {
        continue;
      }
      const holds = fds.some((fd) => {
        try {
          const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
          return m !== null && inodes.has(m[1]);
        } catch {
          return false;
        }
      });
      if (!holds) continue;
      let cmd = "";
      try {
        cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
      } catch {
        // gone meanwhile
      }
      let pgid = "";
      try {
        pgid = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[2];
      } catch {
        // gone meanwhile
      }
      found.push(`pid ${pid}${pgid ? ` (process group ${pgid})` : ""}: ${cmd.slice(0, 160)}`);
    }
  }
  if (found.length > 0) return found;
  // Not Linux, or not allowed to look: lsof knows where it is installed.
  const lsof = spawnSync("lsof", ["-nP", `-iTCP:${port}`, "-sTCP:LISTEN"], { encoding: "utf8" });
  return lsof.status === 0 ? lsof.stdout.trim().split("\n").slice(1) : [];
}

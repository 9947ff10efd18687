// The faults between the consoles and the server: a local HTTP + WebSocket proxy that drops a share
// of responses after the server has answered (the write is committed, the console never hears),
// sends a share of writes to the server twice, and resets WebSockets at random.
import { createServer, request } from "node:http";
import { connect } from "node:net";

export function startFaultyProxy({ upstreamPort, dropAfterCommit = 0.1, sendTwice = 0.05, wsResetMs = [2_000, 12_000] }) {
  let on = true;
  const counts = { requests: 0, droppedAfterCommit: 0, sentTwice: 0, upstreamDown: 0, wsOpened: 0, wsReset: 0 };
  const forward = (req, body) =>
    new Promise((resolve, reject) => {
      const up = request({ host: "127.0.0.1", port: upstreamPort, method: req.method, path: req.url, headers: req.headers }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      });
      up.on("error", reject);
      up.end(body);
    });
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      counts.requests++;
      const body = Buffer.concat(chunks);
      const write = req.method !== "GET" && req.method !== "HEAD";
      try {
        const twice = on && write && Math.random() < sendTwice;
        const first = forward(req, body);
        if (twice) {
          counts.sentTwice++;
          // The same request (same Idempotency-Key) arrives again while the first is in flight.
          void forward(req, body).catch(() => {});
        }
        const answer = await first;
        if (on && write && answer.status < 300 && Math.random() < dropAfterCommit) {
          counts.droppedAfterCommit++;
          req.socket.destroy();
          return;
        }
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      } catch {
        counts.upstreamDown++;
        res.writeHead(502, { "Content-Type": "application/json" });
        res.end('{"error":{"code":"upstream_down"}}');
      }
    });
  });
  server.on("upgrade", (req, socket, head) => {
    const up = connect(upstreamPort, "127.0.0.1", () => {
      counts.wsOpened++;
      up.write(`${req.method} ${req.url} HTTP/1.1\r\n${Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`).join("\r\n")}\r\n\r\n`);
      if (head.length) up.write(head);
      socket.pipe(up).pipe(socket);
      const reset = setTimeout(() => {
        if (!on) return;
        counts.wsReset++;
        socket.destroy();
        up.destroy();
      }, wsResetMs[0] + Math.random() * (wsResetMs[1] - wsResetMs[0]));
      const end = () => clearTimeout(reset);
      socket.on("close", end);
      up.on("close", end);
    });
    up.on("error", () => socket.destroy());
    socket.on("error", () => up.destroy());
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      // calm(): no more faults, so the end state can be compared.
      resolve({ url: `http://127.0.0.1:${server.address().port}`, counts, calm: () => (on = false), close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) });
    }),
  );
}

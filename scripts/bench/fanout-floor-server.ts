// progress.fanout's floor: a bare node:http server (its own process, as the app is) holding server-sent event
// responses and writing one event to each of them when told; no database, no LISTEN, no tRPC, no session.
// What it takes to deliver a change to thousands of streams is then what the machine itself costs: writing to
// that many sockets and the bench reading them, on the same cores.
// GET /stream: an event stream that gets the current event at once, then every new one.
// POST /event (the body is the event block): the current event becomes the body, written to every open stream.
// Env: PORT. Sends "listening" over IPC once it listens.
import http from "node:http";

const streams = new Set<http.ServerResponse>();
let current = "";

const server = http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/stream") {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform", connection: "keep-alive" });
    if (current) res.write(`${current}\n\n`);
    streams.add(res);
    res.on("close", () => streams.delete(res));
    return;
  }
  if (req.method === "POST" && req.url === "/event") {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      current = body;
      const text = `${body}\n\n`;
      for (const stream of streams) stream.write(text);
      res.writeHead(204).end();
    });
    return;
  }
  res.writeHead(404).end();
});
// A stream stays open as long as the bench holds it.
server.requestTimeout = 0;
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.send?.("listening"));
// Gone with the bench, however it ends.
process.on("disconnect", () => process.exit(0));

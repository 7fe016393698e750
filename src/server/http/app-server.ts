// The app's HTTP server, for `npm start` and `npm run dev` alike: one port, two handlers. Every request gets its
// client address and request id here; tRPC calls (/api/trpc/...) then go to tRPC's Node adapter with the API's
// steps around it (trpc-handler.ts), and everything else (pages, sign-in, CSV exports, health) is Next.js's,
// built (`dev: false`) or compiling as it goes (`dev: true`). The rating save is the app's hottest request:
// served through Next's router it cost about 4.5 ms of CPU where the SQL needs well under one; see README "Speed".
import "server-only";
import { randomUUID } from "node:crypto";
import http from "node:http";
import next from "next";
import { serverEnv } from "@/env";
import { errorFields, logContext, logger } from "@/server/log/logger";
import { clientAddressOf, CLIENT_ADDRESS_HEADER, parseTrustedProxies } from "./client-address";
import { isRestPath, serveRest } from "./rest-handler";
import { serveTrpc, TRPC_ENDPOINT } from "./trpc-handler";

export type AppServerOptions = { dir: string; port: number; hostname?: string; dev?: boolean };

export async function startAppServer({ dir, port, hostname, dev = false }: AppServerOptions): Promise<http.Server> {
  const trustedProxies = parseTrustedProxies(serverEnv().TRUSTED_PROXIES);
  const server = http.createServer((req, res) => {
    // The one place the client's address is derived (sign-in and sign-up limits); a copy sent by the client is overwritten.
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedProxies);
    // Every log line written while serving this request carries its id; a proxy's X-Request-Id is kept.
    const given = req.headers["x-request-id"];
    const requestId = typeof given === "string" && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    res.setHeader("x-request-id", requestId);
    if (logger.isLevelEnabled("debug")) {
      const started = performance.now();
      // The path only: an invitation's path is its secret token.
      const path = (req.url ?? "/").split("?")[0]!.replace(/^\/invite\/.+/, "/invite/[token]");
      res.once("finish", () => logger.debug({ method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) }, "request"));
    }
    logContext.run({ requestId }, () => serve(req, res));
  });
  // Given the server, Next.js in development also answers its own WebSocket upgrades (hot reloading).
  const app = next({ dev, dir, port, hostname, httpServer: server });
  await app.prepare();
  const handleNext = app.getRequestHandler();

  const serve = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // Only the path and query matter to tRPC; the Host header is the client's to garble, so it's not used.
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://localhost");
    } catch {
      res.statusCode = 400;
      return void res.end();
    }
    // The REST API is served beside tRPC (rest-handler.ts), with the same failure answer.
    const rest = isRestPath(url.pathname);
    if (!rest && !url.pathname.startsWith(`${TRPC_ENDPOINT}/`)) return void handleNext(req, res);
    (rest ? serveRest(req, res, url) : serveTrpc(req, res, url)).catch((error: unknown) => {
      logger.error(errorFields(error), "API request failed");
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ error: { json: { message: "Something went wrong on our side. Your data is safe; try again." } } }));
      } else res.destroy();
    });
  };
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve());
  });
  return server;
}

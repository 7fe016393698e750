// The production HTTP server: one port, two handlers. tRPC calls (/api/trpc/...) go straight to tRPC with
// the same body limit, context and headers the Next.js route gives them; everything else (pages, sign-in,
// CSV exports, health) is Next.js's. The rating save is the app's hottest request: served through Next's
// router it cost about 4.5 ms of CPU where the SQL needs well under one; see README "Speed".
import "server-only";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { Readable } from "node:stream";
import next from "next";
import { serverEnv } from "@/env";
import { errorFields, logContext, logger } from "@/server/log/logger";
import { metrics } from "@/server/metrics/registry";
import { declaresMoreThan, MAX_REQUEST_BODY_BYTES, payloadTooLarge } from "./body-limit";
import { clientAddressOf, CLIENT_ADDRESS_HEADER, parseTrustedProxies } from "./client-address";
import { compressForClient } from "./compression";
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./security-headers";
import { serveTrpc, TRPC_ENDPOINT } from "./trpc-handler";

const API_HEADERS: Array<[string, string]> = [
  ...SECURITY_HEADERS.map(({ key, value }): [string, string] => [key, value]),
  ["Content-Security-Policy", API_CONTENT_SECURITY_POLICY],
];

/** The request body, or null once it passes `limit` bytes (declared or counted); reading stops there. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  if (declaresMoreThan(req.headers["content-length"], limit)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return; // the rest is read and dropped, so the connection stays usable
      total += chunk.byteLength;
      if (total > limit) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!over) resolve(Buffer.concat(chunks, total));
    });
    req.on("error", reject);
  });
}

function toHeaders(req: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === "content-length" || name === "transfer-encoding") continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  return headers;
}

async function writeResponse(req: http.IncomingMessage, res: http.ServerResponse, response: Response, abort: AbortController) {
  res.statusCode = response.status;
  for (const [name, value] of API_HEADERS) res.setHeader(name, value);
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  if (!response.body) return void res.end();
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) {
    // Live progress: stream as it comes; a closed connection ends the subscription.
    res.flushHeaders();
    const { sseConnections } = metrics();
    sseConnections.inc();
    res.once("close", () => sseConnections.dec());
    Readable.fromWeb(response.body as import("node:stream/web").ReadableStream)
      .on("error", () => res.destroy())
      .pipe(res);
    res.on("close", () => abort.abort());
    return;
  }
  res.setHeader("vary", "Accept-Encoding");
  const { body, encoding } = await compressForClient(Buffer.from(await response.arrayBuffer()), req.headers["accept-encoding"]);
  if (encoding) res.setHeader("content-encoding", encoding);
  res.setHeader("content-length", body.byteLength);
  res.end(body);
}

/** The procedure path(s) of a tRPC URL, as the Next.js route's params give them. */
function trpcPathOf(url: URL): string {
  const raw = url.pathname.slice(TRPC_ENDPOINT.length + 1);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // a malformed escape: tRPC answers it as an unknown procedure
  }
}

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
  const abort = new AbortController();
  const withBody = req.method !== "GET" && req.method !== "HEAD";
  const body = withBody ? await readBody(req, MAX_REQUEST_BODY_BYTES) : null;
  const request = new Request(url, {
    method: req.method,
    headers: toHeaders(req),
    body: withBody && body ? (body as unknown as BodyInit) : undefined,
    signal: abort.signal,
  });
  const response = withBody && body === null ? payloadTooLarge(request, MAX_REQUEST_BODY_BYTES, trpcPathOf(url)) : await serveTrpc(request);
  await writeResponse(req, res, response, abort);
}

export type AppServerOptions = { dir: string; port: number; hostname?: string };

export async function startAppServer({ dir, port, hostname }: AppServerOptions): Promise<http.Server> {
  const app = next({ dev: false, dir, port, hostname });
  await app.prepare();
  const handleNext = app.getRequestHandler();
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
  const serve = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // Only the path and query matter to tRPC; the Host header is the client's to garble, so it's not used.
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://localhost");
    } catch {
      res.statusCode = 400;
      return void res.end();
    }
    if (!url.pathname.startsWith(`${TRPC_ENDPOINT}/`)) return void handleNext(req, res);
    handleApi(req, res, url).catch((error: unknown) => {
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

// The public REST API (/api/v1/...) served by the app server beside tRPC, not through Next.js's router, for
// the same reason tRPC is (app-server.ts): a page of 100 scorecards was about 20 ms above its SQL, and Next's
// routing plus its gzip at level 6 of a 270 kB answer were a large part of that (compressed here as tRPC's
// answers are: compression.ts, level 1). The pipeline itself (src/server/rest/handle-request.ts) takes a
// fetch Request and gives a Response, as it did in the Next.js route handler this replaces.
import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyTooLarge, handleApiRequest, MAX_BODY_BYTES } from "@/server/rest/handle-request";
import { requestLocale } from "@/server/rest/problem";
import { readBodyWithinLimit } from "./body-limit";
import { compressWhenComplete } from "./compression";
import { API_HEADERS } from "./security-headers";

const REST_PREFIX = "/api/v1";

export const isRestPath = (pathname: string) => pathname === REST_PREFIX || pathname.startsWith(`${REST_PREFIX}/`);

/** Answers one /api/v1 request; rejects only when reading the body fails (the client went away mid-upload). */
export async function serveRest(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  for (const [name, value] of API_HEADERS) res.setHeader(name, value);
  compressWhenComplete(req, res);
  // HEAD is GET without the body, as Next.js answered it.
  const method = req.method === "HEAD" ? "GET" : (req.method ?? "GET");
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (method !== "GET") {
    const read = await readBodyWithinLimit(req, MAX_BODY_BYTES);
    if (read === null) return send(res, bodyTooLarge(requestLocale(req.headers["accept-language"])), req.method === "HEAD");
    body = new Uint8Array(read);
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  // Only the path and query matter to the pipeline; the Host header is the client's to garble.
  const request = new Request(new URL(`${url.pathname}${url.search}`, "http://localhost"), { method, headers, body });
  await send(res, await handleApiRequest(request), req.method === "HEAD");
}

async function send(res: ServerResponse, response: Response, headOnly: boolean): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  const body = Buffer.from(await response.arrayBuffer());
  res.end(headOnly ? undefined : body);
}

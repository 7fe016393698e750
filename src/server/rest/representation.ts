// A successful answer: JSON with a strong ETag (SHA-256 of the body), so a client can ask again with
// If-None-Match and get 304 without the body, and send the ETag as If-Match to update only what it read.
import { createHash } from "node:crypto";

export function etagOf(json: string): string {
  return `"${createHash("sha256").update(json).digest("base64url")}"`;
}

/** Whether an If-None-Match / If-Match header lists `etag` (or "*"). Weak comparison, as RFC 9110 asks for If-None-Match. */
export function etagListed(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === etag;
  });
}

export function jsonAnswer(request: Request, status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const json = JSON.stringify(body);
  const etag = etagOf(json);
  const common = { ETag: etag, "Cache-Control": "private, no-cache", Vary: "Authorization", ...headers };
  if (request.method === "GET" && etagListed(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers: common });
  }
  return new Response(json, { status, headers: { "Content-Type": "application/json", ...common } });
}

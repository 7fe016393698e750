// One HTTP POST of a webhook: no redirects followed (a 3xx is a failure, as the receiver did not take it), a
// hard timeout over the whole exchange, and only the start of the response body kept for the delivery log.
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { guardedLookup } from "./check-webhook-url";

export const RESPONSE_EXCERPT_BYTES = 2048;

export type PostOutcome = { ok: boolean; status: number | null; body: string | null; error: string | null; durationMs: number };

export function postWebhook(
  url: URL,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<PostOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<PostOutcome, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, durationMs: elapsed() });
    };
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const req = send(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": "Panelkit-Webhooks/1" },
      lookup: guardedLookup(options.allowPrivate),
      // A fresh connection every time: a kept-alive socket would skip the guarded lookup above (and so the
      // private-address check, and a DNS rebinding check) for every request after the first.
      agent: false,
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish({ ok: false, status: null, body: null, error: `timed out after ${options.timeoutMs} ms` });
    }, options.timeoutMs);
    req.on("error", (error: NodeJS.ErrnoException) => finish({ ok: false, status: null, body: null, error: error.message || error.code || "request failed" }));
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const excerpt = Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString("utf8");
        const redirect = status >= 300 && status < 400 ? `redirect to ${res.headers.location ?? "(no location)"} not followed` : null;
        finish({ ok: status >= 200 && status < 300, status, body: excerpt, error: redirect });
        res.destroy();
      };
      res.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= RESPONSE_EXCERPT_BYTES) done();
      });
      res.on("end", done);
      res.on("error", done);
    });
    req.end(body);
  });
}

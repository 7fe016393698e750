import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressWhenComplete } from "./compression";

// A handler that writes as tRPC's Node adapter does (headers, then chunks, then an empty end), behind the step.
let eventStreams = 0;
const server = http.createServer((req, res) => {
  compressWhenComplete(req, res, () => eventStreams++);
  const size = Number(new URL(req.url!, "http://localhost").searchParams.get("size"));
  if (req.url!.startsWith("/events")) {
    res.setHeader("content-type", "text/event-stream");
    res.write(new TextEncoder().encode("event: connected\ndata: {}\n\n"));
    setTimeout(() => {
      res.write(new TextEncoder().encode("data: 1\n\n"));
      res.end();
    }, 400);
    return;
  }
  res.setHeader("content-type", "application/json");
  res.setHeader("vary", "trpc-accept, accept");
  const text = JSON.stringify({ result: { data: "x".repeat(size) } });
  res.write(new TextEncoder().encode(text.slice(0, 10)));
  res.write(new TextEncoder().encode(text.slice(10)));
  res.end();
});
let base = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The raw answer (no automatic decompression, unlike fetch). */
function get(path: string, acceptEncoding?: string) {
  return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer; firstChunkMs: number }>((resolve, reject) => {
    const started = performance.now();
    http
      .get(`${base}${path}`, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        let firstChunkMs = -1;
        res.on("data", (chunk: Buffer) => {
          if (firstChunkMs < 0) firstChunkMs = performance.now() - started;
          chunks.push(chunk);
        });
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks), firstChunkMs }));
      })
      .on("error", reject);
  });
}

describe("answers held until complete, then compressed", () => {
  it("gzips an answer of 1 KiB or more for a client that accepts gzip, with its length and Vary", async () => {
    const { headers, body } = await get("/json?size=5000", "gzip, deflate, br");
    expect(headers["content-encoding"]).toBe("gzip");
    expect(Number(headers["content-length"])).toBe(body.byteLength);
    expect(headers.vary).toBe("trpc-accept, accept, Accept-Encoding");
    expect(JSON.parse(gunzipSync(body).toString("utf8"))).toEqual({ result: { data: "x".repeat(5000) } });
  });

  it("sends small answers, and any answer to a client without gzip, as they are", async () => {
    const small = await get("/json?size=10", "gzip");
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(small.body.toString("utf8"))).toEqual({ result: { data: "x".repeat(10) } });
    const plain = await get("/json?size=5000", "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(Number(plain.headers["content-length"])).toBe(plain.body.byteLength);
  });

  it("streams an event stream as written, uncompressed, and reports it once", async () => {
    const before = eventStreams;
    const { headers, body, firstChunkMs } = await get("/events", "gzip");
    expect(headers["content-encoding"]).toBeUndefined();
    expect(body.toString("utf8")).toBe("event: connected\ndata: {}\n\ndata: 1\n\n");
    expect(firstChunkMs).toBeLessThan(300); // the first event arrived before the stream ended
    expect(eventStreams).toBe(before + 1);
  });
});

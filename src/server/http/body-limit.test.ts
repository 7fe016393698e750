import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { payloadTooLargeBody, readBodyWithinLimit } from "./body-limit";

/** A request body arriving in chunks, with the headers given (none: a chunked upload without Content-Length). */
function incoming(chunks: string[], headers: Record<string, string> = {}) {
  return Object.assign(Readable.from(chunks.map((chunk) => Buffer.from(chunk))), { headers }) as Readable & IncomingMessage;
}

describe("request body limit", () => {
  it("refuses a body whose declared length is over the limit without reading it", async () => {
    const request = incoming(["x".repeat(20)], { "content-length": "20" });
    expect(await readBodyWithinLimit(request, 10)).toBeNull();
    expect(request.readableDidRead).toBe(false);
  });

  it("counts a chunked body as it reads and stops at the limit", async () => {
    expect(await readBodyWithinLimit(incoming(["12345", "67890", "1"]), 10)).toBeNull();
    const within = await readBodyWithinLimit(incoming(["12345", "67890"]), 10);
    expect(within?.toString("utf8")).toBe("1234567890");
  });

  it("reads the rest of an oversized body and drops it, so the connection can carry the answer", async () => {
    const request = incoming(["12345", "67890", "1", "2345"]);
    expect(await readBodyWithinLimit(request, 10)).toBeNull();
    if (!request.readableEnded) await new Promise((resolve) => request.once("end", resolve));
    expect(request.readableEnded).toBe(true);
  });

  it("answers 413 with a tRPC-shaped error per batched procedure, naming the limit", () => {
    const body = payloadTooLargeBody(2048, "a.b,c.d", true) as Array<{ error: { json: { message: string; data: { path: string; limitBytes: number } } } }>;
    expect(body.map((e) => e.error.json.data.path)).toEqual(["a.b", "c.d"]);
    expect(body[0]!.error.json.message).toContain("2 KiB (2048 bytes)");
    expect(body[0]!.error.json.data.limitBytes).toBe(2048);
    const single = payloadTooLargeBody(2 * 1024 * 1024, "candidates.create", false) as { error: { json: { message: string } } };
    expect(single.error.json.message).toContain("2 MiB (2097152 bytes)");
  });

  it("hands on a body within the limit byte for byte", async () => {
    const text = '{"0":{"json":{"name":"Zoë 👩🏽‍⚕️"}}}';
    const body = await readBodyWithinLimit(incoming([text.slice(0, 5), text.slice(5)]));
    expect(body?.toString("utf8")).toBe(text);
  });
});

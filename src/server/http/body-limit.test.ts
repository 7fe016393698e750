import { describe, expect, it } from "vitest";
import { limitRequestBody, readBodyWithinLimit } from "./body-limit";

/** A POST whose body arrives in chunks with no Content-Length, as a chunked upload does. */
function chunkedPost(chunks: string[], url = "http://localhost/api/trpc/candidates.create") {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Request(url, { method: "POST", body: stream, duplex: "half", headers: { "content-type": "application/json" } } as RequestInit);
}

describe("request body limit", () => {
  it("refuses a body whose declared length is over the limit without reading it", async () => {
    const request = new Request("http://localhost/api/trpc/x", { method: "POST", body: "x".repeat(20), headers: { "content-length": "20" } });
    expect(await readBodyWithinLimit(request, 10)).toEqual({ ok: false });
    expect(request.bodyUsed).toBe(false);
  });

  it("counts a chunked body as it reads and stops at the limit", async () => {
    expect(await readBodyWithinLimit(chunkedPost(["12345", "67890", "1"]), 10)).toEqual({ ok: false });
    const within = await readBodyWithinLimit(chunkedPost(["12345", "67890"]), 10);
    expect(within.ok && new TextDecoder().decode(within.body!)).toBe("1234567890");
  });

  it("answers 413 with a tRPC-shaped error per batched procedure, naming the limit", async () => {
    const result = await limitRequestBody(chunkedPost(["x".repeat(3000)], "http://localhost/api/trpc/a.b,c.d?batch=1"), {
      limit: 2048,
      trpcPath: "a.b,c.d",
    });
    if (!("response" in result)) throw new Error("expected a 413 response");
    expect(result.response.status).toBe(413);
    const body = (await result.response.json()) as Array<{ error: { json: { message: string; data: { path: string; limitBytes: number } } } }>;
    expect(body.map((e) => e.error.json.data.path)).toEqual(["a.b", "c.d"]);
    expect(body[0]!.error.json.message).toContain("2 KiB (2048 bytes)");
  });

  it("hands on a body within the limit unchanged, and lets GET requests (event streams) through untouched", async () => {
    const result = await limitRequestBody(chunkedPost(['{"0":{"json":{"name":"Zoë 👩🏽‍⚕️"}}}']));
    if (!("request" in result)) throw new Error("expected the request to pass");
    expect(await result.request.json()).toEqual({ 0: { json: { name: "Zoë 👩🏽‍⚕️" } } });
    const get = new Request("http://localhost/api/trpc/scorecards.onProgress?input=%7B%7D");
    expect(await limitRequestBody(get)).toEqual({ request: get });
  });
});

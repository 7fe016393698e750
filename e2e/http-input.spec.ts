// Bad input at the HTTP layer of the tRPC endpoint: malformed JSON, wrong content types, bodies over the
// documented limit (declared and chunked), a 100k-character field, and unusual Unicode, which must
// round-trip exactly. Live progress (server-sent events over GET) keeps working behind the body limit.
import http from "node:http";
import type { APIRequestContext } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

const PASSWORD = "panelkit-demo";
const LIMIT_BYTES = 2 * 1024 * 1024; // MAX_REQUEST_BODY_BYTES in src/server/http/body-limit.ts

type ErrorShape = { message: string; data: { code: string; httpStatus: number; field?: string | null; limitBytes?: number } };
/** tRPC error bodies, superjson-encoded as the app's client expects ({ error: { json: shape } }); batches are arrays. */
type TrpcErrorBody = { error: { json: ErrorShape } };
const errorOf = (body: TrpcErrorBody | TrpcErrorBody[]): ErrorShape => (Array.isArray(body) ? body[0]! : body).error.json;

const post = (request: APIRequestContext, path: string, body: string | Buffer, contentType = "application/json") =>
  request.post(`/api/trpc/${path}`, { headers: { "content-type": contentType }, data: body, failOnStatusCode: false });

const query = (request: APIRequestContext, path: string, input: unknown) =>
  request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { failOnStatusCode: false });

/** Inputs refused by the schema never reach the vacancy lookup: any id will do there. */
const ANY_VACANCY = "vacancy";

/** An open vacancy of the signed-in member's organisation, for a create that must succeed. */
async function openVacancyId(request: APIRequestContext) {
  const response = await request.get("/api/trpc/candidates.vacancyOptions", { failOnStatusCode: false });
  const vacancies = ((await response.json()) as { result: { data: { json: Array<{ id: string; status: string }> } } }).result.data.json;
  return vacancies.find((v) => v.status === "OPEN")!.id;
}

test.describe("tRPC over HTTP: bad input", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "manager@riverside.example", PASSWORD, { goto: null });
  });

  test("answers malformed JSON with 400 and a readable message, never a 500", async ({ page }) => {
    for (const body of ['{"0":{"json":{"name":"Ada"', "not json at all", '{"0":', "\u0000\u0001"]) {
      const response = await post(page.request, "candidates.create?batch=1", body);
      expect(response.status(), body).toBe(400);
      const text = await response.text();
      expect(text).not.toMatch(/at .*\.js:\d+|stack/i);
      expect(errorOf(JSON.parse(text) as TrpcErrorBody).message.length).toBeGreaterThan(5);
    }
  });

  test("refuses wrong content types with a 4xx, never a 500", async ({ page }) => {
    const input = JSON.stringify({ json: { name: "Ada Typed", vacancyId: ANY_VACANCY } });
    const plain = await post(page.request, "candidates.create", input, "text/plain");
    expect([400, 415]).toContain(plain.status());
    expect(errorOf((await plain.json()) as TrpcErrorBody).message).toMatch(/content-type/i);

    const multipart = await page.request.post("/api/trpc/candidates.create", {
      multipart: { name: "Ada Multipart", vacancyId: ANY_VACANCY },
      failOnStatusCode: false,
    });
    expect(multipart.status()).toBeGreaterThanOrEqual(400);
    expect(multipart.status()).toBeLessThan(500);

    const xml = await post(page.request, "candidates.create", "<candidate/>", "application/xml");
    expect([400, 415]).toContain(xml.status());
  });

  test("answers a body over the 2 MiB limit with 413 naming the limit, declared or chunked", async ({ page, baseURL }) => {
    const big = JSON.stringify({ 0: { json: { name: "Ada", vacancyId: ANY_VACANCY, notes: "x".repeat(LIMIT_BYTES) } } });
    const declared = await post(page.request, "candidates.create?batch=1", big);
    expect(declared.status()).toBe(413);
    const error = errorOf((await declared.json()) as TrpcErrorBody[]);
    expect(error.data).toMatchObject({ code: "PAYLOAD_TOO_LARGE", httpStatus: 413, limitBytes: LIMIT_BYTES, path: "candidates.create" });
    expect(error.message).toContain("2 MiB");

    // No Content-Length: the body arrives in chunks and is counted while it is read.
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const chunk = new TextEncoder().encode("x".repeat(256 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 3 * LIMIT_BYTES) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const chunked = await fetch(`${baseURL}/api/trpc/candidates.create`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(errorOf((await chunked.json()) as TrpcErrorBody).message).toContain(`${LIMIT_BYTES} bytes`);

    // Just under the limit is not refused for its size (the field's own maximum answers instead).
    const under = await post(page.request, "candidates.create", JSON.stringify({ json: { name: "Ada", vacancyId: ANY_VACANCY, notes: "x".repeat(LIMIT_BYTES - 200) } }));
    expect(under.status()).toBe(400);
    expect(errorOf((await under.json()) as TrpcErrorBody).message).toContain("notes");
  });

  test("answers a 100,000-character field, a NUL byte or a broken character with 400 naming the field", async ({ page }) => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ name: "A".repeat(100_000), vacancyId: ANY_VACANCY }, "name"],
      [{ name: "Ada", vacancyId: ANY_VACANCY, phone: "0770\u0000900123" }, "phone"],
      [{ name: "Ada", vacancyId: ANY_VACANCY, notes: "tail \uD800" }, "notes"],
    ];
    for (const [input, field] of cases) {
      const response = await post(page.request, "candidates.create", JSON.stringify({ json: input }));
      expect(response.status(), field).toBe(400);
      const error = errorOf((await response.json()) as TrpcErrorBody);
      expect(error.message).toContain(field);
      expect(error.data.field).toBe(field);
    }
  });

  test("keeps emoji, combining marks and right-to-left text exactly as sent", async ({ page }) => {
    const name = "Zoë Ñandú e\u0301\u0323 مريم 👩🏽‍⚕️ \u202Bשלום\u202C";
    const created = await post(page.request, "candidates.create", JSON.stringify({ json: { name, vacancyId: await openVacancyId(page.request) } }));
    expect(created.status()).toBe(200);
    const { id } = ((await created.json()) as { result: { data: { json: { id: string } } } }).result.data.json;
    const fetched = await query(page.request, "candidates.get", { id });
    expect(fetched.status()).toBe(200);
    const candidate = ((await fetched.json()) as { result: { data: { json: { name: string } } } }).result.data.json;
    expect(candidate.name).toBe(name);
    expect(candidate.name.normalize("NFC")).toBe(name.normalize("NFC"));
  });
});

test("live progress still streams over server-sent events (GET) behind the body limit", async ({ page }) => {
  await signIn(page, "interviewer1@riverside.example", PASSWORD);
  const mine = await query(page.request, "interviews.mine", undefined);
  expect(mine.status()).toBe(200);
  const rows = ((await mine.json()) as { result: { data: { json: Record<string, Array<{ interviewId: string }>> } } }).result.data.json;
  const interviewId = [...(rows.upcoming ?? []), ...(rows.toScore ?? []), ...(rows.submitted ?? [])][0]?.interviewId;
  expect(interviewId, "the demo interviewer has an interview").toBeTruthy();
  const url = `/api/trpc/scorecards.onProgress?input=${encodeURIComponent(JSON.stringify({ json: { interviewId } }))}`;
  const first = await page.evaluate(
    (src) =>
      new Promise<string>((resolve, reject) => {
        const events = new EventSource(src);
        const timer = setTimeout(() => (events.close(), reject(new Error("no event within 10 s"))), 10_000);
        events.onmessage = (event) => {
          clearTimeout(timer);
          events.close();
          resolve(String(event.data));
        };
      }),
    url,
  );
  expect(first).toMatch(/NOT_STARTED|IN_PROGRESS|SUBMITTED/);
});

test("API answers are gzip-compressed when the client accepts it, and identical either way", async ({ page }) => {
  await signIn(page, "manager@riverside.example", PASSWORD, { goto: null });
  // Fifty questions of the built-in banks: tens of kilobytes of JSON.
  const path = `/api/trpc/banks.searchQuestions?input=${encodeURIComponent(JSON.stringify({ json: { limit: 50 } }))}`;
  const zipped = await page.request.get(path, { headers: { "accept-encoding": "gzip" } });
  expect(zipped.status()).toBe(200);
  expect(zipped.headers()["content-encoding"]).toBe("gzip");
  // Playwright decompresses: the body is the JSON the client reads.
  const plain = await page.request.get(path, { headers: { "accept-encoding": "identity" } });
  expect(plain.headers()["content-encoding"]).toBeUndefined();
  expect(Number(plain.headers()["content-length"])).toBeGreaterThan(10_000);
  expect(await zipped.text()).toBe(await plain.text());
});

/** A raw HTTP/1.1 request (browsers and Playwright won't send a garbled Host header); resolves with the status. */
function rawRequest(path: string, headers: Record<string, string>, options: { abortAfterMs?: number } = {}): Promise<number | "aborted"> {
  const base = new URL(process.env.E2E_BASE_URL!);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: base.hostname, port: base.port, path, headers }, (res) => {
      if (options.abortAfterMs) {
        setTimeout(() => {
          req.destroy();
          resolve("aborted");
        }, options.abortAfterMs);
        return;
      }
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", (error) => (options.abortAfterMs ? resolve("aborted") : reject(error)));
    req.end();
  });
}

test("a garbled Host header, a broken escape in the path or a dropped live stream never takes the server down", async ({ page }) => {
  expect(await rawRequest("/api/trpc/banks.list", { host: "exa mple:99999" })).toBe(401);
  expect(await rawRequest("/api/trpc/banks.%E0%A4%A", { host: "localhost" })).toBeLessThan(500);
  await signIn(page, "interviewer1@riverside.example", PASSWORD, { goto: null });
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const mine = await query(page.request, "interviews.mine", undefined);
  const rows = ((await mine.json()) as { result: { data: { json: Record<string, Array<{ interviewId: string }>> } } }).result.data.json;
  const interviewId = [...(rows.upcoming ?? []), ...(rows.toScore ?? []), ...(rows.submitted ?? [])][0]!.interviewId;
  const stream = `/api/trpc/scorecards.onProgress?input=${encodeURIComponent(JSON.stringify({ json: { interviewId } }))}`;
  // Ten live-progress streams cut off by their clients mid-stream.
  await Promise.all(Array.from({ length: 10 }, () => rawRequest(stream, { cookie, accept: "text/event-stream" }, { abortAfterMs: 300 })));
  const health = await page.request.get("/api/health");
  expect(health.status()).toBe(200);
  expect((await query(page.request, "interviews.mine", undefined)).status()).toBe(200);
});

test.describe("route handlers and the REST API: bad input is a 4xx in the handler's own form, never a 500", () => {
  /** The signed-in page's cookies as a Cookie header, with `extra` appended (a tampered cookie of the test's). */
  const cookieHeader = async (page: import("@playwright/test").Page, extra = "") =>
    [...(await page.context().cookies()).map((c) => `${c.name}=${c.value}`), extra].filter(Boolean).join("; ");

  test("the REST API answers a broken %-escape in a path parameter with a 400 problem naming it, before any key", async () => {
    for (const path of ["/api/v1/candidates/%E0%A4%A", "/api/v1/interviews/%"]) {
      const response = await fetch(`${process.env.E2E_BASE_URL}${path}`);
      expect(response.status, path).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(((await response.json()) as { errors: Array<{ field: string }> }).errors[0]!.field).toBe("id");
    }
  });

  test("the CSV exports and the fairness report refuse days that do not exist or fall outside the app's years", async ({ page }) => {
    await signIn(page, "hr@riverside.example", PASSWORD, { goto: null });
    for (const [path, text] of [
      ["/api/export/comparison?from=0000-01-01", "from: Choose a date from 2000 to 2099"],
      ["/api/export/ratings?to=-000001-01-01", "to: Use a date like 2026-12-01"],
      ["/api/export/comparison-pages?from=2026-02-30", "from: There is no such day"],
      ["/api/export/fairness?to=2026-13-01", "to: There is no such day"],
      ["/api/export/fairness?from=0000-01-01", "from: Choose a date from 2000 to 2099"],
    ] as const) {
      const response = await page.request.get(path, { failOnStatusCode: false });
      expect(response.status(), path).toBe(400);
      expect(await response.text(), path).toContain(text);
    }
    await page.goto("/insights/fairness?from=2026-02-30");
    await expect(page.getByRole("alert").filter({ hasText: "There is no such day" })).toBeVisible();
    await page.goto("/insights/fairness?from=0000-01-01");
    await expect(page.getByRole("alert").filter({ hasText: "Choose a date from 2000 to 2099" })).toBeVisible();
  });

  test("a tampered language cookie is treated as absent by the exports", async ({ page }) => {
    await signIn(page, "hr@riverside.example", PASSWORD, { goto: null });
    const response = await fetch(`${process.env.E2E_BASE_URL}/api/export/ratings`, { headers: { cookie: await cookieHeader(page, "NEXT_LOCALE=%E0") } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
  });

  test("a NUL character in the calendar download's id is a 400 naming it", async ({ page }) => {
    await signIn(page, "interviewer1@riverside.example", PASSWORD, { goto: null });
    const response = await page.request.get("/api/calendar/interviews/x%00", { failOnStatusCode: false });
    // Next decodes %00 in the segment; the handler refuses it as the procedures do ("id: contains a NUL character").
    expect(response.status()).toBe(400);
  });

  test("the lay link route treats a tampered device cookie as no cookie", async () => {
    const response = await fetch(`${process.env.E2E_BASE_URL}/api/lay-link/open`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: "panelkit-lay-device=%E0%A4%A" },
      body: JSON.stringify({ token: "not-a-real-lay-link-token" }),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, reason: "UNKNOWN" });
  });
});

// The HTTP edges of the built app: oversized tRPC batches are refused before any procedure runs, on the
// production server and on the development server alike (the same app server); unreadable bodies get a
// message of ours, never a parser's or a library's; and every page answer, prefetches and React Server
// Component requests included, carries the nonce Content-Security-Policy.
import { spawn, type ChildProcess } from "node:child_process";
import type { APIRequestContext } from "@playwright/test";
import { appServerCommand } from "../scripts/lib/app-server-command";
import { findFreePort } from "../scripts/lib/embedded-db";
import { expect, signIn, test } from "./fixtures";

const PASSWORD = "panelkit-demo";
const MAX_BATCH_CALLS = 20; // src/lib/http/trpc-batch-limit.ts

type ErrorShape = { message: string; data: { code: string; httpStatus: number } };
type TrpcErrorBody = { error: { json: ErrorShape } };
const errorOf = (body: TrpcErrorBody | TrpcErrorBody[]): ErrorShape => (Array.isArray(body) ? body[0]! : body).error.json;

/** A batch of `n` calls of one query, as the app's client would send it (GET, paths joined by commas). */
const batchUrl = (n: number) => {
  const paths = Array.from({ length: n }, () => "org.viewer").join(",");
  const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: null }]));
  return `/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
};

/** An open vacancy of the signed-in member's organisation, so each create of a batch would succeed if it ran. */
async function openVacancyId(request: APIRequestContext, base = "") {
  const response = await request.get(`${base}/api/trpc/candidates.vacancyOptions`, { failOnStatusCode: false });
  const vacancies = ((await response.json()) as { result: { data: { json: Array<{ id: string; status: string }> } } }).result.data.json;
  return vacancies.find((v) => v.status === "OPEN")!.id;
}

/** A batch of `n` mutations (POST): none may run when the batch is too large. */
const createBatch = async (request: APIRequestContext, n: number, name: string, base = "") => {
  const vacancyId = await openVacancyId(request, base);
  return request.post(`${base}/api/trpc/${Array.from({ length: n }, () => "candidates.create").join(",")}?batch=1`, {
    headers: { "content-type": "application/json" },
    data: JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: { name: `${name} ${i}`, vacancyId } }]))),
    failOnStatusCode: false,
  });
};

const LIBRARY_TEXT = /Unexpected|JSON\.parse|SyntaxError|superjson|github\.com|deserialize|at \S+:\d+|position \d+|token/i;

test.describe("tRPC batches are limited in size", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "manager@riverside.example", PASSWORD, { goto: null });
  });

  test("the production server answers a batch of 20 and refuses 21 with a 400 before running any call", async ({ page }) => {
    const allowed = await page.request.get(batchUrl(MAX_BATCH_CALLS), { failOnStatusCode: false });
    expect(allowed.status()).toBe(200);
    expect(((await allowed.json()) as unknown[]).length).toBe(MAX_BATCH_CALLS);

    const tooMany = await page.request.get(batchUrl(MAX_BATCH_CALLS + 1), { failOnStatusCode: false });
    expect(tooMany.status()).toBe(400);
    const error = errorOf((await tooMany.json()) as TrpcErrorBody);
    expect(error.message).toBe(`A batch may hold at most ${MAX_BATCH_CALLS} calls; this one has ${MAX_BATCH_CALLS + 1}. Send fewer at once.`);
    expect(error.data).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400 });

    const name = `Batch ${Date.now()}`;
    const refused = await createBatch(page.request, 500, name);
    expect(refused.status()).toBe(400);
    const list = await page.request.get(`/api/trpc/candidates.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`);
    expect(await list.text()).not.toContain(name);
  });

  test("the development server (`npm run dev`) is the same app server and refuses the same batch", async ({ page }) => {
    test.setTimeout(180_000); // a second server starts, with Next.js's development compiler
    // scripts/serve.ts --dev, as `npm run dev` runs it: /api/trpc takes the production server's path, not a Next.js route.
    const port = await findFreePort();
    const [command, args] = appServerCommand([], { dev: true });
    const dev = spawn(command, args, {
      env: { ...process.env, NODE_ENV: "development", PORT: String(port), HOSTNAME: "127.0.0.1", NEXTAUTH_URL: `http://localhost:${port}` },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    for (const stream of [dev.stdout!, dev.stderr!]) stream.on("data", (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000)));
    try {
      const base = `http://localhost:${port}`;
      await waitForAnswer(`http://127.0.0.1:${port}${batchUrl(1)}`, dev, () => output);
      const tooMany = await page.request.get(`${base}${batchUrl(MAX_BATCH_CALLS + 1)}`, { failOnStatusCode: false });
      expect(tooMany.status()).toBe(400);
      expect(errorOf((await tooMany.json()) as TrpcErrorBody).message).toMatch(/at most 20 calls; this one has 21/);
      const allowed = await page.request.get(`${base}${batchUrl(2)}`, { failOnStatusCode: false });
      expect(allowed.status()).toBe(200);
      // The API's own headers, as in production (e2e/hardening.spec.ts).
      expect(allowed.headers()["content-security-policy"]).toContain("default-src 'none'");
      expect(allowed.headers()["x-request-id"]).toBeTruthy();
    } finally {
      try {
        process.kill(-dev.pid!, "SIGTERM");
      } catch {
        // already gone
      }
    }
  });
});

/** Waits until the server answers `url` at all (any status). */
async function waitForAnswer(url: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the development server exited with ${server.exitCode}:\n${output()}`);
    if (await fetch(url).then(() => true, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the development server did not answer:\n${output()}`);
}

test.describe("unreadable requests get our message, never a parser's", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "manager@riverside.example", PASSWORD, { goto: null });
  });

  const post = (request: APIRequestContext, body: string, contentType = "application/json") =>
    // A Buffer goes out byte for byte; a string with a JSON content type would be JSON-encoded by Playwright.
    request.post("/api/trpc/candidates.create", { headers: { "content-type": contentType }, data: Buffer.from(body), failOnStatusCode: false });

  test("malformed JSON: 400, a generic sentence, no stack and no library text", async ({ page }) => {
    for (const body of ['{"json":{"name":"Ada"', "not json", "{'json': 1}", "\u0000", '{"json":}']) {
      const response = await post(page.request, body);
      expect(response.status(), body).toBe(400);
      const text = await response.text();
      expect(text, body).not.toMatch(LIBRARY_TEXT);
      expect(errorOf(JSON.parse(text) as TrpcErrorBody).message, body).toBe("The request body is not valid JSON.");
    }
    const query = await page.request.get("/api/trpc/candidates.list?input=%7Bnot-json", { failOnStatusCode: false });
    expect(query.status()).toBe(400);
    expect(errorOf((await query.json()) as TrpcErrorBody).message).toBe("The request's input is not valid JSON.");
  });

  test("JSON that superjson cannot read: 400 and a generic sentence", async ({ page }) => {
    const bodies = [
      { json: { name: "Ada" }, meta: { values: { name: ["class", "Evil"] } } },
      { json: { name: "Ada" }, meta: { values: { name: ["custom", "nope"] } } },
      { json: { name: "Ada" }, meta: { values: { "__proto__.polluted": ["Date"] } } },
      { json: { name: "Ada" }, meta: { values: "not an object", referentialEqualities: 5 } },
    ];
    for (const body of bodies) {
      const response = await post(page.request, JSON.stringify(body));
      expect(response.status(), JSON.stringify(body)).toBe(400);
      const text = await response.text();
      expect(text, JSON.stringify(body)).not.toMatch(LIBRARY_TEXT);
      expect(errorOf(JSON.parse(text) as TrpcErrorBody).message).toBe("The request's input could not be read. Send it in the form the app's own client uses.");
    }
  });

  test("a wrong content type: 415 naming the one we take, without echoing the sender's", async ({ page }) => {
    const response = await post(page.request, "<x/>", "text/evil-<script>");
    expect(response.status()).toBe(415);
    const text = await response.text();
    expect(text).not.toContain("evil");
    expect(errorOf(JSON.parse(text) as TrpcErrorBody).message).toBe("Send the request body as JSON (Content-Type: application/json).");
  });
});

test.describe("every page answer carries the Content-Security-Policy", () => {
  const hasNoncePolicy = (policy: string | undefined) => !!policy && /script-src[^;]*'nonce-[A-Za-z0-9+/=_-]+'/.test(policy);

  test("documents, prefetches and RSC requests, signed in and out", async ({ page }) => {
    test.setTimeout(180_000); // 60 page renders
    const variants: Array<[string, Record<string, string>]> = [
      ["document", {}],
      ["RSC", { RSC: "1" }],
      ["router prefetch", { RSC: "1", "Next-Router-Prefetch": "1" }],
      ["Purpose: prefetch", { Purpose: "prefetch" }],
      ["Sec-Purpose: prefetch", { "Sec-Purpose": "prefetch" }],
      ["all prefetch headers", { RSC: "1", "Next-Router-Prefetch": "1", Purpose: "prefetch", "Next-Router-Segment-Prefetch": "/_tree" }],
    ];
    const check = async (paths: string[]) => {
      for (const p of paths) {
        for (const [label, headers] of variants) {
          for (const url of [p, `${p}${p.includes("?") ? "&" : "?"}_rsc=abc12`]) {
            const response = await page.request.get(url, { headers, failOnStatusCode: false, maxRedirects: 0 });
            expect(hasNoncePolicy(response.headers()["content-security-policy"]), `${url} (${label}) -> ${response.status()}`).toBe(true);
          }
        }
      }
    };
    await check(["/signin", "/no-such-page"]);
    await signIn(page, "manager@riverside.example", PASSWORD, { goto: null });
    await check(["/", "/candidates", "/no-such-page"]);
  });

  test("HTML that next-auth serves under /api carries a policy too", async ({ page }) => {
    for (const url of ["/api/auth/signin", "/api/auth/error?error=Configuration", "/api/auth/signout"]) {
      const response = await page.request.get(url, { failOnStatusCode: false, maxRedirects: 0 });
      if (!response.headers()["content-type"]?.includes("text/html")) continue;
      expect(response.headers()["content-security-policy"], url).toMatch(/default-src/);
    }
  });
});

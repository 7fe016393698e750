// HTTP hardening seen from a real browser: the Content-Security-Policy lets the app's own scripts run
// on every main page and blocks a script without the nonce; security headers; session cookie attributes.
import type { Page } from "@playwright/test";
import pg from "pg";
import { expect, signIn, test } from "./fixtures";

const DEMO_PASSWORD = "panelkit-demo";

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation;
      void report(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`);
    });
  });
  return violations;
}

/** A page is working when React has hydrated it: a client-side link click navigates without a reload. */
async function expectHydrated(page: Page) {
  await expect.poll(() => page.evaluate(() => document.readyState)).toBe("complete");
  // next/link only intercepts clicks once hydrated; __next_f is Next's flight data, filled by nonce'd scripts.
  expect(await page.evaluate(() => Array.isArray((window as unknown as { __next_f?: unknown[] }).__next_f))).toBe(true);
}

async function upcomingInterviewOf(email: string): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT i.id FROM "Interview" i JOIN "PanelMember" pm ON pm."interviewId" = i.id JOIN "User" u ON u.id = pm."userId"
       WHERE u.email = $1 ORDER BY i."scheduledAt" DESC LIMIT 1`,
      [email],
    );
    return rows[0]!.id;
  } finally {
    await client.end();
  }
}

test("every page gets a fresh nonce policy and the security headers", async ({ page }) => {
  const first = await page.goto("/signin");
  const headers = first!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  for (const directive of [
    "default-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-powered-by"]).toBeUndefined();

  // Next.js put this response's nonce on its own scripts; the next response has a different one.
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  const scriptNonces = await page.locator("script[src]").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  const second = await page.request.get("/signin");
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);

  // API answers carry the headers too.
  const api = await page.request.get("/api/health");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  // tRPC answers come from the API server (src/server/http/app-server.ts), not Next.js: the same headers.
  const trpc = await page.request.get("/api/trpc/banks.list");
  expect(trpc.status()).toBe(401);
  for (const [name, value] of Object.entries({
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "cross-origin-opener-policy": "same-origin",
  })) {
    expect(trpc.headers()[name], name).toBe(value);
  }
  expect(trpc.headers()["x-powered-by"]).toBeUndefined();

  // So does the REST API, served beside tRPC (src/server/http/rest-handler.ts): problem details, the API's
  // headers, gzip when asked, HEAD as GET without a body, and a body over the limit refused.
  const rest = await page.request.get("/api/v1/candidates");
  expect(rest.status()).toBe(401);
  expect(rest.headers()["content-type"]).toBe("application/problem+json");
  expect(rest.headers()["www-authenticate"]).toContain("Bearer");
  expect(rest.headers()["content-security-policy"]).toBe(trpc.headers()["content-security-policy"]);
  expect(rest.headers()["x-frame-options"]).toBe("DENY");
  expect(((await rest.json()) as { status: number }).status).toBe(401);
  const contract = await page.request.get("/api/v1/openapi.json", { headers: { "Accept-Encoding": "gzip" } });
  expect(contract.headers()["content-encoding"]).toBe("gzip");
  expect(((await contract.json()) as { openapi: string }).openapi).toMatch(/^3\./);
  const head = await page.request.head("/api/v1/openapi.json");
  expect(head.status()).toBe(200);
  expect(await head.body()).toHaveLength(0);
  const tooBig = await page.request.post("/api/v1/candidates", { headers: { "Content-Type": "application/json" }, data: `"${"x".repeat(1_000_001)}"` });
  expect(tooBig.status()).toBe(413);
});

test("the app's pages run under the policy without a single violation", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const violations = await watchCsp(page);
  await page.goto("/signin");
  await expectHydrated(page);
  await signIn(page, "manager@riverside.example", DEMO_PASSWORD, { goto: null });
  for (const path of ["/banks", "/scripts", "/interviews", "/candidates", "/members"]) {
    await page.goto(path);
    await expectHydrated(page);
  }
  // The script builder (drag and drop, autosave) and its print view.
  await page.goto("/scripts");
  await page.getByRole("main").getByRole("link").filter({ hasText: /\S/ }).first().click();
  await expect(page).toHaveURL(/\/scripts\/[^/]+$/);
  await expect(page.getByRole("button", { name: /Publish/ }).first()).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname}/print`);
  await expectHydrated(page);
  expect(violations).toEqual([]);

  // HR: the comparison and a candidate summary, both with charts.
  const hr = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const hrPage = await hr.newPage();
  const hrViolations = await watchCsp(hrPage);
  await signIn(hrPage, "hr@riverside.example", DEMO_PASSWORD, { goto: "/insights/compare" });
  await expect(hrPage.locator("svg.recharts-surface").first()).toBeVisible();
  await hrPage.getByRole("table").first().getByRole("link").first().click();
  await expect(hrPage).toHaveURL(/\/insights\/candidates\//);
  await expectHydrated(hrPage);
  await hrPage.goto("/insights/calibration");
  await expectHydrated(hrPage);
  expect(hrViolations).toEqual([]);
  await hr.close();

  // An interviewer's scoring page, which registers the offline service worker, then reloads offline.
  const panelist = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const scoring = await panelist.newPage();
  const scoringViolations = await watchCsp(scoring);
  await signIn(scoring, "interviewer1@riverside.example", DEMO_PASSWORD, {
    goto: `/interviews/${await upcomingInterviewOf("interviewer1@riverside.example")}/score`,
  });
  await expect(scoring.getByTestId("question-in-focus")).toBeVisible();
  await expect.poll(() => scoring.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.active)).toBe(true);
  // The worker keeps the scoring page itself for offline reloads once the page has told it to.
  await expect
    .poll(() => scoring.evaluate(async () => !!(await (await caches.open("panelkit-scoring-v1")).match(location.pathname))))
    .toBe(true);
  await panelist.setOffline(true);
  await scoring.reload();
  await expect(scoring.getByTestId("question-in-focus")).toBeVisible();
  await panelist.setOffline(false);
  expect(scoringViolations).toEqual([]);
  await panelist.close();
});

test("markup planted in the page without the nonce does not run, and the browser reports it", async ({ page }) => {
  const violations = await watchCsp(page);
  // What stored XSS would look like if an escape were missed: tags in the server's HTML, with the
  // real response headers (and so the real policy) kept.
  await page.route("**/signin", async (route) => {
    if (route.request().resourceType() !== "document") return route.fallback();
    const response = await route.fetch();
    const planted =
      `<script>window.__planted = "inline";</script>` +
      `<img alt="" src="data:," onerror="window.__planted = 'handler'">`;
    const body = (await response.text()).replace("</main>", `${planted}</main>`);
    expect(body).toContain(planted);
    await route.fulfill({ response, body });
  });
  await page.goto("/signin");
  await expectHydrated(page);
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => (window as unknown as { __planted?: string }).__planted)).toBeUndefined();
  expect(violations.join("\n")).toMatch(/script-src-elem blocked inline/);
  expect(violations.join("\n")).toMatch(/script-src-attr blocked inline/);
  // The app's own scripts still ran: the form works.
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
  await page.unroute("**/signin");
});

test("the session cookie is httpOnly and SameSite=Lax, and signing out clears it", async ({ page, context }) => {
  const [callback] = await Promise.all([
    page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials")),
    signIn(page, "manager@riverside.example", DEMO_PASSWORD, { viaForm: true }),
  ]);
  const setCookies = (await callback.headersArray()).filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  const session = setCookies.find((value) => value.startsWith("next-auth.session-token="));
  expect(session, setCookies.join("\n")).toBeDefined();
  expect(session).toMatch(/;\s*HttpOnly/i);
  expect(session).toMatch(/;\s*SameSite=Lax/i);
  expect(session).toMatch(/;\s*Path=\//i);
  // Plain-http test server: Secure would make the browser drop the cookie (https deployments get it).
  expect(session).not.toMatch(/;\s*Secure/i);
  const expires = Date.parse(/Expires=([^;]+)/i.exec(session!)![1]!);
  expect(expires - Date.now()).toBeGreaterThan(7.9 * 3_600_000);
  expect(expires - Date.now()).toBeLessThanOrEqual(8 * 3_600_000 + 60_000);

  // Scripts on the page can't read it.
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
  const stored = (await context.cookies()).find((c) => c.name === "next-auth.session-token");
  expect(stored).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect((await context.cookies()).find((c) => c.name === "next-auth.session-token")).toBeUndefined();
  await page.goto("/banks");
  await expect(page).toHaveURL(/\/signin/);
});

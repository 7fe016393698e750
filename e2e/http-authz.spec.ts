// Authorization of the HTTP routes outside tRPC, against the running app: health (public), the auth
// session endpoint, the CSV exports (sign-in, permission, and organisation isolation), the invitation page
// with a bad token, and a tRPC call without a session.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

const PASSWORD = "panelkit-demo";
const EXPORTS = ["/api/export/comparison", "/api/export/ratings"] as const;

const query = (request: APIRequestContext, path: string, input?: unknown) =>
  request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { failOnStatusCode: false });

/** The demo organisation's candidates (ids and names), as HR sees them. */
async function demoCandidates(page: Page) {
  const response = await query(page.request, "candidates.list", {});
  expect(response.status()).toBe(200);
  return ((await response.json()) as { result: { data: { json: Array<{ id: string; name: string }> } } }).result.data.json;
}

test("the health check is public and says nothing private", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});

test("the session endpoint holds no user when signed out, and only the caller's own when signed in", async ({ page, request }) => {
  const signedOut = await request.get("/api/auth/session");
  expect(signedOut.status()).toBe(200);
  const empty = (await signedOut.json()) as { user?: unknown };
  expect(empty.user).toBeUndefined();

  await signIn(page, "interviewer1@riverside.example", PASSWORD, { goto: null });
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe("interviewer1@riverside.example");
  expect(JSON.stringify(session)).not.toMatch(/passwordHash|argon2/);
});

test("tRPC refuses organisation data without a session: 401, not the data", async ({ request }) => {
  const response = await query(request, "candidates.list", {});
  expect(response.status()).toBe(401);
  expect(await response.text()).not.toContain("riverside");
});

test.describe("CSV exports", () => {
  test("signed out: 401 for both exports", async ({ request }) => {
    for (const path of EXPORTS) {
      const response = await request.get(path, { failOnStatusCode: false, maxRedirects: 0 });
      expect([401, 302, 307]).toContain(response.status());
      expect(response.headers()["content-type"] ?? "").not.toContain("text/csv");
    }
  });

  test("an interviewer: 403, no CSV", async ({ page }) => {
    await signIn(page, "interviewer1@riverside.example", PASSWORD, { goto: null });
    for (const path of EXPORTS) {
      const response = await page.request.get(path, { failOnStatusCode: false });
      expect(response.status(), path).toBe(403);
      expect(response.headers()["content-type"]).not.toContain("text/csv");
    }
  });

  test("HR: 200 with a CSV of the organisation's candidates; bad filters are a 400 naming the parameter", async ({ page }) => {
    await signIn(page, "hr@riverside.example", PASSWORD, { goto: null });
    const names = (await demoCandidates(page)).map((c) => c.name);
    for (const path of EXPORTS) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()["content-type"]).toContain("text/csv");
      expect(response.headers()["content-disposition"]).toMatch(/attachment; filename=".+\.csv"/);
      const csv = await response.text();
      expect(names.some((name) => csv.includes(name)), `${path} lists the demo candidates`).toBe(true);
    }
    const bad = await page.request.get("/api/export/comparison?from=not-a-date", { failOnStatusCode: false });
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toContain("from");
    const nul = await page.request.get("/api/export/comparison?vacancy=Crisis%00Worker", { failOnStatusCode: false });
    expect(nul.status(), "a NUL byte in a filter").toBeLessThan(500);
  });

  test("another organisation's admin gets no row of this organisation, even filtering by its ids", async ({ page, browser }) => {
    await signIn(page, "hr@riverside.example", PASSWORD, { goto: null });
    const demo = await demoCandidates(page);
    expect(demo.length).toBeGreaterThan(0);

    // A second organisation, signed up through the API like the sign-up page does.
    const context = await browser.newContext();
    const other = await context.newPage();
    const email = `other-admin-${Date.now()}@elsewhere.example`;
    const password = "Quartz-lantern-orbit-93!";
    const signUp = await other.request.post("/api/trpc/auth.signUp", {
      headers: { "content-type": "application/json" },
      data: JSON.stringify({ json: { name: "Other Admin", email, password, organizationName: `Elsewhere Care ${Date.now()}` } }),
    });
    expect(signUp.status(), await signUp.text()).toBe(200);
    await signIn(other, email, password);

    const ids = demo.map((c) => c.id).join(",");
    for (const path of EXPORTS) {
      for (const url of [path, `${path}?candidateIds=${encodeURIComponent(ids)}`]) {
        const response = await other.request.get(url);
        expect(response.status(), url).toBe(200);
        const csv = await response.text();
        for (const candidate of demo) {
          expect(csv, url).not.toContain(candidate.id);
          expect(csv, url).not.toContain(candidate.name);
        }
      }
    }
    // And tRPC answers NOT_FOUND for one of those candidates.
    const foreign = await query(other.request, "candidates.get", { id: demo[0]!.id });
    expect(foreign.status()).toBe(404);
    await context.close();
  });
});

test("an invitation page with a bad token says the link is not valid (no error page, no details)", async ({ page }) => {
  for (const token of ["not-a-real-token-0123456789abcdefghijklmnop", "short", "%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00"]) {
    const response = await page.goto(`/invite/${token}`);
    expect(response?.status(), token).toBeLessThan(500);
    await expect(page.getByRole("main").getByRole("alert")).toContainText(/not valid|incomplete/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invitation");
  }
});

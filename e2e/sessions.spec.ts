// Sessions end on the server when someone signs out: a copy of the session cookie taken before is refused
// by the API and the pages. And the sign-in page sends a signed-in visitor only to a path of this site.
import type { APIRequestContext } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

const PASSWORD = "Quartz-lantern-orbit-93!";

/** A new account and organisation, made through the API as the sign-up page does. */
async function signUpFresh(request: APIRequestContext): Promise<string> {
  const email = `session-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@sessions.example`;
  const response = await request.post("/api/trpc/auth.signUp", {
    headers: { "content-type": "application/json" },
    data: JSON.stringify({ json: { name: "Sasha Session", email, password: PASSWORD, organizationName: `Session Care ${Date.now()}` } }),
  });
  expect(response.status(), await response.text()).toBe(200);
  return email;
}

test("a session cookie copied before signing out is refused afterwards, by the API and by pages", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000); // two sign-ins, a sign-out and a second browser context on a shared 2-core machine
  const email = await signUpFresh(page.request);
  await signIn(page, email, PASSWORD, { viaForm: true });
  const copied = (await page.context().cookies()).filter((c) => c.name.includes("next-auth.session-token"));
  expect(copied.length, "a next-auth session cookie after signing in").toBeGreaterThan(0);
  expect((await page.request.get("/api/trpc/org.viewer")).status()).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  // Someone who kept the cookie (another tab, a stolen copy) replays it.
  const replay = await browser.newContext({ baseURL });
  await replay.addCookies(copied);
  const api = await replay.request.get("/api/trpc/org.viewer");
  expect(api.status()).toBe(401);
  expect(await api.text()).toContain("Your session has ended: sign in again.");
  const replayPage = await replay.newPage();
  await replayPage.goto("/banks");
  await expect(replayPage).toHaveURL(/\/signin/);
  await replay.close();

  // Signing in again gives a working session.
  await signIn(page, email, PASSWORD, { viaForm: true });
  expect((await page.request.get("/api/trpc/org.viewer")).status()).toBe(200);
});

test("a signed-in visitor's callbackUrl leads only to a path of this site", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const email = await signUpFresh(page.request);
  await signIn(page, email, PASSWORD);
  const origin = new URL(baseURL!).origin;
  for (const callbackUrl of ["/\\evil.example", "/%5Cevil.example", "/%09/evil.example", "//evil.example", "https://evil.example/"]) {
    const response = await page.request.get(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
    const location = response.headers()["location"] ?? "";
    expect(location, callbackUrl).not.toContain("evil.example");
    expect(new URL(location, origin).origin, callbackUrl).toBe(origin);
  }
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/scripts")}`);
  await expect(page).toHaveURL(`${origin}/scripts`);
});

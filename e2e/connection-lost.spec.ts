// A form sent when the server gets no answer (src/trpc/unreachable.ts): the browser's own English words
// ("Failed to fetch") used to show, in any language, and an offline browser left the button at "Creating…" with
// nothing said. Now the form says the server can't be reached, in the reader's language, keeps what was typed,
// and sent again once the connection is back, it creates the record once.
import type { Page } from "@playwright/test";
import { LOCALE_COOKIE } from "../src/i18n/config";
import { DEMO_PASSWORD } from "./support/app-stack";
import { expect, signIn, test } from "./fixtures";

const MANAGER = "manager@riverside.example";
const ENGLISH = "The server can't be reached. Check the connection and try again.";
const SPANISH = "No se puede conectar con el servidor. Revise la conexión e inténtelo de nuevo.";

async function openNewBank(page: Page, language: "en" | "es", baseURL: string): Promise<void> {
  await signIn(page, MANAGER, DEMO_PASSWORD, { goto: null });
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: language, url: baseURL }]);
  await page.goto("/banks/new");
  await expect(page.locator("html")).toHaveAttribute("lang", language);
}

test("the server cut off: the form says so in the reader's words, keeps the typing, and creates the bank once when sent again", async ({ page, baseURL }) => {
  await openNewBank(page, "en", baseURL!);
  const name = `Unreachable bank ${Date.now()}`;
  await page.getByLabel("Bank name").fill(name);
  // The worst case: the server got the request and created the bank, but its answer was lost on the way back.
  await page.route("**/api/trpc/**", async (route) => {
    await route.fetch();
    await route.abort("connectionreset");
  });
  await page.getByRole("button", { name: "Create bank" }).click();
  await expect(page.getByRole("alert").filter({ hasText: ENGLISH })).toBeVisible();
  await expect(page.getByText("Failed to fetch")).toHaveCount(0);
  await expect(page.getByLabel("Bank name")).toHaveValue(name);

  await page.unroute("**/api/trpc/**");
  await page.getByRole("button", { name: "Create bank" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.goto("/banks");
  await expect(page.getByRole("link", { name: `Manage ${name}`, exact: true })).toHaveCount(1);
});

test("a proxy's error page instead of the API's answer gets the same words", async ({ page, baseURL }) => {
  await openNewBank(page, "en", baseURL!);
  await page.getByLabel("Bank name").fill(`Proxied bank ${Date.now()}`);
  await page.route("**/api/trpc/**", (route) => route.fulfill({ status: 502, contentType: "text/html", body: "<html><body>Bad gateway</body></html>" }));
  await page.getByRole("button", { name: "Create bank" }).click();
  await expect(page.getByRole("alert").filter({ hasText: ENGLISH })).toBeVisible();
});

test("offline, a Spanish reader is told at once in Spanish, and the button is ready to send again", async ({ page, baseURL }) => {
  await openNewBank(page, "es", baseURL!);
  await page.getByRole("main").getByRole("textbox").first().fill(`Banco sin conexión ${Date.now()}`);
  await page.context().setOffline(true);
  const send = page.getByRole("main").locator("form button[type=submit]");
  await send.click();
  await expect(page.getByRole("alert").filter({ hasText: SPANISH })).toBeVisible();
  await expect(send).toBeEnabled();
  await page.context().setOffline(false);
});

test("edited after the answer was lost, the form is a new submission: the bank is made with the edit, not answered with the first", async ({ page, baseURL }) => {
  await openNewBank(page, "en", baseURL!);
  const first = `Lost answer bank ${Date.now()}`;
  await page.getByLabel("Bank name").fill(first);
  await page.route("**/api/trpc/**", async (route) => {
    await route.fetch();
    await route.abort("connectionreset");
  });
  await page.getByRole("button", { name: "Create bank" }).click();
  await expect(page.getByRole("alert").filter({ hasText: ENGLISH })).toBeVisible();

  // The name is corrected before sending again: that is a new submission, made as typed (it used to be answered
  // with the first bank, and the correction was dropped without a word).
  await page.unroute("**/api/trpc/**");
  const corrected = `${first} (corrected)`;
  await page.getByLabel("Bank name").fill(corrected);
  await page.getByRole("button", { name: "Create bank" }).click();
  await expect(page.getByRole("heading", { level: 1, name: corrected })).toBeVisible();
});

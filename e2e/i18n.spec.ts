// Panelkit in Spanish (issue 23): a panelist switches language in the header; the shell, My interviews and an
// interview page are then in Spanish, with dates written for Spanish, and axe finds nothing in either language
// (the fixtures audit every page visited; the explicit checks cover the states after switching).
import { checkA11y, expect, signIn, test } from "./fixtures";

const DEMO_PASSWORD = "panelkit-demo";
const SPANISH_MONTH = /\b(ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\b/;

test("a panelist switches to Spanish: shell, My interviews and an interview page in Spanish, axe clean in both", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, "interviewer1@riverside.example", DEMO_PASSWORD, { goto: "/my-interviews" });
  await expect(page.getByRole("heading", { level: 1, name: "My interviews" })).toBeVisible();

  await page.getByLabel("Language").selectOption("es");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1, name: "Mis entrevistas" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Mis entrevistas" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cerrar sesión" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Calendario suscrito" })).toBeVisible();
  expect(await checkA11y(page)).toEqual([]);

  // The choice is saved to the account: the interview page, opened fresh, is in Spanish with Spanish dates.
  await page.getByTestId("my-interview").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Entrevista con / })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Guion" })).toBeVisible();
  await expect(page.locator("time").first()).toHaveText(SPANISH_MONTH);
  expect(await checkA11y(page)).toEqual([]);

  // Back to English (the demo account is shared with other specs).
  await page.getByLabel("Idioma").selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: /^Interview with / })).toBeVisible();
});

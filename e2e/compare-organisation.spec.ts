// The organisation-wide comparison in pages (issue 18): HR pages forward and back with the keyboard at
// 320 px, the page and its cursor in the URL (axe audits the page the test ends on).
import { expect, signIn, test } from "./fixtures";

test("HR pages through every candidate of the organisation with the keyboard at 320 px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await signIn(page, "hr@riverside.example", "panelkit-demo");
  await page.goto("/insights/compare/organisation?size=2");
  await expect(page.getByRole("heading", { name: "Compare every candidate" })).toBeVisible();
  const rows = page.getByRole("region", { name: "Candidates compared by competency" }).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  const firstPage = await rows.locator("th").allInnerTexts();
  await expect(page.getByRole("status").filter({ hasText: /^Candidates 1–2 of \d+ · page 1$/ })).toBeVisible();

  const pages = page.getByRole("navigation", { name: "Pages" });
  await expect(pages.getByRole("button", { name: "Previous page" })).toBeDisabled();
  await pages.getByRole("button", { name: "Next page" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/after=.*page=2|page=2.*after=/);
  await expect(page.getByRole("status").filter({ hasText: /^Candidates 3–4 of \d+ · page 2$/ })).toBeVisible();
  const secondPage = await rows.locator("th").allInnerTexts();
  expect(secondPage.some((label) => firstPage.includes(label))).toBe(false);

  await pages.getByRole("button", { name: "Previous page" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /· page 1$/ })).toBeVisible();
  await expect(rows.locator("th")).toHaveText(firstPage);
});

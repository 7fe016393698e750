// Insights: HR compares candidates (pick, sort, blind review, CSV export, summary) and reads calibration;
// an interviewer gets neither the comparison nor anyone else's calibration figures.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { parse } from "csv-parse/sync";

const DEMO_PASSWORD = "panelkit-demo";
const DEMO_CANDIDATES = ["Amara Nwosu", "Daniel Fischer", "Leila Haddad", "Tomás Rivera", "Grace Whitfield", "Kenji Watanabe"];
const PICKED = ["Amara Nwosu", "Daniel Fischer", "Leila Haddad"];

/** CSV as the downloaded file holds it, read with csv-parse (quoted fields, line breaks inside quotes). */
const parseCsv = (text: string): string[][] => parse(text, { bom: true });

const table = (page: Page) => page.getByTestId("comparison-table");

/** The column id of the comparison table's column whose heading starts with `name`. */
async function columnId(page: Page, name: string): Promise<string> {
  const id = await table(page).locator("thead th").filter({ hasText: new RegExp(`^${name}`) }).getAttribute("data-column");
  expect(id).toBeTruthy();
  return id!;
}

/** The candidate labels and one column's means, row by row, as the table shows them. */
async function readTable(page: Page, column: string) {
  const rows = table(page).locator("tbody tr");
  const count = await rows.count();
  const out: Array<{ label: string; href: string; mean: string }> = [];
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const link = row.locator('th[data-column="candidate"] a');
    out.push({
      label: (await link.innerText()).trim(),
      href: (await link.getAttribute("href")) ?? "",
      mean: (await row.locator(`td[data-column="${column}"] [data-testid="mean"]`).innerText()).trim(),
    });
  }
  return out;
}

const idFromHref = (href: string) => new URL(href, "http://x").pathname.split("/").at(-1)!;

test("HR compares three candidates, sorts by a competency, reviews blind, exports what is shown and reads calibration", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "hr@riverside.example", DEMO_PASSWORD);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\/insights\/compare/);
  await expect(page.getByRole("heading", { name: "Compare candidates" })).toBeVisible();
  // By default every candidate with submitted scorecards is compared: the five interviewed demo candidates.
  await expect(table(page).locator("tbody tr")).not.toHaveCount(0);
  await expect(table(page).getByRole("link", { name: "Amara Nwosu" })).toBeVisible();

  // Pick three and compare only those.
  const picker = page.getByRole("group", { name: "Candidates" });
  for (const name of PICKED) await picker.getByRole("checkbox", { name: new RegExp(name) }).check();
  await page.getByRole("button", { name: /^Compare selected/ }).click();
  await expect(page).toHaveURL(/candidateIds=/);
  await expect(table(page).locator("tbody tr")).toHaveCount(3);
  for (const name of PICKED) await expect(table(page).getByRole("link", { name })).toBeVisible();

  // Every competency cell says how many ratings it rests on.
  const ethics = await columnId(page, "Ethics");
  await expect(table(page).locator(`tbody td[data-column="${ethics}"]`).first()).toContainText(/n=\d+/);

  // Who is who, before the names go.
  const named = await readTable(page, ethics);
  const nameById = new Map(named.map((r) => [idFromHref(r.href), r.label]));
  expect([...nameById.values()].sort()).toEqual([...PICKED].sort());

  // Sort by Ethics, highest first.
  const ethicsHeader = table(page).locator(`thead th[data-column="${ethics}"]`);
  await ethicsHeader.getByRole("button").click();
  await expect(ethicsHeader).not.toHaveAttribute("aria-sort", "none");
  // Numbers sort highest first on the first click; a second click would turn it round.
  if ((await ethicsHeader.getAttribute("aria-sort")) !== "descending") await ethicsHeader.getByRole("button").click();
  await expect(ethicsHeader).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/sort=/);
  const sorted = await readTable(page, ethics);
  const means = sorted.map((r) => (r.mean === "–" ? -Infinity : Number(r.mean)));
  expect(means.every((m) => m === -Infinity || Number.isFinite(m))).toBe(true);
  expect(means).toEqual([...means].sort((a, b) => b - a));

  // Blind review: labels replace names everywhere on the page, and the URL says so.
  await page.getByRole("switch", { name: "Blind review" }).check();
  await expect(page).toHaveURL(/blind=1/);
  await expect(table(page).getByRole("link", { name: /^Candidate [A-Z]+$/ })).toHaveCount(3);
  const main = page.locator("main");
  for (const name of DEMO_CANDIDATES) await expect(main).not.toContainText(name);
  await expect(ethicsHeader).toHaveAttribute("aria-sort", "descending");
  const blindRows = await readTable(page, ethics);
  expect(blindRows.map((r) => r.mean)).toEqual(sorted.map((r) => r.mean));
  expect(blindRows.map((r) => idFromHref(r.href))).toEqual(sorted.map((r) => idFromHref(r.href)));
  for (const row of blindRows) {
    expect(row.label).toMatch(/^Candidate [A-Z]+$/);
    expect(row.href).toContain("blind=1");
  }

  // The table export holds exactly the rows shown, in the order shown, with no names.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export table (CSV)" }).click()]);
  const csv = await readFile((await download.path())!, "utf8");
  for (const name of DEMO_CANDIDATES) expect(csv).not.toContain(name);
  const [header, ...records] = parseCsv(csv.replace(/^\uFEFF/, ""));
  expect(header).toBeDefined();
  const labelAt = header!.findIndex((h) => /^candidate$/i.test(h.trim()));
  const ethicsAt = header!.findIndex((h) => /^ethics\b.*mean/i.test(h.trim()));
  expect(labelAt).toBeGreaterThanOrEqual(0);
  expect(ethicsAt).toBeGreaterThanOrEqual(0);
  expect(records.map((r) => r[labelAt])).toEqual(blindRows.map((r) => r.label));
  expect(records.map((r) => (r[ethicsAt] ? Number(r[ethicsAt]).toFixed(1) : "–"))).toEqual(blindRows.map((r) => r.mean));
  // The ratings export answers too (a file, with the label and not the name).
  const [ratings] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export ratings (CSV)" }).click()]);
  const ratingsCsv = await readFile((await ratings.path())!, "utf8");
  expect(ratingsCsv).toContain(blindRows[0]!.label);
  for (const name of DEMO_CANDIDATES) expect(ratingsCsv).not.toContain(name);

  // A summary opened from the blind table stays blind.
  const first = blindRows[0]!;
  await table(page).getByRole("link", { name: first.label, exact: true }).click();
  await expect(page).toHaveURL(/\/insights\/candidates\/[^?]+\?blind=1/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(first.label);
  await expect(page.getByRole("heading", { name: "Competencies" })).toBeVisible();
  await expect(page.getByTestId("competency-table")).toContainText("Ethics");
  await expect(page.locator("main")).not.toContainText(nameById.get(idFromHref(first.href))!);
  await expect(page.getByRole("heading", { name: "Question by question" })).toBeVisible();

  // Calibration: the panel's agreement in words.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calibration" }).click();
  await expect(page.getByRole("heading", { name: "Panel calibration" })).toBeVisible();
  const overall = page.getByTestId("overall-alpha");
  await expect(overall).toContainText(/Krippendorff/);
  await expect(overall).toContainText(/Reliable|Tentative|Don't rely on it|Not enough data/);
  await expect(page.getByTestId("panelists-table").locator("tbody tr")).toHaveCount(3);
  await expect(page.getByTestId("alpha-table")).toContainText("Ethics");
});

test("an interviewer has no comparison and sees only their own calibration row", async ({ page }) => {
  await signIn(page, "interviewer1@riverside.example", DEMO_PASSWORD);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Calibration" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Compare" })).toHaveCount(0);

  const response = await page.goto("/insights/compare");
  expect([403, 404]).toContain(response?.status());
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();

  await page.goto("/insights/calibration");
  await expect(page.getByRole("heading", { name: "Panel calibration" })).toBeVisible();
  const rows = page.getByTestId("panelists-table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Sam Okafor");
  for (const other of ["Jordan Lee", "Maria Costa"]) await expect(page.locator("main")).not.toContainText(other);
});

// The export links send the rows shown in the order shown (candidateIds), whatever column the table is sorted by.
test("the table export follows any sort of the table, not only the default order", async ({ page }) => {
  await signIn(page, "hr@riverside.example", DEMO_PASSWORD, { goto: "/insights/compare?blind=1&sort=candidate:asc" });
  await expect(table(page).locator("tbody tr")).not.toHaveCount(0);
  const shown = await table(page).locator('tbody th[data-column="candidate"] a').allInnerTexts();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export table (CSV)" }).click()]);
  const [header, ...records] = parseCsv(await readFile((await download.path())!, "utf8"));
  const labelAt = header!.findIndex((h) => /^candidate$/i.test(h.trim()));
  expect(records.map((r) => r[labelAt])).toEqual(shown.map((s) => s.trim()));
});

test("the comparison and calibration pages fit a tablet held upright: wide tables scroll inside their card", async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await signIn(page, "hr@riverside.example", DEMO_PASSWORD, { goto: null });
  for (const path of ["/insights/compare", "/insights/calibration"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(768);
  }
});

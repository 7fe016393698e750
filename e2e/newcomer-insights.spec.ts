// Issue 14, comparing and arriving: the comparison puts the verdict next to the candidate and lets HR pick
// columns (item 12), explains blind labels that skip letters (13), exports what the screen shows (16);
// each role lands where its work is (15); the app has its icons and manifest (17).
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expect as baseExpect, signIn, test } from "./fixtures";

// Pages of the built app answer within a second or two, but a busy shared CI machine can take far longer.
const expect = baseExpect.configure({ timeout: 20_000 });

const DEMO_PASSWORD = "panelkit-demo";
const table = (page: Page) => page.getByTestId("comparison-table");
const headers = (page: Page) => table(page).locator("thead th").evaluateAll((ths) => ths.map((th) => th.getAttribute("data-column") ?? ""));

for (const width of [768, 1280]) {
  test(`at ${width} px the comparison shows the weighted score and recommendations beside a fixed candidate column, with chosen competencies`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, "hr@riverside.example", DEMO_PASSWORD, { goto: "/insights/compare" });
    await expect(table(page).locator("tbody tr")).not.toHaveCount(0, { timeout: 30_000 });

    expect((await headers(page)).slice(0, 3)).toEqual(["candidate", "weighted", "recommendations"]);
    const weighted = table(page).locator('thead th[data-column="weighted"]');
    const weightedBox = (await weighted.boundingBox())!;
    expect(weightedBox.x + weightedBox.width).toBeLessThanOrEqual(width);

    // Competency columns: the script's target competencies by default, others on request.
    const chooser = page.getByRole("group", { name: "Competency columns" });
    const boxes = chooser.getByRole("checkbox");
    const total = await boxes.count();
    expect(total).toBeGreaterThan(1);
    const checked = await chooser.getByRole("checkbox", { checked: true }).count();
    expect(checked).toBeGreaterThan(0);
    const competencyColumns = async () => (await headers(page)).filter((id) => id.startsWith("c:")).length;
    expect(await competencyColumns()).toBe(checked);
    if (checked < total) {
      await chooser.getByRole("checkbox", { checked: false }).first().check();
      await expect.poll(competencyColumns).toBe(checked + 1);
    }
    await chooser.getByRole("button", { name: "Show all" }).click();
    await expect.poll(competencyColumns).toBe(total);

    // Scrolling the table sideways leaves the candidate where it was.
    const scroller = page.getByTestId("comparison-scroll");
    const candidateCell = table(page).locator('tbody th[data-column="candidate"]').first();
    const before = (await candidateCell.boundingBox())!;
    const scrolled = await scroller.evaluate((el) => {
      el.scrollLeft = 400;
      return el.scrollLeft;
    });
    expect(scrolled).toBeGreaterThan(0);
    await expect.poll(async () => (await candidateCell.boundingBox())!.x).toBeCloseTo(before.x, 0);
  });
}

test("a blind review explains the letters it skips, and the table export is the table as shown", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "hr@riverside.example", DEMO_PASSWORD, { goto: "/insights/compare?blind=1" });
  await expect(table(page).locator("tbody tr")).not.toHaveCount(0, { timeout: 30_000 });
  // Blind letters are given per vacancy: review one.
  await page.getByLabel("Vacancy").selectOption({ label: "Mental Health Specialist" });
  await expect(page).toHaveURL(/vacancy=/);

  // Compare Candidates A and C only: B is skipped, and the page says why.
  const picker = page.getByRole("group", { name: "Candidates" });
  // The picker lists the chosen vacancy's candidates once it has reloaded: one Candidate A, not one per vacancy.
  await expect(picker.getByRole("checkbox", { name: /^Candidate A / })).toHaveCount(1);
  for (const label of ["Candidate A", "Candidate C"]) await picker.getByRole("checkbox", { name: new RegExp(`^${label} `) }).check();
  await page.getByRole("button", { name: /^Compare selected/ }).click();
  await expect(table(page).locator("tbody tr")).toHaveCount(2);
  await expect(page.getByTestId("blind-label-gaps")).toContainText("Candidate B");
  await expect(page.getByTestId("blind-label-gaps")).toContainText(/not listed/i);

  // The page says which export is which; the table's file reads like the table.
  await expect(page.getByText(/as shown/i).first()).toBeVisible();
  await expect(page.getByText(/raw values/i).first()).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^Export table/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/as-shown/);
  const [header, ...records] = parse(await readFile((await download.path())!, "utf8"), { bom: true }) as string[][];
  expect(header![0]).toBe("Candidate");
  expect(header).toContain("Weighted score");
  expect(header).toContain("Status");
  const statusAt = header!.indexOf("Status");
  for (const record of records) expect(record[statusAt]).toMatch(/^(Active|Hired|Reserve list|Rejected|Withdrawn)$/);
  const meanColumns = header!.map((h, i) => (/ mean$/.test(h) ? i : -1)).filter((i) => i >= 0);
  expect(meanColumns.length).toBeGreaterThan(0);
  for (const record of records) for (const i of meanColumns) expect(record[i]).toMatch(/^(\d\.\d)?$/);

  const [ratings] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^Export ratings/ }).click()]);
  expect(ratings.suggestedFilename()).toMatch(/raw/);
});

test("each role lands where its work is after signing in, and a safe callback is still honoured", async ({ page }) => {
  test.setTimeout(120_000);
  const landings = [
    ["interviewer1@riverside.example", /\/my-interviews$/],
    ["hr@riverside.example", /\/insights\/compare$/],
    ["manager@riverside.example", /\/scripts$/],
    ["admin@riverside.example", /\/interviews$/],
  ] as const;
  for (const [email, landing] of landings) {
    await page.context().clearCookies();
    await signIn(page, email, DEMO_PASSWORD, { viaForm: true });
    await expect(page, email).toHaveURL(landing);
  }
  await page.context().clearCookies();
  await page.goto("/signin?callbackUrl=%2Fcandidates");
  await page.getByLabel("Email", { exact: true }).fill("hr@riverside.example");
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/candidates$/);
});

test("the first page of a session loads without a 404 and offers icons and a web app manifest", async ({ page }) => {
  test.setTimeout(60_000);
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  // Chromium asks for /favicon.ico on its own when the page names no icon.
  const favicon = await page.request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(missing).toEqual([]);

  const icon = page.locator('link[rel="icon"]').first();
  await expect(icon).toHaveAttribute("href", /.+/);
  expect((await page.request.get((await icon.getAttribute("href"))!)).status()).toBe(200);
  const apple = page.locator('link[rel="apple-touch-icon"]').first();
  expect((await page.request.get((await apple.getAttribute("href"))!)).status()).toBe(200);
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await (await page.request.get(manifestHref!)).json();
  expect(manifest).toMatchObject({ name: "Panelkit", display: "standalone" });
  expect(manifest.icons.length).toBeGreaterThan(0);
});

// Issue 20, the fairness report: HR opens it (Fairness in the main navigation) on the demo, picks the Peer Support Worker
// vacancy, reads the four-fifths flag at its screening call with what it means and does not prove, and
// downloads the CSV, in which small groups still read "fewer than 5". axe checks every page visited.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect as baseExpect, signIn, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 20_000 });

test("HR reads a flag on the demo's fairness report with its reading, and exports it with the suppression kept", async ({ page }) => {
  // Signing in and the first axe audits take most of the time; a busy shared machine can triple it.
  test.setTimeout(90_000);
  await signIn(page, "hr@riverside.example", "panelkit-demo", { goto: "/insights/fairness" });
  await expect(page.getByRole("heading", { level: 1, name: "Fairness report" })).toBeVisible();
  // HR finds it in the main navigation.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Fairness" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText(/Small numbers are hidden/)).toBeVisible();

  await page.getByLabel("Vacancy").selectOption({ label: "Peer Support Worker" });
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page).toHaveURL(/vacancy=/);

  const flags = page.getByTestId("fairness-flags");
  const flag = flags.getByRole("listitem").filter({ hasText: "Screening call: Female selected at 38%" });
  await expect(flag).toBeVisible();
  await expect(flag).toContainText("four-fifths rule of thumb");
  await expect(flag).toContainText("What it does not prove");
  await expect(flag).toContainText("What to look at");
  // A small group reads "fewer than 5" in the tables.
  await expect(page.getByRole("region", { name: /Ethnic group \(UK\) at Screening call/ })).toContainText("fewer than 5");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^panelkit-fairness-report-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parse(await readFile((await download.path())!, "utf8")) as string[][];
  expect(rows[0]![0]).toBe("section");
  const mixed = rows.find((r) => r[0] === "stage" && r[1] === "Ethnic group (UK)" && r[2] === "Screening call" && r[3]!.startsWith("Mixed"))!;
  expect(mixed[4]).toBe("fewer than 5");
  const female = rows.find((r) => r[0] === "stage" && r[1] === "Sex (UK)" && r[2] === "Screening call" && r[3] === "Female")!;
  expect(female.slice(4, 10)).toEqual(["16", "16", "6", "0.375", "0.563", "yes"]);
});

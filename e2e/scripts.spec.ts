import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

const DEMO_PASSWORD = "panelkit-demo";

async function addFromBank(page: Page, competency: string, count: number) {
  const picker = page.getByRole("region", { name: "Add questions from the banks" });
  await picker.getByLabel("Competency").selectOption({ label: competency });
  const results = picker.getByRole("list", { name: "Bank questions" });
  for (let added = 0; added < count; added++) {
    const before = await page.getByTestId("script-item").count();
    await results.getByRole("button", { name: /^Add to / }).first().click();
    await expect(page.getByTestId("script-item")).toHaveCount(before + 1);
  }
}

const itemTexts = (page: Page) =>
  page
    .getByTestId("script-item")
    .locator("p.font-medium")
    .allTextContents()
    .then((texts) => texts.map((t) => t.replace(/^\d+\.\s*/, "")));

test("a hiring manager builds an eight-question script, reorders by keyboard, publishes and prints it", async ({ page }) => {
  await signIn(page, "manager@riverside.example", DEMO_PASSWORD);
  await page.getByRole("link", { name: "Interview scripts" }).click();
  const title = `Crisis team panel ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Role it hires for").fill("Mental Health Specialist");
  await page.getByRole("button", { name: "Create and open the builder" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId("version-status")).toContainText("Version 1 · draft");

  for (const competency of ["Empathy", "Ethics", "Crisis handling", "Collaboration"]) {
    await addFromBank(page, competency, 2);
  }
  await expect(page.getByTestId("script-item")).toHaveCount(8);
  await expect(page.getByTestId("total-time")).toHaveText("40 of 60 minutes");

  const coverageTable = page.getByRole("table", { name: "Competency coverage" });
  for (const competency of ["Empathy", "Ethics", "Crisis handling", "Collaboration"]) {
    const row = coverageTable.getByRole("row", { name: new RegExp(`^${competency}`) });
    const count = Number(await row.getByRole("cell").first().textContent());
    expect(count, competency).toBeGreaterThanOrEqual(2);
  }
  await expect(page.getByTestId("weight-total")).toHaveText("100%");

  // Reorder the first two questions with the keyboard: lift the second, move it up, drop it.
  const [first, second] = await itemTexts(page);
  const handle = page.getByTestId("script-item").nth(1).getByRole("button", { name: /^Reorder / });
  // Each step waits for what a screen reader user hears from the drag-and-drop live region.
  await handle.focus();
  await page.keyboard.press("Space");
  await expect(page.getByText(`${second} is over position 2 of 8.`)).toBeAttached();
  await page.keyboard.press("ArrowUp");
  await expect(page.getByText(`${second} is over position 1 of 8.`)).toBeAttached();
  await page.keyboard.press("Space");
  await expect(page.getByText(`Dropped question ${second} at position 1 of 8.`)).toBeAttached();
  await expect.poll(() => itemTexts(page).then((t) => t.slice(0, 2))).toEqual([second, first]);

  // Give the first question more time: the total follows.
  await page.getByTestId("script-item").first().getByRole("button", { name: /^Edit/ }).click();
  await page.getByTestId("script-item").first().getByLabel("Minutes").fill("10");
  await expect(page.getByTestId("total-time")).toHaveText("45 of 60 minutes");
  await page.getByTestId("script-item").first().getByRole("button", { name: "Add a probe" }).click();
  await page.getByTestId("script-item").first().getByLabel("Probe 1", { exact: true }).fill("What would you do differently next time?");
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");

  // The saved draft survives a reload in the new order.
  await page.reload();
  await expect.poll(() => itemTexts(page).then((t) => t.slice(0, 2))).toEqual([second, first]);
  await expect(page.getByTestId("total-time")).toHaveText("45 of 60 minutes");

  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByTestId("version-status")).toContainText("Version 1 · published");

  await page.getByRole("link", { name: "Print guide" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(8);
  await expect(page.getByRole("heading", { level: 3 }).first()).toContainText(second!);
  await expect(page.getByText("What would you do differently next time?")).toBeVisible();
  await expect(page.getByRole("table").filter({ hasText: "Crisis handling: rating" }).first()).toContainText("4 · Exceeds");
  await expect(page.getByTestId("example-answer").first()).toBeVisible();
  await page.getByLabel("Include example answers").uncheck();
  await expect(page).toHaveURL(/examples=0/);
  await expect(page.getByTestId("example-answer")).toHaveCount(0);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Interview scripts" })).toBeHidden();
});

test("editing a published script starts a new draft version; interviewers can read but not edit", async ({ page }) => {
  await signIn(page, "manager@riverside.example", DEMO_PASSWORD, { goto: "/scripts" });
  const title = `Versioned panel ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Role it hires for").fill("Clinical Case Manager");
  await page.getByRole("button", { name: "Create and open the builder" }).click();
  await addFromBank(page, "Ethics", 2);
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByTestId("version-status")).toContainText("Version 1 · published");

  await page.getByLabel("Instructions for the panel").fill("Introduce everyone, then start the timer.");
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
  await expect(page.getByTestId("version-status")).toContainText("Version 2 · draft · version 1 is the published one");
  const scriptUrl = page.url();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, "interviewer1@riverside.example", DEMO_PASSWORD, { goto: scriptUrl });
  await expect(page.getByText("You can read this script; hiring managers and admins edit it.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Publish/ })).toHaveCount(0);
  await expect(page.getByLabel("Title", { exact: true })).toBeDisabled();
  await page.goto("/scripts");
  await expect(page.getByRole("button", { name: "Create and open the builder" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Scripts" })).toContainText(title);
});

// "Duplicate" copies the draft on the server: pressed right after an edit, before its autosave, the copy used to
// open without that edit (audit item 9). The change still waiting is now saved first, as Archive and Publish do.
test("Duplicate pressed right after an edit copies the edit too", async ({ page }) => {
  await signIn(page, "manager@riverside.example", DEMO_PASSWORD, { goto: "/scripts" });
  const title = `Duplicated panel ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Role it hires for").fill("Mental Health Specialist");
  await page.getByRole("button", { name: "Create and open the builder" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await addFromBank(page, "Ethics", 1);
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
  const originalUrl = page.url();

  const item = page.getByTestId("script-item").first();
  await item.getByRole("button", { name: /^Edit/ }).click();
  const wording = `How would you answer a relative who asks to read a client's record? (${Date.now()})`;
  await item.getByLabel("Question", { exact: true }).fill(wording);
  // At once: well inside the autosave's wait.
  await page.getByRole("button", { name: "Duplicate", exact: true }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Copy of ${title}` })).toBeVisible();
  expect(page.url()).not.toBe(originalUrl);
  await expect.poll(() => itemTexts(page)).toEqual([wording]);

  // The original kept it as well.
  await page.goto(originalUrl);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect.poll(() => itemTexts(page)).toEqual([wording]);
});

// Leaving a page with typing that is not saved asks first (src/components/unsaved-changes-guard.tsx): a link
// asks in the app's words and staying keeps the text; reloading gets the browser's own question; a form
// already sent, text typed and erased, and a search box ask nothing. The guard comes in a chunk of its own just
// after the page: each test waits for it (the mark it sets on the document) before typing, as a person would
// take longer than that to start.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/app-stack";
import { LOCALE_COOKIE } from "../src/i18n/config";
import { expect, signIn, test } from "./fixtures";
import { LEAVE_QUESTION as QUESTION, recordDialogs } from "./support/dialogs";

const MANAGER = "manager@riverside.example";


/** Opens `path` signed in as the manager (in `language`, the sign-in page's cookie), once the guard watches the page. */
async function openWatched(page: Page, path: string, language?: { code: string; baseURL: string }): Promise<void> {
  await signIn(page, MANAGER, DEMO_PASSWORD, { goto: language ? null : path });
  if (language) {
    await page.context().addCookies([{ name: LOCALE_COOKIE, value: language.code, url: language.baseURL }]);
    await page.goto(path);
  }
  // GUARD_ATTRIBUTE in unsaved-changes-guard.tsx (whose imports need the app's bundler, so not imported here).
  await expect(page.locator("html[data-unsaved-changes-guard]")).toBeAttached();
}

const spanish = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../src/i18n/messages/es/common.json"), "utf8")) as { unsavedChanges: string };

const menuLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name });

test("a half-written bank asks before a menu link leaves it; staying keeps the text, leaving asks once", async ({ page }) => {
  await openWatched(page, "/banks/new");
  await page.getByLabel("Bank name").fill("Half-written bank");
  await page.getByLabel("Description (optional)").fill("Questions for the night team, still being written");
  const dialogs = recordDialogs(page, ["dismiss", "dismiss", "accept"]);

  await menuLink(page, "Interview scripts").click();
  await expect.poll(() => dialogs.length).toBe(1);
  expect(dialogs[0]!.type()).toBe("confirm");
  expect(dialogs[0]!.message()).toBe(QUESTION);
  await expect(page).toHaveURL(/\/banks\/new$/);
  await expect(page.getByLabel("Description (optional)")).toHaveValue("Questions for the night team, still being written");

  // A link inside the page (the app's client-side router) asks the same.
  await page.getByRole("link", { name: "import an article" }).click();
  await expect.poll(() => dialogs.length).toBe(2);
  await expect(page).toHaveURL(/\/banks\/new$/);

  // The menu's links load a new document: agreeing must not bring the browser's own question after it.
  await menuLink(page, "Interview scripts").click();
  await expect(page).toHaveURL(/\/scripts$/);
  expect(dialogs.map((dialog) => dialog.type())).toEqual(["confirm", "confirm", "confirm"]);
});

test("reloading a page with unsaved typing gets the browser's question", async ({ page }) => {
  await openWatched(page, "/banks/new");
  await page.getByLabel("Bank name").fill("Reloaded bank");
  const dialogs = recordDialogs(page, ["accept"]);
  await page.reload();
  await expect.poll(() => dialogs.map((dialog) => dialog.type())).toEqual(["beforeunload"]);
});

test("nothing is asked once the form is sent, after typing is erased, or for a search box", async ({ page }) => {
  const dialogs = recordDialogs(page, ["dismiss"]);
  await openWatched(page, "/banks/new");
  const name = `Sent bank ${Date.now()}`;
  await page.getByLabel("Bank name").fill(name);
  await page.getByRole("button", { name: "Create bank" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  // The bank's details, changed and saved: the form keeps the saved values on the page.
  await page.getByLabel("Bank name").fill(`${name} (renamed)`);
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  // Typed and erased.
  await page.getByLabel("Description (optional)").fill("A second thought");
  await page.getByLabel("Description (optional)").fill("");
  await menuLink(page, "Interview scripts").click();
  await expect(page).toHaveURL(/\/scripts$/);

  // A filter box is not a form to keep.
  await page.getByRole("search").getByRole("searchbox").fill("crisis");
  await menuLink(page, "Question banks").click();
  await expect(page).toHaveURL(/\/banks$/);
  expect(dialogs).toHaveLength(0);
});

test("a Spanish reader is asked in Spanish", async ({ page, baseURL }) => {
  await openWatched(page, "/banks/new", { code: "es", baseURL: baseURL! });
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await page.getByRole("main").getByRole("textbox").first().fill("Banco a medio escribir");
  const dialogs = recordDialogs(page, ["dismiss"]);
  await page.getByRole("navigation").getByRole("link").first().click();
  await expect.poll(() => dialogs.length).toBe(1);
  expect(dialogs[0]!.message()).toBe(spanish.unsavedChanges);
  await expect(page).toHaveURL(/\/banks\/new$/);
});

// A vacancy's plan editor (audit item 1): it used to be a <div>, which the guard does not watch, so leaving it
// by a link, reloading or closing the tab lost every stage entered without a question, also after a refused save.

/** A new vacancy of the manager's, its plan editor open once the guard watches it; the plan page's path. */
async function openNewPlan(page: Page, title: string): Promise<string> {
  await openWatched(page, "/vacancies");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create vacancy" }).click();
  await page.waitForURL(/\/vacancies\/[^/]+$/);
  const planPath = `${new URL(page.url()).pathname}/plan`;
  await page.goto(planPath);
  await expect(page.locator("html[data-unsaved-changes-guard]")).toBeAttached();
  return planPath;
}

/** The plan's stage at `index`, added if the plan does not have it yet. */
async function stageAt(page: Page, index: number) {
  const stages = page.getByTestId("plan-stage");
  if ((await stages.count()) <= index) await page.getByRole("button", { name: "Add a stage" }).click();
  await expect(stages).toHaveCount(index + 1);
  return stages.nth(index);
}

test("a vacancy's plan with stages typed and not saved asks before a link leaves it, and on reload", async ({ page }) => {
  const title = `Unsaved plan ${Date.now()}`;
  const planPath = await openNewPlan(page, title);
  const first = await stageAt(page, 0);
  await first.getByLabel("Stage name").fill("Panel interview");
  await first.getByLabel("Script (published version)").selectOption({ index: 1 });
  // A weight changed from the script's own counts too.
  await first.getByRole("spinbutton").first().fill("7");
  const second = await stageAt(page, 1);
  await second.getByLabel("Stage name").fill("Practical task");
  const dialogs = recordDialogs(page, ["dismiss", "dismiss", "accept"]);

  await page.getByRole("link", { name: `Back to ${title}` }).click();
  await expect.poll(() => dialogs.length).toBe(1);
  expect(dialogs[0]!.type()).toBe("confirm");
  expect(dialogs[0]!.message()).toBe(QUESTION);
  await expect(page).toHaveURL(new RegExp(`${planPath}$`));
  await expect(first.getByLabel("Stage name")).toHaveValue("Panel interview");
  await expect(first.getByRole("spinbutton").first()).toHaveValue("7");
  await expect(second.getByLabel("Stage name")).toHaveValue("Practical task");

  await menuLink(page, "Interview scripts").click();
  await expect.poll(() => dialogs.length).toBe(2);
  await expect(page).toHaveURL(new RegExp(`${planPath}$`));

  // Reloading (as closing the tab) gets the browser's own question.
  await page.reload();
  await expect.poll(() => dialogs.map((dialog) => dialog.type())).toEqual(["confirm", "confirm", "beforeunload"]);
});

test("a plan whose save was refused still asks before the page is left", async ({ page }) => {
  const title = `Refused plan ${Date.now()}`;
  const planPath = await openNewPlan(page, title);
  // Another tab saves a plan first, so this tab's save is refused as changed elsewhere.
  const other = await page.context().newPage();
  await other.goto(planPath);
  const elsewhere = await stageAt(other, 0);
  await elsewhere.getByLabel("Stage name").fill("Screening call");
  await elsewhere.getByLabel("Script (published version)").selectOption({ index: 1 });
  await other.getByRole("button", { name: "Save the plan" }).click();
  await expect(other.getByText("Plan saved.")).toBeAttached();
  await other.close();

  const first = await stageAt(page, 0);
  await first.getByLabel("Stage name").fill("Panel interview");
  await first.getByLabel("Script (published version)").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Save the plan" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This plan was changed in another tab" })).toBeVisible();

  const dialogs = recordDialogs(page, ["dismiss"]);
  await page.getByRole("link", { name: `Back to ${title}` }).click();
  await expect.poll(() => dialogs.length).toBe(1);
  expect(dialogs[0]!.message()).toBe(QUESTION);
  await expect(page).toHaveURL(new RegExp(`${planPath}$`));
  await expect(first.getByLabel("Stage name")).toHaveValue("Panel interview");
});

test("a plan saved asks nothing when the page is left; a change typed after the save asks again", async ({ page }) => {
  const title = `Saved plan ${Date.now()}`;
  const planPath = await openNewPlan(page, title);
  const save = page.getByRole("button", { name: "Save the plan" });
  const first = await stageAt(page, 0);
  await first.getByLabel("Stage name").fill("Panel interview");
  await first.getByLabel("Script (published version)").selectOption({ index: 1 });
  await save.click();
  await expect(page.getByText("Plan saved.")).toBeAttached();
  await expect(save).toBeDisabled();

  // Typed after the save: asked about again.
  const dialogs = recordDialogs(page, ["dismiss", "accept"]);
  await first.getByLabel("Stage name").fill("Panel interview, days");
  await page.getByRole("link", { name: `Back to ${title}` }).click();
  await expect.poll(() => dialogs.length).toBe(1);
  await expect(page).toHaveURL(new RegExp(`${planPath}$`));

  // Saved again: leaving asks nothing, by a link or by reloading.
  await save.click();
  await expect(save).toBeDisabled();
  await expect(first.getByLabel("Stage name")).toHaveValue("Panel interview, days");
  await page.reload();
  await expect(page.locator("html[data-unsaved-changes-guard]")).toBeAttached();
  await expect(page.getByTestId("plan-stage").first().getByLabel("Stage name")).toHaveValue("Panel interview, days");
  await page.getByRole("link", { name: `Back to ${title}` }).click();
  await page.waitForURL(/\/vacancies\/[^/]+$/);
  expect(dialogs).toHaveLength(1);
});

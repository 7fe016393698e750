// Leaving a page with typing that is not saved asks first (src/components/unsaved-changes-guard.tsx): a link
// asks in the app's words and staying keeps the text; reloading gets the browser's own question; a form
// already sent, text typed and erased, and a search box ask nothing.
import type { Dialog, Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/app-stack";
import { expect, signIn, test } from "./fixtures";

const MANAGER = "manager@riverside.example";
const QUESTION = "You have typed something that is not saved yet. Leave this page and lose it?";

/** Every dialog the page opens, answered by `answer` in turn (the last answer repeats). */
function recordDialogs(page: Page, answers: Array<"accept" | "dismiss">): Dialog[] {
  const seen: Dialog[] = [];
  page.on("dialog", (dialog) => {
    seen.push(dialog);
    const answer = answers[Math.min(seen.length, answers.length) - 1];
    void (answer === "accept" ? dialog.accept() : dialog.dismiss());
  });
  return seen;
}

const menuLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name });

test("a half-written bank asks before a menu link leaves it; staying keeps the text, leaving asks once", async ({ page }) => {
  await signIn(page, MANAGER, DEMO_PASSWORD, { goto: "/banks/new" });
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
  await signIn(page, MANAGER, DEMO_PASSWORD, { goto: "/banks/new" });
  await page.getByLabel("Bank name").fill("Reloaded bank");
  const dialogs = recordDialogs(page, ["accept"]);
  await page.reload();
  await expect.poll(() => dialogs.map((dialog) => dialog.type())).toEqual(["beforeunload"]);
});

test("nothing is asked once the form is sent, after typing is erased, or for a search box", async ({ page }) => {
  const dialogs = recordDialogs(page, ["dismiss"]);
  await signIn(page, MANAGER, DEMO_PASSWORD, { goto: "/banks/new" });
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

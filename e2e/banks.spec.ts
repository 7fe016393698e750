import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { queryE2eDb } from "./support/e2e-db";

const DEMO_PASSWORD = "panelkit-demo";

test("a hiring manager filters the banks by Ethics, searches, and opens a question with its anchors", async ({ page }) => {
  await signIn(page, "manager@riverside.example", DEMO_PASSWORD);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Question banks" }).click();
  await expect(page).toHaveURL(/\/banks$/);
  await expect(page.getByTestId("whoami")).toContainText("Priya Shah");
  await expect(page.getByTestId("whoami")).toContainText("Hiring manager");
  // The built-in banks, whatever banks other tests add to the demo organisation.
  const bankSelect = page.getByLabel("Bank");
  await expect(bankSelect.getByRole("option", { name: "Mental Health Specialist (23)" })).toBeAttached();
  await expect(bankSelect.getByRole("option", { name: "Clinical Case Manager (23)" })).toBeAttached();
  await expect(page.getByRole("status")).toHaveText(/^\d+ questions$/);
  const everything = Number((await page.getByRole("status").textContent())!.split(" ")[0]);
  expect(everything).toBeGreaterThanOrEqual(46);

  await page.getByLabel("Competency").selectOption({ label: "Ethics" });
  await expect(page).toHaveURL(/competency=ethics/);
  const results = page.getByRole("list", { name: "Questions" }).locator(":scope > li");
  await expect(page.getByRole("status")).not.toHaveText(`${everything} questions`);
  const ethicsCount = await results.count();
  expect(ethicsCount).toBeGreaterThan(2);
  for (let i = 0; i < ethicsCount; i++) {
    await expect(results.nth(i).getByRole("list", { name: "Competencies" })).toContainText("Ethics");
  }

  await page.getByLabel("Search questions").fill("confidentiality");
  await expect(page).toHaveURL(/q=confidentiality/);
  await expect(results.first()).toContainText(/confidentiality|ethical/i);
  const narrowed = await results.count();
  expect(narrowed).toBeGreaterThan(0);
  expect(narrowed).toBeLessThan(ethicsCount);

  const firstTitle = (await results.first().getByRole("link").textContent())!.trim();
  await results.first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstTitle);
  await expect(page.getByRole("heading", { name: "What it assesses" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What a good answer covers" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Example answer" })).toBeVisible();
  const ethicsAnchors = page.getByRole("table", { name: "Behavioural anchors for Ethics" });
  await expect(ethicsAnchors.getByRole("row")).toHaveCount(5);
  await expect(ethicsAnchors).toContainText("1 · Does not meet");
  await expect(ethicsAnchors).toContainText("4 · Exceeds");

  // The filtered list is in the URL, so going back restores it.
  await page.goBack();
  await expect(page.getByLabel("Competency")).toHaveValue("ethics");
  await expect(page.getByLabel("Search questions")).toHaveValue("confidentiality");
});

test("the Clinical Case Manager bank shows reconstructed question wording, marked as such", async ({ page }) => {
  await signIn(page, "interviewer1@riverside.example", DEMO_PASSWORD, { goto: "/banks" });
  await page.getByLabel("Bank").selectOption({ label: "Clinical Case Manager (23)" });
  await expect(page.getByRole("status")).toHaveText("23 questions");
  await page.getByRole("list", { name: "Questions" }).getByRole("link").first().click();
  await expect(page.getByText("this wording was written from what the entry assesses")).toBeVisible();
});

/** Holds back the page's scripts (not its styles) until the returned function is called. */
async function holdPageCode(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**/*.js", async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test.describe("before the page's code has run", () => {
  // The audit that runs before every action waits for the page to load, which it cannot do while the test
  // holds its code back; the banks page is audited by the tests above.
  test.use({ a11y: { enabled: false, disableRules: [], exclude: [] } });

  test("a bank chosen and a search typed before the page has come to life still count", async ({ page }) => {
    // On a slow tablet the filters are on screen before the page's code has taken them over; a choice made in
    // that moment used to stay in the picker while the list showed every bank. Hold the page's code back to
    // make that moment long enough to act in.
    await signIn(page, "interviewer1@riverside.example", DEMO_PASSWORD, { goto: null });
    const release = await holdPageCode(page);
    await page.goto("/banks", { waitUntil: "commit" });
    await page.getByLabel("Bank").selectOption({ label: "Clinical Case Manager (23)" });
    await page.getByLabel("Search questions").fill("crisis");
    release();

    await expect(page).toHaveURL(/bank=[^&]+/);
    await expect(page).toHaveURL(/q=crisis/);
    await expect(page.getByRole("status")).toHaveText(/^\d+ questions?$/);
    await expect(page.getByLabel("Bank")).toHaveValue(new URL(page.url()).searchParams.get("bank")!);
    const places = page.getByRole("list", { name: "Questions" }).locator(":scope > li");
    // The list shows the previous results until the new ones arrive: wait for every entry to be from the bank.
    await expect
      .poll(async () => {
        const texts = await places.allInnerTexts();
        return texts.length > 0 && texts.every((text) => text.includes("Clinical Case Manager"));
      })
      .toBe(true);
    await expect(page.getByLabel("Search questions")).toHaveValue("crisis");
  });

  test("a sign-in sent before the page has come to life puts no password in the address, and signs in once it is live", async ({ browser }) => {
    // The browser sends a form by itself when the page's code has not run: it used to load /signin again with the
    // email and password in the address (the address bar, the history).
    const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
    const page = await context.newPage();
    const addresses: string[] = [];
    page.on("request", (request) => addresses.push(request.url()));
    const release = await holdPageCode(page);
    await page.goto("/signin", { waitUntil: "commit" });
    await page.getByLabel("Email", { exact: true }).fill("hr@riverside.example");
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByLabel("Password", { exact: true }).press("Enter");
    await page.waitForTimeout(1_000);
    expect(addresses.filter((address) => address.includes(DEMO_PASSWORD))).toEqual([]);
    await expect(page).toHaveURL(/\/signin$/);
    // What the page keeps of early typing (early-edits.ts) holds the email, never the password.
    const kept = await page.evaluate(() => JSON.stringify((window as { __panelkitEarlyEdits?: unknown }).__panelkitEarlyEdits ?? null));
    expect(kept).toContain("hr@riverside.example");
    expect(kept).not.toContain(DEMO_PASSWORD);
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue(DEMO_PASSWORD);

    // Once the page is live the send goes through its own code: signed in, without pressing anything again.
    release();
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"), { timeout: 20_000 });
    await expect(page.getByTestId("whoami")).toContainText("HR");
    expect(addresses.filter((address) => address.includes(DEMO_PASSWORD))).toEqual([]);
    await context.close();
  });

  test("a new script sent before the page has come to life is created once, when it is live", async ({ page }) => {
    // It used to load /scripts again with the title in the address, and create nothing.
    await signIn(page, "manager@riverside.example", DEMO_PASSWORD, { goto: null });
    const release = await holdPageCode(page);
    await page.goto("/scripts", { waitUntil: "commit" });
    const title = `Early script ${Date.now()}`;
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Role it hires for").fill("Mental Health Specialist");
    await page.getByRole("button", { name: "Create and open the builder" }).click();
    await page.waitForTimeout(500);
    expect(new URL(page.url()).search).toBe("");
    release();
    await expect(page.getByRole("button", { name: "Publish version 1" })).toBeVisible({ timeout: 20_000 });
    await expect(page).toHaveURL(/\/scripts\/[^/?]+$/);
    await page.goto(`/scripts?q=${encodeURIComponent(title)}`);
    await expect(page.getByRole("link", { name: title })).toHaveCount(1);
  });
});

// Typing on right after a send is not taken back (README "Leaving a page mid-edit", "Two tabs, or two people,
// on one record"). The bank's details form was drawn afresh when the bank came back after "Save details", and the
// add-question form emptied every field when the add came back: either took away what was typed in between.

/** A new bank of the manager's, its page open. */
async function openNewBank(page: Page, name: string): Promise<void> {
  await signIn(page, "manager@riverside.example", DEMO_PASSWORD, { goto: "/banks/new" });
  await page.getByLabel("Bank name").fill(name);
  await page.getByRole("button", { name: "Create bank" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("typing in a bank's details right after Save details is kept, and saves from there", async ({ page }) => {
  const name = `Night team ${Date.now()}`;
  await openNewBank(page, name);
  const details = page.getByRole("region", { name: "Bank details" });
  const renamed = `${name} (crisis line)`;
  await details.getByLabel("Bank name").fill(renamed);
  await details.getByRole("button", { name: "Save details" }).click();
  // At once, while the save and the bank's fetch after it are on their way.
  const typed = "For the night rota, written while the save was on its way.";
  await details.getByLabel("Description (optional)").fill(typed);

  // The page has the saved bank back (its heading), and the form still holds what was typed since.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(renamed);
  await expect(details.getByRole("status")).toHaveText("Saved.");
  await expect(details.getByLabel("Description (optional)")).toHaveValue(typed);
  await expect(details.getByLabel("Bank name")).toHaveValue(renamed);

  // Sent from there it is saved (not refused as changed elsewhere: the form goes on from its own save).
  await details.getByRole("button", { name: "Save details" }).click();
  await expect
    .poll(async () => (await queryE2eDb<{ description: string | null }>(`SELECT description FROM "QuestionBank" WHERE name = $1`, [renamed]))[0]?.description)
    .toBe(typed);
  await expect(details.getByRole("status")).toHaveText("Saved.");
  await expect(details.getByRole("alert").filter({ hasText: /\S/ })).toHaveCount(0);
});

test("a question started while the last add is on its way stays in the form; only what was sent is cleared", async ({ page }) => {
  await openNewBank(page, `Phone team ${Date.now()}`);
  const add = page.getByRole("region", { name: "Add question" });
  const first = "Tell us about a time you calmed a caller in distress.";
  await add.getByLabel("Question", { exact: true }).fill(first);
  await add.getByLabel("What it assesses").fill("Staying calm and keeping the caller safe.");
  await add.getByRole("group", { name: "Competencies" }).getByLabel("Crisis handling").check();
  await add.getByRole("button", { name: "Add question" }).click();
  // The next question, started at once.
  const next = "How do you hand over a call that is still open at the end of a shift?";
  await add.getByLabel("Question", { exact: true }).fill(next);

  await expect(page.getByRole("status").filter({ hasText: "Added question 1." })).toBeVisible();
  const questions = page.getByRole("list", { name: "Questions", exact: true }).locator(":scope > li");
  await expect(questions).toHaveCount(1);
  await expect(questions.first()).toContainText(first);
  // The fields still holding what was sent are emptied for the next question; the wording typed since stays.
  await expect(add.getByLabel("What it assesses")).toHaveValue("");
  await expect(add.getByRole("group", { name: "Competencies" }).getByLabel("Crisis handling")).not.toBeChecked();
  await expect(add.getByLabel("Question", { exact: true })).toHaveValue(next);
});

test("signing in with a wrong password says so and stays on the sign-in page", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email", { exact: true }).fill("hr@riverside.example");
  await page.getByLabel("Password", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Email or password is not right.");
  await expect(page).toHaveURL(/\/signin/);
});

test("pages behind sign-in send a signed-out visitor to the sign-in page", async ({ page }) => {
  await page.goto("/banks");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("heading", { name: "Demo accounts" })).toBeVisible();
});

test("someone new signs up, lands in their own organisation, and signs out", async ({ page }) => {
  const email = `founder-${Date.now()}@newcare.example`;
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Nadia Founder");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Organisation name").fill("Newcare Services");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByText("Password must be at least 10 characters")).toBeVisible();

  await page.getByLabel("Password").fill("a much longer password");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(/\/banks/);
  await expect(page.getByTestId("whoami")).toContainText("Newcare Services · Admin");

  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { name: "Members of Newcare Services" })).toBeVisible();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
});

test("the health check reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});

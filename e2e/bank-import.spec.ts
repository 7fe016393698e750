// Organisations' own banks in the browser: importing an article, and a Word document, with a problem in it,
// copying a built-in question into an own bank and editing the copy, and what a reader (an interviewer) does
// not get to do.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import pg from "pg";
import { articleToDocx } from "../src/lib/bank-article/formats/write-format-fixtures";
import { checkA11y, expect, signIn, test } from "./fixtures";

const DEMO_PASSWORD = "panelkit-demo";
const RUN = Date.now();
const IMPORT_BANK = `E2E import ${RUN}`;
const COPY_BANK = `E2E copies ${RUN}`;
const WORD_BANK = `E2E Word import ${RUN}`;

/** The first three entries of the Mental Health Specialist article, with entry 2's "How to Answer:" line removed. */
function brokenArticle() {
  const lines = readFileSync("seeds/articles/mental-health-specialist.txt", "utf8").split("\n");
  const kept = lines.slice(0, lines.findIndex((l) => l.startsWith("4. ")));
  const entry2 = kept.findIndex((l) => l.startsWith("2. "));
  const howTo = kept.findIndex((l, i) => i > entry2 && l.startsWith("How to Answer:"));
  kept.splice(howTo, 1);
  const questionText = (n: number) => kept.find((l) => l.startsWith(`${n}. `))!.replace(/^\d+\.\s+/, "").trim();
  return { text: kept.join("\n"), brokenLine: entry2 + 1, questions: [1, 2, 3].map(questionText) };
}

/**
 * Deletes the bank open on the page and waits for the banks list. The page must not ask for the bank it just
 * deleted: that request is refused, and the client retried it for seven seconds before leaving the page.
 */
async function deleteOpenBank(page: Page) {
  const refetched: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("bankAdmin.ownBank")) refetched.push(request.url());
  });
  await page.getByRole("button", { name: "Delete bank" }).click();
  await page.getByRole("button", { name: "Yes, delete the bank" }).click();
  await expect(page).toHaveURL(/\/banks$/);
  expect(refetched, "requests for the deleted bank").toEqual([]);
}

// The e2e database is shared by every spec in the run, and banks.spec.ts counts the demo organisation's
// banks: the tests delete their banks through the app, and this removes any a failed test left behind.
test.afterAll(async () => {
  const connectionString = process.env.E2E_DATABASE_URL;
  if (!connectionString) return;
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DELETE FROM "QuestionBank" WHERE "name" = ANY($1)`, [[IMPORT_BANK, COPY_BANK, WORD_BANK]]);
  } finally {
    await client.end();
  }
});

test("a hiring manager previews an article, sees its problem by line, fixes it and imports into a new bank", async ({ page }) => {
  test.setTimeout(90_000);
  const article = brokenArticle();
  // A hiring manager lands on Interview scripts; the banks have their own page.
  await signIn(page, "manager@riverside.example", DEMO_PASSWORD, { goto: "/banks" });
  await page.getByRole("link", { name: "Import an article" }).click();
  await expect(page).toHaveURL(/\/banks\/import$/);

  await page.getByLabel("Article text").fill(article.text);
  await page.getByRole("button", { name: "Preview" }).click();
  const entries = page.getByRole("list", { name: "Entries to import" }).locator(":scope > li");
  await expect(entries).toHaveCount(3);
  const problems = page.getByRole("list", { name: "Problems in the article" });
  await expect(problems).toContainText(`Error, line ${article.brokenLine}: Question 2`);
  await expect(problems).toContainText('has no "How to Answer:" paragraph');

  const broken = entries.nth(1);
  await expect(broken.getByRole("heading")).toHaveText(`Entry 2 · line ${article.brokenLine}`);
  await expect(broken).toContainText(`Error, line ${article.brokenLine}:`);
  await expect(broken.getByLabel("Question text")).toHaveValue(article.questions[1]!);
  await expect(entries.nth(0).getByRole("group", { name: "Competencies for entry 1" }).getByRole("checkbox", { checked: true })).not.toHaveCount(0);

  const importButton = page.getByRole("button", { name: /^Import \d+ questions?$/ });
  await expect(importButton).toHaveText("Import 3 questions");
  await expect(importButton).toBeDisabled();
  await expect(page.getByText(`Entry 2 (line ${article.brokenLine}): fill in “what a good answer covers”`)).toBeVisible();

  // Dropping the broken entry unblocks the import…
  await broken.getByLabel("Include").uncheck();
  await expect(importButton).toHaveText("Import 2 questions");
  await expect(importButton).toBeEnabled();
  // …and so does fixing it.
  await broken.getByLabel("Include").check();
  await expect(importButton).toBeDisabled();
  await broken
    .getByLabel("What a good answer covers")
    .fill("Acknowledge the resistance without judgement, explore its reasons, and agree small goals the client chooses.");
  await expect(importButton).toHaveText("Import 3 questions");
  await expect(importButton).toBeEnabled();

  await expect(page.getByLabel("New bank name")).toHaveValue("Mental Health Specialist");
  await page.getByLabel("New bank name").fill(IMPORT_BANK);
  await importButton.click();

  await expect(page).toHaveURL(/\/banks\/manage\/[^/?]+\?imported=3$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(IMPORT_BANK);
  await expect(page.getByRole("status").filter({ hasText: "Imported 3 questions into this bank." })).toBeVisible();
  const questions = page.getByRole("list", { name: "Questions", exact: true }).locator(":scope > li");
  await expect(questions).toHaveCount(3);
  for (const [i, text] of article.questions.entries()) await expect(questions.nth(i)).toContainText(text);

  // The bank is listed with the built-in ones, as the organisation's own.
  await page.getByRole("link", { name: "Question banks" }).first().click();
  await expect(page.getByRole("link", { name: `Manage ${IMPORT_BANK}` })).toBeVisible();
  await page.getByRole("link", { name: `Manage ${IMPORT_BANK}` }).click();

  await deleteOpenBank(page);
  await expect(page.getByRole("link", { name: `Manage ${IMPORT_BANK}` })).toHaveCount(0);
});

test("a hiring manager imports a Word document, completes the entry the preview flags, and the bank shows the questions", async ({ page }) => {
  test.setTimeout(60_000);
  const article = brokenArticle();
  await signIn(page, "manager@riverside.example", DEMO_PASSWORD, { goto: "/banks/import" });
  await page.getByLabel("Upload a file").setInputFiles({
    name: "Mental health questions.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: Buffer.from(await articleToDocx(article.text)),
  });
  await expect(page.getByRole("status").filter({ hasText: "Chose Mental health questions.docx" })).toBeVisible();
  await page.getByRole("button", { name: "Preview" }).click();

  const entries = page.getByRole("list", { name: "Entries to import" }).locator(":scope > li");
  await expect(entries).toHaveCount(3);
  await expect(page.getByText(/A Word document has no line numbers/)).toBeVisible();
  const problems = page.getByRole("list", { name: "Problems in the article" });
  await expect(problems).toContainText(/Error, line \d+ of the text read from the Word document \(“2\. A client displays resistance/);
  await expect(problems).toContainText('has no "How to Answer:" paragraph');
  expect(await checkA11y(page)).toEqual([]);

  const importButton = page.getByRole("button", { name: /^Import \d+ questions?$/ });
  await expect(importButton).toBeDisabled();
  const broken = entries.nth(1);
  await expect(broken.getByLabel("Question text")).toHaveValue(article.questions[1]!);
  await broken.getByLabel("What a good answer covers").fill("Acknowledge the resistance, explore its reasons, and agree small goals with the client.");
  await expect(importButton).toHaveText("Import 3 questions");
  await expect(importButton).toBeEnabled();

  await page.getByLabel("New bank name").fill(WORD_BANK);
  await importButton.click();
  await expect(page).toHaveURL(/\/banks\/manage\/[^/?]+\?imported=3$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(WORD_BANK);
  const questions = page.getByRole("list", { name: "Questions", exact: true }).locator(":scope > li");
  await expect(questions).toHaveCount(3);
  for (const [i, text] of article.questions.entries()) await expect(questions.nth(i)).toContainText(text);
});

test("a hiring manager copies a built-in question into their bank and edits the copy at tablet width", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 768, height: 1024 });
  await signIn(page, "manager@riverside.example", DEMO_PASSWORD, { goto: "/banks" });
  await page.getByRole("link", { name: "New bank" }).click();
  await page.getByLabel("Bank name").fill(COPY_BANK);
  await page.getByRole("button", { name: "Create bank" }).click();
  await expect(page).toHaveURL(/\/banks\/manage\/[^/?]+\?created=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Bank created." })).toBeVisible();
  const manageUrl = page.url().replace(/\?.*$/, "");

  await page.goto("/banks");
  await page.getByLabel("Bank").selectOption({ label: "Mental Health Specialist (23)" });
  await expect(page.getByRole("status")).toHaveText("23 questions");
  await page.getByRole("list", { name: "Questions" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/banks\/questions\/[^/?]+$/);
  const original = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
  const originalUrl = page.url();
  await expect(page.getByText("built-in, read-only")).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);

  await page.getByLabel("Copy into").selectOption({ label: COPY_BANK });
  await page.getByRole("button", { name: "Copy to my bank" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Copied into ${COPY_BANK}.` })).toBeVisible();
  await page.getByRole("link", { name: "Edit the copy" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit question 1");
  await expect(page.getByLabel("Question", { exact: true })).toHaveValue(original);
  const edited = `In our crisis team: ${original}`;
  await page.getByLabel("Question", { exact: true }).fill(edited);
  const competencies = page.getByRole("group", { name: "Competencies" });
  const checked = competencies.getByRole("checkbox", { checked: true });
  while ((await checked.count()) > 0) await checked.first().uncheck();
  await page.getByRole("button", { name: "Save question" }).click();
  await expect(competencies.getByRole("alert")).toHaveText("Choose at least one competency.");
  await competencies.getByLabel("Crisis handling").check();
  await page.getByRole("button", { name: "Save question" }).click();

  await expect(page).toHaveURL(/\/banks\/questions\/[^/?]+\?saved=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(edited);
  await expect(page.getByRole("status").filter({ hasText: "Your changes are saved." })).toBeVisible();
  await expect(page.getByRole("list", { name: "Competencies tested" })).toHaveText("Crisis handling");
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toBeVisible();

  await page.goto(originalUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(original);

  await page.goto(manageUrl);
  const questions = page.getByRole("list", { name: "Questions", exact: true }).locator(":scope > li");
  await expect(questions).toHaveCount(1);
  await expect(questions.first()).toContainText(edited);

  // Add a question of the bank's own, then delete the copy: the new one moves up to position 1.
  const ownText = "Tell us about a time you de-escalated a client on the phone.";
  await page.getByLabel("Question", { exact: true }).fill(ownText);
  const picker = page.getByRole("group", { name: "Competencies" });
  for (const name of ["Crisis handling", "Communication", "Empathy", "Resilience"]) await picker.getByLabel(name).check();
  await expect(picker.getByRole("alert")).toHaveText("Choose at most three competencies: 4 are checked.");
  await picker.getByLabel("Resilience").uncheck();
  await page.getByRole("button", { name: "Add question" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added question 2." })).toBeVisible();
  await expect(questions).toHaveCount(2);
  await page.getByRole("button", { name: "Delete question 1" }).click();
  await page.getByRole("button", { name: "Delete question", exact: true }).click();
  await expect(questions).toHaveCount(1);
  await expect(questions.first()).toContainText(`1.${ownText}`);

  await deleteOpenBank(page);
});

test("the import page takes the formats it reads and refuses other files with a reason", async ({ page }) => {
  await signIn(page, "admin@riverside.example", DEMO_PASSWORD, { goto: "/banks/import" });
  const upload = page.getByLabel("Upload a file");
  await expect(upload).toHaveAttribute("accept", ".txt,.md,.markdown,.html,.htm,.docx,.csv,.xlsx,text/plain,text/markdown");

  await upload.setInputFiles({ name: "article.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7") });
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(/“article.pdf” is not a file the import reads/);
  await upload.setInputFiles({ name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(11_000_000, "a") });
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(/“huge.txt” is 11.0 MB; a file can be at most 10.0 MB/);

  const article = readFileSync("seeds/articles/clinical-case-manager.txt");
  await upload.setInputFiles({ name: "clinical-case-manager.txt", mimeType: "text/plain", buffer: article });
  await expect(page.getByRole("status").filter({ hasText: "Loaded clinical-case-manager.txt" })).toBeVisible();
  await expect(page.getByLabel("Article text")).toHaveValue(article.toString("utf8"));
  await page.getByRole("button", { name: "Preview" }).click();
  const entries = page.getByRole("list", { name: "Entries to import" }).locator(":scope > li");
  await expect(entries).toHaveCount(23);
  // This article has no question sentences: each entry asks for one, and the import waits until they are written.
  await expect(entries.first().getByLabel("Question text")).toHaveValue("");
  await expect(entries.first()).toContainText("Entry 1 has no question sentence in the article: write the question to ask.");
  await expect(page.getByRole("button", { name: "Import 23 questions" })).toBeDisabled();
});

test("an interviewer reads the banks but gets no controls to change them", async ({ page }) => {
  await signIn(page, "interviewer1@riverside.example", DEMO_PASSWORD, { goto: "/banks" });
  await expect(page.getByRole("status")).toHaveText(/\d+ questions/);
  await expect(page.getByRole("link", { name: "New bank" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Import an article" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Manage / })).toHaveCount(0);
  await expect(page.getByText("Built-in").first()).toBeVisible();

  await page.getByRole("list", { name: "Questions" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "What it assesses" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Copy to my bank" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);

  await page.goto("/banks/import");
  await expect(page.getByText("Only admins and hiring managers can change question banks.")).toBeVisible();
  await expect(page.getByLabel("Article text")).toHaveCount(0);
});

// Importing candidates in the browser: a hiring manager uploads a CSV, the columns are guessed, the preview
// shows the row with a bad email, they leave it out, import, and find the candidates listed (names as text).
// The same file read again after a reload finds every row already imported, rows without an email included.
import pg from "pg";
import { checkA11y, expect, signIn, test } from "./fixtures";

const DEMO_PASSWORD = "panelkit-demo";
const MARK = `E2E${Date.now()}`;

// The e2e database is shared by every spec in the run: remove the imported candidates (and their people) and
// the remembered mapping, so other specs see the demo organisation as seeded.
test.afterAll(async () => {
  const connectionString = process.env.E2E_DATABASE_URL;
  if (!connectionString) return;
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ personId: string; orgId: string }>(
      `DELETE FROM "Candidate" WHERE "name" LIKE $1 RETURNING "personId", "orgId"`,
      [`%${MARK}%`],
    );
    await client.query(`DELETE FROM "Person" WHERE "id" = ANY($1) AND NOT EXISTS (SELECT 1 FROM "Candidate" c WHERE c."personId" = "Person"."id")`, [
      rows.map((row) => row.personId),
    ]);
    await client.query(`UPDATE "Organization" SET "candidateImportMapping" = NULL WHERE "id" = ANY($1)`, [[...new Set(rows.map((row) => row.orgId))]]);
  } finally {
    await client.end();
  }
});

test("a hiring manager imports a CSV of candidates, leaving out the row with a bad email", async ({ page }) => {
  test.setTimeout(60_000);
  const csv = [
    "Full name,E-mail,Job,Comments",
    `Ada ${MARK},ada.${MARK}@example.com,Mental Health Specialist,"=HYPERLINK(""http://evil.example"",""x"")"`,
    `Bad ${MARK},not-an-email,Mental Health Specialist,`,
    `Cy <b>${MARK}</b>,cy.${MARK}@example.com,Mental Health Specialist,`,
  ].join("\r\n");
  // Straight to the import page (the list's link to it is checked at the end): one page load less to audit.
  await signIn(page, "manager@riverside.example", DEMO_PASSWORD, { goto: "/candidates/import" });

  await page.getByLabel("CSV file or Excel workbook (.xlsx)").setInputFiles({ name: "candidates.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Read the file" }).click();
  await expect(page.getByRole("status").filter({ hasText: "3 rows:" })).toHaveText(
    "3 rows: 2 ready, 1 with problems, 0 already in your organisation (same email; for a row without one, same name and phone in the vacancy).",
  );
  // The columns were guessed from the headers.
  await expect(page.getByLabel("Name column")).toHaveValue("Full name");
  await expect(page.getByLabel("Email column")).toHaveValue("E-mail");
  await expect(page.getByLabel("Vacancy (title or id) column")).toHaveValue("Job");

  const rows = page.getByRole("list", { name: "Rows" }).locator(":scope > li");
  const bad = rows.filter({ hasText: "Row 3:" });
  await expect(bad).toContainText("Email: Enter a valid email address");
  const importButton = page.getByRole("button", { name: "Import", exact: true });
  await expect(importButton).toBeDisabled();
  await expect(page.getByText("Row 3 has a problem")).toBeVisible();

  await bad.getByLabel("Leave out row 3").check();
  await expect(importButton).toBeEnabled();
  expect(await checkA11y(page)).toEqual([]);
  await importButton.click();
  await expect(page.getByRole("status").filter({ hasText: "Imported:" })).toContainText("Imported: 2 new, 0 updated, 1 skipped.");

  await page.getByRole("link", { name: "See the candidates" }).click();
  await expect(page).toHaveURL(/\/candidates$/);
  await page.getByLabel("Search by name").fill(MARK);
  const listed = page.getByRole("list", { name: "Candidates" }).locator(":scope > li");
  await expect(listed).toHaveCount(2);
  // The file's text is shown as text: the tag is characters, not markup.
  await expect(listed.getByRole("link", { name: `Cy <b>${MARK}</b>` })).toBeVisible();
  await expect(listed.getByRole("link", { name: `Ada ${MARK}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import from a spreadsheet" })).toHaveAttribute("href", "/candidates/import");
});

test("the same file read again after an import, or a reload, shows its rows as already imported, rows without an email too", async ({ page }) => {
  test.setTimeout(60_000);
  const csv = ["Name,Email,Phone,Job", `Dee ${MARK},,0100 ${MARK.slice(-6)},Mental Health Specialist`, `Eli ${MARK},eli.${MARK}@example.com,,Mental Health Specialist`].join("\r\n");
  const upload = async () => {
    await page.getByLabel("CSV file or Excel workbook (.xlsx)").setInputFiles({ name: "again.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Read the file" }).click();
  };
  await signIn(page, "manager@riverside.example", DEMO_PASSWORD, { goto: "/candidates/import" });
  await upload();
  await expect(page.getByRole("status").filter({ hasText: "2 rows:" })).toContainText("2 rows: 2 ready, 0 with problems, 0 already");
  const importButton = page.getByRole("button", { name: "Import", exact: true });
  await importButton.click();
  await expect(page.getByRole("status").filter({ hasText: "Imported:" })).toContainText("Imported: 2 new, 0 updated, 0 skipped.");
  // Import is not offered again for the same preview: another import starts from reading a file.
  await expect(importButton).toBeDisabled();
  await expect(page.getByText("To import more, read a file again")).toBeVisible();

  // A reload (say, mid-import: "did it work?"), then the same file again.
  await page.reload();
  await upload();
  await expect(page.getByRole("status").filter({ hasText: "2 rows:" })).toContainText("2 rows: 2 ready, 0 with problems, 2 already in your organisation");
  const rows = page.getByRole("list", { name: "Rows" }).locator(":scope > li");
  await expect(rows.filter({ hasText: `Dee ${MARK}` })).toContainText("No email in this row; already a candidate for this vacancy with the same name and phone");
  await expect(rows.filter({ hasText: `Eli ${MARK}` })).toContainText("Already in your organisation:");
  await expect(page.getByLabel("For candidates already in your organisation")).toHaveValue("skip");
  expect(await checkA11y(page)).toEqual([]);
  await importButton.click();
  await expect(page.getByRole("status").filter({ hasText: "Imported:" })).toContainText("Imported: 0 new, 0 updated, 2 skipped.");
  // The import's choices are fixed now: changing one no longer clears "Imported" and offers Import again.
  await expect(page.getByLabel("For candidates already in your organisation")).toBeDisabled();
  await expect(rows.filter({ hasText: `Dee ${MARK}` }).getByLabel("Row 2: what to do")).toBeDisabled();
  await expect(importButton).toBeDisabled();
});

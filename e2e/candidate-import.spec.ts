// Importing candidates in the browser: a hiring manager uploads a CSV, the columns are guessed, the preview
// shows the row with a bad email, they leave it out, import, and find the candidates listed (names as text).
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
    "3 rows: 2 ready, 1 with problems, 0 already in your organisation (same email).",
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

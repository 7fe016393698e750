// A candidate answers the voluntary equal-opportunities form from the link, with no account and the keyboard
// only; the answers are stored once, encrypted, and the link then says it was answered.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { expect, signIn, test } from "./fixtures";

/**
 * An organisation of its own (so the demo organisation's figures stay as they are) asking two categories,
 * with one candidate and an unused link to the form; returns the token and the candidate's id.
 */
async function plantLink() {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  const id = (prefix: string) => `${prefix}${randomUUID().replaceAll("-", "")}`;
  const [orgId, vacancyId, personId, candidateId] = [id("e2eorg"), id("e2evac"), id("e2eper"), id("e2ecan")];
  const token = randomBytes(32).toString("base64url");
  try {
    await client.query(
      `INSERT INTO "Organization" (id, name, slug, "monitoringCategories", "updatedAt") VALUES ($1, 'Harbour Lights Trust', $2, ARRAY['age_band', 'uk_ethnic_group'], now())`,
      [orgId, `harbour-${orgId}`],
    );
    await client.query(`INSERT INTO "Vacancy" (id, "orgId", title, "updatedAt") VALUES ($1, $2, 'Support Worker', now())`, [vacancyId, orgId]);
    await client.query(`INSERT INTO "Person" (id, "orgId") VALUES ($1, $2)`, [personId, orgId]);
    await client.query(
      `INSERT INTO "Candidate" (id, "orgId", name, "vacancyId", "personId", "updatedAt") VALUES ($1, $2, 'Rowan Planted', $3, $4, now())`,
      [candidateId, orgId, vacancyId, personId],
    );
    await client.query(
      `INSERT INTO "MonitoringInvite" (id, "orgId", "candidateId", "tokenHash", "expiresAt") VALUES ($1, $2, $3, $4, now() + interval '30 days')`,
      [id("e2einv"), orgId, candidateId, createHash("sha256").update(token).digest("hex")],
    );
  } finally {
    await client.end();
  }
  return { token, candidateId };
}

async function storedResponses(candidateId: string) {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ ciphertext: Buffer }>(`SELECT "ciphertext" FROM "MonitoringResponse" WHERE "candidateId" = $1`, [candidateId]);
    return rows;
  } finally {
    await client.end();
  }
}

test("a candidate answers the form from the link without an account, keyboard only, once", async ({ page }) => {
  const { token, candidateId } = await plantLink();
  const described = `Cornish ${Date.now()}`;
  await page.goto(`/monitoring/${token}`);
  await expect(page.getByRole("heading", { level: 1, name: "Equal-opportunities form" })).toBeVisible();
  await expect(page.getByText("Answering is optional")).toBeVisible();
  await expect(page.getByText("has no effect on your application")).toBeVisible();
  await expect(page.getByText("Interviewers and hiring managers never see them")).toBeVisible();
  // Nothing about the candidate is on the page.
  await expect(page.getByText("Rowan Planted")).toHaveCount(0);

  // Tab to the first question's first answer, then choose with the arrow keys as a screen-reader user would.
  const age = page.getByRole("group", { name: "What is your age?" });
  for (let i = 0; i < 15 && !(await age.getByRole("radio", { name: "16 to 24" }).evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(age.getByRole("radio", { name: "16 to 24" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(age.getByRole("radio", { name: "25 to 34" })).toBeChecked();

  const ethnicity = page.getByRole("group", { name: "What is your ethnic group?" });
  await page.keyboard.press("Tab");
  await expect(ethnicity.getByRole("radio", { name: "Asian, Asian British or Asian Welsh" })).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown");
  await expect(ethnicity.getByRole("radio", { name: "Another ethnic group" })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(ethnicity.getByRole("textbox", { name: /In your own words/ })).toBeFocused();
  await page.keyboard.type(described);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Send my answers" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("status").getByRole("heading", { name: "Thank you" })).toBeVisible();
  const stored = await storedResponses(candidateId);
  expect(stored).toHaveLength(1);
  expect(stored[0]!.ciphertext.includes(Buffer.from(described))).toBe(false);

  // Opening the link again (a reload, a second tab) says it was answered, and stores nothing more.
  await page.reload();
  await expect(page.getByText("This form has already been answered")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send my answers" })).toHaveCount(0);
  expect(await storedResponses(candidateId)).toHaveLength(1);

  // No account, so no saved language: the page offers the picker, as the sign-in page does.
  await page.getByLabel("Language").selectOption("es");
  await expect(page.getByRole("heading", { level: 1, name: "Formulario de igualdad de oportunidades" })).toBeVisible();
  await expect(page.getByText("Este formulario ya se ha respondido")).toBeVisible();
});

/** A candidate of the demo organisation who has not been erased. */
async function demoCandidateId() {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT c.id FROM "Candidate" c JOIN "Organization" o ON o.id = c."orgId" WHERE o."isDemo" AND c."anonymizedAt" IS NULL ORDER BY c."createdAt" LIMIT 1`,
    );
    return rows[0]!.id;
  } finally {
    await client.end();
  }
}

test("an admin makes a form link on a candidate's page, shown once for copying", async ({ page }) => {
  await signIn(page, "admin@riverside.example", "panelkit-demo", { goto: `/candidates/${await demoCandidateId()}` });
  await page.getByRole("button", { name: "Create a form link" }).click();
  const link = await page.getByLabel("Equal-opportunities form link").inputValue();
  expect(link).toMatch(/\/monitoring\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("status").filter({ hasText: "shown only now" })).toBeVisible();
});

// A shadow sits on a demo interview: the hiring manager seats them, they score at tablet width by keyboard,
// see their ratings beside the panel's once submitted, and HR's comparison and candidate summary hold
// nothing of theirs. The panel (two demo interviewers who rated every cell 3) is written straight into
// the database so the test is about the shadow; the shadow rates every cell 1, so any figure that let
// them in would move below 3.
import type { Page } from "@playwright/test";
import pg from "pg";
import { checkA11y, expect, signIn, test } from "./fixtures";
import { DEMO_FIRST_PUBLISHED_VERSION_SQL, INSERT_CANDIDATE_ON_VERSION_SQL } from "./support/demo-candidate-sql";

const DEMO_PASSWORD = "panelkit-demo";
const PANEL = ["interviewer1@riverside.example", "interviewer2@riverside.example"];
const SHADOW = { email: "interviewer3@riverside.example", name: "Maria Costa" };

/** A candidate interviewed yesterday on the demo script, by a panel that submitted 3 for every cell. */
async function interviewedByPanel(candidateName: string): Promise<{ interviewId: string; candidateId: string }> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ orgId: string; versionId: string }>(
      DEMO_FIRST_PUBLISHED_VERSION_SQL,
    );
    const { orgId, versionId } = rows[0]!;
    const candidate = await client.query<{ id: string; stageId: string }>(INSERT_CANDIDATE_ON_VERSION_SQL, [orgId, candidateName, versionId]);
    const { id: candidateId, stageId } = candidate.rows[0]!;
    const interview = await client.query<{ id: string }>(
      `INSERT INTO "Interview" (id, "orgId", "candidateId", "scriptVersionId", "stageId", "scheduledAt", location, status, "updatedAt")
       VALUES (gen_random_uuid()::text, $1, $2, $3, $4, now() - interval '1 day', 'Room 2', 'COMPLETED', now()) RETURNING id`,
      [orgId, candidateId, versionId, stageId],
    );
    const interviewId = interview.rows[0]!.id;
    await client.query(
      `INSERT INTO "PanelMember" ("interviewId", "userId") SELECT $1, id FROM "User" WHERE email = ANY($2::text[])`,
      [interviewId, PANEL],
    );
    await client.query(
      `INSERT INTO "Scorecard" (id, "orgId", "interviewId", "panelistId", status, recommendation, summary, "submittedAt", "updatedAt")
       SELECT gen_random_uuid()::text, $1, $2, u.id, 'SUBMITTED', 'YES', 'Steady, specific examples.', now(), now()
       FROM "User" u WHERE u.email = ANY($3::text[])`,
      [orgId, interviewId, PANEL],
    );
    await client.query(
      `INSERT INTO "Rating" (id, "scorecardId", "itemId", "competencyId", score, "updatedAt")
       SELECT gen_random_uuid()::text, sc.id, ic."itemId", ic."competencyId", 3, now()
       FROM "Scorecard" sc
       JOIN "ScriptSection" ss ON ss."versionId" = $2
       JOIN "ScriptItem" it ON it."sectionId" = ss.id
       JOIN "ScriptItemCompetency" ic ON ic."itemId" = it.id
       WHERE sc."interviewId" = $1`,
      [interviewId, versionId],
    );
    return { interviewId, candidateId };
  } finally {
    await client.end();
  }
}

/** Rates every competency of every question with one key, moving on with the arrow key. */
async function rateEverythingByKeyboard(page: Page, level: string): Promise<number> {
  const nav = page.getByRole("navigation", { name: "Questions" });
  const questions = await nav.getByRole("button").count();
  await nav.getByRole("button").first().click();
  let rated = 0;
  for (let q = 0; q < questions; q++) {
    const competencies = await page.getByTestId("question-in-focus").getByRole("radiogroup").count();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < competencies; i++) await page.keyboard.press(level);
    rated += competencies;
    await page.keyboard.press("ArrowRight");
  }
  return rated;
}

test("a shadow sits on a demo interview, compares their ratings with the panel's, and counts nowhere in HR's comparison", async ({ browser, page }) => {
  test.setTimeout(120_000);
  const candidateName = `Shadowed Candidate ${Date.now()}`;
  const { interviewId, candidateId } = await interviewedByPanel(candidateName);

  // The hiring manager seats Maria Costa as a shadow.
  await signIn(page, "manager@riverside.example", DEMO_PASSWORD);
  await page.goto(`/interviews/${interviewId}`);
  await page.getByLabel("Add a member to the panel").selectOption({ label: SHADOW.name });
  await page.getByRole("checkbox", { name: "As a shadow" }).check();
  await page.getByRole("button", { name: "Add to panel" }).click();
  const seat = page.getByRole("list", { name: "Panelists" }).getByRole("listitem").filter({ hasText: SHADOW.name });
  await expect(seat).toContainText("Shadow");
  expect(await checkA11y(page)).toEqual([]);

  // The shadow, on a tablet held upright, scores by keyboard and submits.
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, viewport: { width: 768, height: 1024 } });
  const shadow = await context.newPage();
  await signIn(shadow, SHADOW.email, DEMO_PASSWORD);
  await shadow.goto("/my-interviews");
  const row = shadow.getByRole("listitem").filter({ hasText: candidateName });
  await expect(row).toContainText("Shadow: to learn, never counted");
  await shadow.goto(`/interviews/${interviewId}/score`);
  await expect(shadow.getByTestId("shadow-note")).toContainText("You are shadowing this interview");
  const rated = await rateEverythingByKeyboard(shadow, "1");
  expect(rated).toBeGreaterThan(8);
  await shadow.getByRole("radio", { name: "Strong no", exact: true }).check();
  await shadow.getByLabel("Summary").fill("Shadow's view: little evidence of safe practice.");
  await shadow.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(shadow.getByRole("heading", { name: "Submitted" })).toBeVisible();

  // Beside the panel's mean (3 everywhere): two levels off on every cell, all of it severe.
  await shadow.getByRole("link", { name: "Compare your ratings with the panel's" }).click();
  const comparison = shadow.getByTestId("shadow-comparison");
  await expect(comparison).toContainText("2 of 2 panel members have submitted");
  await expect(comparison.getByTestId("shadow-mad")).toContainText("2.00");
  await expect(comparison.getByTestId("shadow-bias")).toContainText("−2.00");
  await expect(comparison.getByTestId("shadow-cell")).toHaveCount(rated);
  await expect(comparison.getByTestId("shadow-cell").first()).toContainText("3.00 (2)");
  expect(await checkA11y(shadow)).toEqual([]);
  await context.close();

  // HR's comparison: two scorecards and a mean of 3 in every competency, whatever the shadow gave.
  const hrContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const hr = await hrContext.newPage();
  await signIn(hr, "hr@riverside.example", DEMO_PASSWORD);
  await hr.goto(`/insights/compare?candidateIds=${candidateId}`);
  const table = hr.getByTestId("comparison-table");
  const candidateRow = table.locator("tbody tr").filter({ has: hr.getByRole("link", { name: candidateName }) });
  await expect(candidateRow).toHaveCount(1);
  await expect(candidateRow.locator('td[data-column="scorecards"]')).toContainText("2");
  const means = await candidateRow.getByTestId("mean").allInnerTexts();
  expect(means.length).toBeGreaterThan(0);
  for (const mean of means) expect(Number(mean)).toBe(3);
  await hr.goto(`/insights/candidates/${candidateId}`);
  await expect(hr.getByRole("heading", { level: 1 })).toContainText(candidateName);
  await expect(hr.locator("main")).not.toContainText(SHADOW.name);
  await expect(hr.locator("main")).not.toContainText("little evidence of safe practice");
  await hrContext.close();
});

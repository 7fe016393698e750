// What a newcomer trips over in the first hour (issue 14, items 1-8): double clicks that create twice, an
// edit lost when leaving the builder, notes cut without a word, unclear form errors, the scoring screen's
// hint, place and layout, and a publish button that is enabled only to be refused.
import type { Locator, Page } from "@playwright/test";
import pg from "pg";
import { expect, signIn, test } from "./fixtures";
import { INSERT_CANDIDATE_ON_VERSION_SQL } from "./support/demo-candidate-sql";

// Each test signs in and axe audits every page it opens: on a busy two-core machine that alone can take 20 s.
test.describe.configure({ timeout: 90_000 });

const DEMO_PASSWORD = "panelkit-demo";
const MANAGER = "manager@riverside.example";
const INTERVIEWER = "interviewer1@riverside.example";

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** A fresh candidate in the demo organisation, and (with a panel) an interview on its published script. */
async function arrangeCandidate(name: string, panelEmails: string[] = []): Promise<{ candidateId: string; interviewId: string | null }> {
  const [{ orgId, versionId }] = await sql<{ orgId: string; versionId: string }>(
    `SELECT s."orgId", v.id AS "versionId" FROM "ScriptVersion" v JOIN "InterviewScript" s ON s.id = v."scriptId"
     JOIN "Organization" o ON o.id = s."orgId" WHERE o."isDemo" AND v."publishedAt" IS NOT NULL ORDER BY v."publishedAt" LIMIT 1`,
  ) as [{ orgId: string; versionId: string }];
  const [candidate] = await sql<{ id: string }>(INSERT_CANDIDATE_ON_VERSION_SQL, [orgId, name, versionId]);
  if (!panelEmails.length) return { candidateId: candidate!.id, interviewId: null };
  const [interview] = await sql<{ id: string }>(
    `INSERT INTO "Interview" (id, "orgId", "candidateId", "scriptVersionId", "scheduledAt", location, "updatedAt")
     VALUES (gen_random_uuid()::text, $1, $2, $3, now(), 'Room 2', now()) RETURNING id`,
    [orgId, candidate!.id, versionId],
  );
  await sql(`INSERT INTO "PanelMember" ("interviewId", "userId") SELECT $1, id FROM "User" WHERE email = ANY($2::text[])`, [
    interview!.id,
    panelEmails,
  ]);
  return { candidateId: candidate!.id, interviewId: interview!.id };
}

/** Signs in as the demo's hiring manager and creates a vacancy; its id. */
async function createVacancyAsManager(page: Page, title: string): Promise<string> {
  await signIn(page, MANAGER, DEMO_PASSWORD, { goto: "/vacancies" });
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create vacancy" }).click();
  await page.waitForURL(/\/vacancies\/[^/]+$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** On a vacancy's plan page: one stage, "Panel interview" on the first published script, saved. */
async function savePanelInterviewPlan(page: Page) {
  const stages = page.getByTestId("plan-stage");
  if ((await stages.count()) === 0) await page.getByRole("button", { name: "Add a stage" }).click();
  await stages.nth(0).getByLabel("Stage name").fill("Panel interview");
  await stages.nth(0).getByLabel("Script (published version)").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Save the plan" }).click();
  await expect(page.getByText("Plan saved.")).toBeAttached();
}

/** Two clicks 120 ms apart at the same spot, as a person double-clicks: the second lands whatever the page did meanwhile. */
async function doubleClickAtHumanSpeed(page: Page, target: Locator) {
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.click(x, y);
  await page.waitForTimeout(120);
  await page.mouse.click(x, y);
}

test.describe("item 1: a double click creates one record", () => {
  test("adding a candidate", async ({ page }) => {
    await signIn(page, MANAGER, DEMO_PASSWORD, { goto: "/candidates" });
    const name = `Double Click ${Date.now()}`;
    const form = page.getByRole("region", { name: "Add a candidate" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Vacancy").selectOption({ label: "Mental Health Specialist" });
    await doubleClickAtHumanSpeed(page, form.getByRole("button", { name: "Add candidate" }));
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    // Give a second request time to land before counting.
    await page.waitForTimeout(1_000);
    const rows = await sql<{ count: string }>(`SELECT count(*) FROM "Candidate" WHERE name = $1`, [name]);
    expect(Number(rows[0]!.count)).toBe(1);
  });

  test("scheduling an interview", async ({ page }) => {
    const name = `Schedule Twice ${Date.now()}`;
    const { candidateId } = await arrangeCandidate(name);
    await signIn(page, MANAGER, DEMO_PASSWORD, { goto: "/interviews" });
    const form = page.getByRole("region", { name: "Schedule an interview" });
    await form.getByLabel("Candidate").selectOption({ label: `${name} (Mental Health Specialist)` });
    const current = await form.getByLabel("Stage").locator("option", { hasText: "(current)" }).getAttribute("value");
    await form.getByLabel("Stage").selectOption(current!);
    await form.getByLabel("Date and time").fill("2027-03-01T10:00");
    await form.getByLabel(/Sam Okafor/).check();
    await doubleClickAtHumanSpeed(page, form.getByRole("button", { name: "Schedule interview" }));
    await page.waitForURL(/\/interviews\/[^/]+$/);
    await page.waitForTimeout(1_000);
    const rows = await sql<{ count: string }>(`SELECT count(*) FROM "Interview" WHERE "candidateId" = $1`, [candidateId]);
    expect(Number(rows[0]!.count)).toBe(1);
  });
});

test("item 2: an edit made just before leaving the builder through the menu is saved", async ({ page }) => {
  await signIn(page, MANAGER, DEMO_PASSWORD);
  await page.getByRole("link", { name: "Interview scripts" }).click();
  await page.getByLabel("Title").fill(`Leaving quickly ${Date.now()}`);
  await page.getByLabel("Role it hires for").fill("Mental Health Specialist");
  await page.getByRole("button", { name: "Create and open the builder" }).click();
  await expect(page.getByTestId("version-status")).toContainText("Version 1 · draft");
  const builderUrl = page.url();

  const instructions = page.getByLabel("Instructions for the panel");
  await instructions.fill("Welcome the candidate.");
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
  await instructions.fill("Welcome the candidate and introduce the panel.");
  // A change is pending: the status must not claim otherwise.
  await expect(page.getByTestId("save-state")).not.toHaveText("All changes saved");
  await page.waitForTimeout(150);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Interview scripts" }).click();
  await page.waitForURL(/\/scripts$/);

  await page.goto(builderUrl);
  await expect(page.getByLabel("Instructions for the panel")).toHaveValue("Welcome the candidate and introduce the panel.");
});

test.describe("scoring screen", () => {
  test("item 3: a pasted note longer than the limit is cut with a message, and a counter shows near the limit", async ({ page, context }) => {
    const { interviewId } = await arrangeCandidate(`Long Notes ${Date.now()}`, [INTERVIEWER]);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signIn(page, INTERVIEWER, DEMO_PASSWORD, { goto: `/interviews/${interviewId}/score` });
    const notes = page.getByLabel(/^Evidence notes for question 1/);
    await notes.click();
    await page.evaluate((text) => navigator.clipboard.writeText(text), "x".repeat(12_000));
    await page.keyboard.press("ControlOrMeta+V");
    await expect(notes).toHaveValue("x".repeat(10_000));
    await expect(page.getByText("Pasted text was cut to fit: 2,000 characters were left out (at most 10,000).")).toBeVisible();
    await expect(page.getByText("10,000 of 10,000 characters")).toBeVisible();
  });

  test("item 5: the submit hint lists exactly what is missing, the summary included", async ({ page }) => {
    const { interviewId } = await arrangeCandidate(`Missing Things ${Date.now()}`, [INTERVIEWER]);
    await signIn(page, INTERVIEWER, DEMO_PASSWORD, { goto: `/interviews/${interviewId}/score` });
    const panel = page.getByRole("region", { name: "Submit your scorecard" });
    const hint = panel.getByTestId("submit-missing");
    await expect(hint).toContainText("Question 1");
    await expect(hint).toContainText("an overall recommendation");
    await expect(hint).toContainText("a summary");
    await panel.getByLabel("Summary").fill("Strong on empathy.");
    await expect(hint).not.toContainText("a summary");
    await expect(page.getByText(/summary:/i)).toHaveCount(0);
  });

  test("item 2: the recommendation and summary written before submitting survive a reload and leaving the page", async ({ page }) => {
    const { interviewId } = await arrangeCandidate(`Keep My Summary ${Date.now()}`, [INTERVIEWER]);
    await signIn(page, INTERVIEWER, DEMO_PASSWORD, { goto: `/interviews/${interviewId}/score` });
    const panel = page.getByRole("region", { name: "Submit your scorecard" });
    await panel.getByRole("radio", { name: "Yes", exact: true }).check();
    await panel.getByLabel("Summary").fill("Calm under pressure; asked for supervision early.");
    await page.reload();
    await expect(panel.getByLabel("Summary")).toHaveValue("Calm under pressure; asked for supervision early.");
    await expect(panel.getByRole("radio", { name: "Yes", exact: true })).toBeChecked();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My interviews" }).click();
    await page.waitForURL(/\/my-interviews$/);
    await page.goto(`/interviews/${interviewId}/score`);
    await expect(panel.getByLabel("Summary")).toHaveValue("Calm under pressure; asked for supervision early.");
  });

  test("item 2: signing out forgets the kept summary, so the next person on a shared tablet does not find it", async ({ page }) => {
    const { interviewId } = await arrangeCandidate(`Forget My Summary ${Date.now()}`, [INTERVIEWER]);
    await signIn(page, INTERVIEWER, DEMO_PASSWORD, { goto: `/interviews/${interviewId}/score`, viaForm: true });
    const panel = page.getByRole("region", { name: "Submit your scorecard" });
    await panel.getByLabel("Summary").fill("Private words about this candidate.");
    const keptSummaries = () => page.evaluate("Object.keys(localStorage).filter((key) => key.startsWith('panelkit:submit-draft:')).length");
    await expect.poll(keptSummaries).toBe(1);
    // The clean-up is loaded when the button is pressed (src/components/sign-out.ts).
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/signin/);
    expect(await keptSummaries()).toBe(0);
  });

  test("a change sent while the server can't be reached says so in the reader's words (src/trpc/unreachable.ts)", async ({ page }) => {
    const { interviewId } = await arrangeCandidate(`Unreachable ${Date.now()}`, [INTERVIEWER]);
    await signIn(page, INTERVIEWER, DEMO_PASSWORD, { goto: `/interviews/${interviewId}/score` });
    const assisted = page.getByTestId("assisted-form");
    await assisted.getByRole("checkbox", { name: "A supporter is entering ratings for me" }).check();
    await assisted.getByLabel("Supporter's name").fill("Sam Okafor");
    await page.route("**/api/trpc/**", (route) => route.abort("connectionrefused"));
    await assisted.getByRole("button", { name: "Save" }).click();
    await expect(assisted.getByText("The server can't be reached. Check the connection and try again.")).toBeVisible();
    await expect(assisted.getByText("Failed to fetch")).toHaveCount(0);
  });

  test("item 7: a reload keeps the question in focus, and the next number key rates that question", async ({ page }) => {
    const { interviewId } = await arrangeCandidate(`Keep My Place ${Date.now()}`, [INTERVIEWER]);
    // Through the landing page: history has a page of the app's before the scoring page, for going back below.
    await signIn(page, INTERVIEWER, DEMO_PASSWORD);
    await page.goto(`/interviews/${interviewId}/score`);
    const focus = page.getByTestId("question-in-focus");
    await page.getByRole("navigation", { name: "Questions" }).getByRole("button").nth(2).click();
    await expect(focus).toContainText(/question 3 of \d+/);
    await page.reload();
    await expect(focus).toContainText(/question 3 of \d+/);
    await page.keyboard.press("2");
    await expect(focus.getByRole("radio", { name: /^2 · / }).first()).toHaveAttribute("aria-checked", "true");
    await page.goBack();
    await page.goForward();
    await expect(focus).toContainText(/question 3 of \d+/);
  });

  for (const width of [320, 768, 1280]) {
    test(`item 8: Previous and Next sit at the two ends of one line at ${width} px`, async ({ page }) => {
      const { interviewId } = await arrangeCandidate(`Layout ${width} ${Date.now()}`, [INTERVIEWER]);
      await page.setViewportSize({ width, height: 900 });
      // Through the landing page, which is audited at this width here.
      await signIn(page, INTERVIEWER, DEMO_PASSWORD);
      await page.goto(`/interviews/${interviewId}/score`);
      const focus = page.getByTestId("question-in-focus");
      const card = (await focus.boundingBox())!;
      const previous = (await focus.getByRole("button", { name: /Previous/ }).boundingBox())!;
      const next = (await focus.getByRole("button", { name: /Next/ }).boundingBox())!;
      expect(Math.abs(previous.y - next.y), "same line").toBeLessThan(2);
      expect(previous.x - card.x, "Previous at the left end").toBeLessThan(40);
      expect(card.x + card.width - (next.x + next.width), "Next at the right end").toBeLessThan(40);
      expect(next.x + next.width, "Next within the page").toBeLessThanOrEqual(width);
    });
  }
});

test.describe("forms and the builder", () => {
  test("item 4: the empty schedule form names each missing field in its own words", async ({ page }) => {
    await signIn(page, MANAGER, DEMO_PASSWORD, { goto: null });
    for (const width of [768, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/interviews");
      const form = page.getByRole("region", { name: "Schedule an interview" });
      await form.getByRole("button", { name: "Schedule interview" }).click();
      await expect(form.getByLabel("Candidate")).toHaveAccessibleDescription("Choose a candidate");
      // The stage (and with it the script) comes from the candidate: it waits for one to be chosen.
      await expect(form.getByLabel("Stage")).toBeDisabled();
      await expect(form.getByLabel("Date and time")).toHaveAccessibleDescription("Pick a date");
      await expect(form.getByRole("group", { name: "Panel" })).toHaveAccessibleDescription("Add at least one panelist");
      await expect(form.getByText(/required|candidateId|Invalid/)).toHaveCount(0);
    }
  });

  test("item 6: a script without questions cannot be published, and says why beside the button", async ({ page }) => {
    await signIn(page, MANAGER, DEMO_PASSWORD, { goto: null });
    for (const width of [768, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/scripts");
      await page.getByLabel("Title").fill(`Empty script ${width} ${Date.now()}`);
      await page.getByLabel("Role it hires for").fill("Mental Health Specialist");
      await page.getByRole("button", { name: "Create and open the builder" }).click();
      const publish = page.getByRole("button", { name: "Publish version 1" });
      await expect(publish).toBeDisabled();
      await expect(publish).toHaveAccessibleDescription("Add at least one question to publish.");
      await expect(page.getByText("Add at least one question to publish.")).toBeVisible();
    }
  });
});

test("two tabs on one candidate: the second tab's save is refused with its text kept, and the first tab's notes stay", async ({ page }) => {
  const { candidateId } = await arrangeCandidate(`Two Tabs ${Date.now()}`);
  await signIn(page, MANAGER, DEMO_PASSWORD, { goto: `/candidates/${candidateId}` });
  const other = await page.context().newPage();
  await other.goto(`/candidates/${candidateId}`);
  // The unsaved-changes guard watches the second tab before it is typed in (e2e/unsaved-changes.spec.ts).
  await expect(other.locator("html[data-unsaved-changes-guard]")).toBeAttached();
  const details = (tab: Page) => tab.getByRole("region", { name: "Details" });
  const notes = (tab: Page) => details(tab).getByLabel("Notes (optional)");
  const save = (tab: Page) => details(tab).getByRole("button", { name: "Save", exact: true });

  await notes(page).fill("Strong on de-escalation.");
  await save(page).click();
  await expect(details(page).getByRole("status")).toHaveText("Saved.");
  // Typing goes on right after saving, while the page fetches the candidate afresh: the refresh must neither
  // take the typing back nor the "Saved." away (the editor used to be drawn afresh from the saved state).
  await notes(page).fill("Strong on de-escalation. Calm under pressure.");
  await expect
    .poll(async () => (await sql<{ notes: string }>(`SELECT notes FROM "Candidate" WHERE id = $1`, [candidateId]))[0]?.notes)
    .toBe("Strong on de-escalation.");
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  await expect(notes(page)).toHaveValue("Strong on de-escalation. Calm under pressure.");
  await expect(details(page).getByRole("status")).toHaveText("Saved.");

  await notes(other).fill("Ask about night shifts.");
  await save(other).click();
  await expect(details(other).getByRole("alert").filter({ hasText: "This candidate was changed in another tab or by someone else" })).toBeVisible();
  await expect(notes(other)).toHaveValue("Ask about night shifts.");

  // The refused text was not saved, so reloading asks first (the unsaved-changes guard); reloaded, the second
  // tab shows what the first one saved.
  const asked: string[] = [];
  other.on("dialog", (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await other.reload();
  await expect(notes(other)).toHaveValue("Strong on de-escalation.");
  expect(asked).toEqual(["beforeunload"]);
  await other.close();
});

test("a vacancy's details: typing goes on after saving, and the page's refresh neither takes it back nor the \"Saved.\" away", async ({ page }) => {
  const title = `Saved Stays ${Date.now()}`;
  const vacancyId = await createVacancyAsManager(page, title);
  const details = page.getByRole("region", { name: "Details" });

  await details.getByLabel("Location (optional)").fill("Leeds");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByRole("status")).toHaveText("Saved.");
  await details.getByLabel("Department (optional)").fill("Crisis team");
  await expect
    .poll(async () => (await sql<{ location: string }>(`SELECT location FROM "Vacancy" WHERE id = $1`, [vacancyId]))[0]?.location)
    .toBe("Leeds");
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  await expect(details.getByLabel("Department (optional)")).toHaveValue("Crisis team");
  await expect(details.getByRole("status")).toHaveText("Saved.");
});

test("a vacancy's details saved after its plan, coming back with the browser's Back button, are not refused", async ({ page }) => {
  // Saving the plan moves the vacancy's updatedAt, and Back shows the vacancy's page as the browser kept it:
  // the details form checks the details it shows, which the plan did not change.
  const title = `Back Button Vacancy ${Date.now()}`;
  const vacancyId = await createVacancyAsManager(page, title);

  await page.getByRole("link", { name: "Add stages" }).click();
  await page.waitForURL(/\/plan$/);
  await savePanelInterviewPlan(page);

  await page.goBack();
  await page.waitForURL(/\/vacancies\/[^/]+$/);
  const details = page.getByRole("region", { name: "Details" });
  await details.getByLabel("Title").fill(`${title} (nights)`);
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByRole("status")).toHaveText("Saved.");
  expect((await sql<{ title: string }>(`SELECT title FROM "Vacancy" WHERE id = $1`, [vacancyId]))[0]?.title).toBe(`${title} (nights)`);
});

test("a vacancy's plan editor open in one tab saves its plan after the details were saved in another", async ({ page }) => {
  // The plan has a version of its own (planUpdatedAt): a details save elsewhere used to refuse the plan's save
  // ("This plan was changed in another tab…") and the stages entered were lost on reload.
  const title = `Plan And Details ${Date.now()}`;
  const vacancyId = await createVacancyAsManager(page, title);
  const other = await page.context().newPage();
  await other.goto(`/vacancies/${vacancyId}/plan`);
  await expect(other.locator("html[data-unsaved-changes-guard]")).toBeAttached();

  const details = page.getByRole("region", { name: "Details" });
  await details.getByLabel("Location (optional)").fill("Leeds");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByRole("status")).toHaveText("Saved.");

  await savePanelInterviewPlan(other);
  await expect(other.getByText("This plan was changed in another tab")).toHaveCount(0);
  const stored = await sql<{ name: string; location: string }>(
    `SELECT s.name, v.location FROM "VacancyStage" s JOIN "Vacancy" v ON v.id = s."vacancyId" WHERE v.id = $1`,
    [vacancyId],
  );
  expect(stored).toEqual([{ name: "Panel interview", location: "Leeds" }]);
  await other.close();
});

test("two tabs on an interview's panel: a member taken off in one is not seated again by a change made in the other", async ({ page }) => {
  const { interviewId } = await arrangeCandidate(`Panel Tabs ${Date.now()}`, [INTERVIEWER, "interviewer2@riverside.example"]);
  await signIn(page, MANAGER, DEMO_PASSWORD, { goto: `/interviews/${interviewId}` });
  const other = await page.context().newPage();
  await other.goto(`/interviews/${interviewId}`);
  const panelists = (tab: Page) => tab.getByRole("list", { name: "Panelists" }).getByRole("listitem");
  await expect(panelists(other)).toHaveCount(2);
  await expect(other.getByLabel("Add a member to the panel").locator("option")).not.toHaveCount(1);
  const seated = async () =>
    (await sql<{ email: string }>(`SELECT u.email FROM "PanelMember" p JOIN "User" u ON u.id = p."userId" WHERE p."interviewId" = $1 ORDER BY u.email`, [interviewId])).map(
      (row) => row.email,
    );

  // First tab: the first interviewer is taken off the panel.
  await panelists(page).filter({ hasText: INTERVIEWER }).getByRole("button", { name: /^Remove .* from the panel$/ }).click();
  await expect(panelists(page)).toHaveCount(1);
  expect(await seated()).toEqual(["interviewer2@riverside.example"]);

  // Second tab, still showing them: adding someone would have seated them again.
  await other.getByLabel("Add a member to the panel").selectOption({ index: 1 });
  await other.getByRole("button", { name: "Add to panel" }).click();
  await expect(other.getByRole("alert").filter({ hasText: "This panel was changed in another tab or by someone else" })).toBeVisible();
  expect(await seated()).toEqual(["interviewer2@riverside.example"]);
  await other.reload();
  await expect(panelists(other)).toHaveCount(1);
  await expect(panelists(other)).not.toContainText(INTERVIEWER);
  await other.close();

  // The tab that made the change goes on from the panel its change left: the interviewer is seated again on purpose.
  const [{ name }] = (await sql<{ name: string }>(`SELECT name FROM "User" WHERE email = $1`, [INTERVIEWER])) as [{ name: string }];
  const add = page.getByLabel("Add a member to the panel");
  await add.selectOption((await add.locator("option", { hasText: name }).getAttribute("value"))!);
  await page.getByRole("button", { name: "Add to panel" }).click();
  await expect(panelists(page)).toHaveCount(2);
  expect(await seated()).toEqual([INTERVIEWER, "interviewer2@riverside.example"]);
});

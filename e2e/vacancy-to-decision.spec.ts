// Issue 17 end to end: a hiring manager builds a vacancy with a two-stage plan; three panelists submit
// their scorecards; the chair runs the debrief from the disagreement queue to an override decision with its
// justification while a panelist follows live; HR finds the decision and its reasons on the candidate's
// page and in the comparison CSV.
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

const PASSWORD = "panelkit-demo";
const MANAGER = "manager@riverside.example";
const HR = "hr@riverside.example";
const ADMIN = "admin@riverside.example";
const ADMIN_NAME = "Alex Morgan";
const PANEL = [
  { email: "interviewer1@riverside.example", name: "Sam Okafor" },
  { email: "interviewer2@riverside.example", name: "Jordan Lee" },
  { email: "interviewer3@riverside.example", name: "Maria Costa" },
];

type TrpcOk<T> = { result: { data: { json: T } } };

async function trpcQuery<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await request.get(`/api/trpc/${path}${query}`);
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as TrpcOk<T>).result.data.json;
}

async function trpcMutation<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as TrpcOk<T>).result.data.json;
}

async function signedIn(browser: Browser, email: string, width = 1024): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signIn(page, email, PASSWORD);
  return page;
}

type MyScorecard = {
  id: string;
  items: { itemId: string; required: boolean; competencies: { id: string }[] }[];
};

/** A panelist scores every question at one level with a note, through the app's own API, and submits. */
async function scoreAndSubmit(page: Page, interviewId: string, level: number, note: string): Promise<void> {
  const card = await trpcQuery<MyScorecard>(page.request, "scorecards.mine", { interviewId });
  for (const item of card.items) {
    for (const competency of item.competencies) {
      await trpcMutation(page.request, "scorecards.saveRating", {
        scorecardId: card.id,
        itemId: item.itemId,
        competencyId: competency.id,
        score: level,
        notAssessed: false,
        baseVersion: 0,
      });
    }
    await trpcMutation(page.request, "scorecards.saveNote", { scorecardId: card.id, itemId: item.itemId, body: note, baseVersion: 0 });
  }
  await trpcMutation(page.request, "scorecards.submit", {
    scorecardId: card.id,
    recommendation: level >= 3 ? "YES" : "NO",
    summary: `Overall ${level}.`,
  });
}

test("a hiring manager plans a vacancy, the panel submits, the chair decides an override in the debrief while a panelist watches, and HR finds the reason", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const title = `Night support worker ${stamp}`;
  const candidateName = `Robin Vale ${stamp}`;

  // 1. The hiring manager creates the vacancy and its two-stage plan, at tablet width.
  await page.setViewportSize({ width: 768, height: 1024 });
  await signIn(page, MANAGER, PASSWORD);
  await page.goto("/vacancies");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create vacancy" }).click();
  await page.waitForURL(/\/vacancies\/[^/]+$/);
  const vacancyId = new URL(page.url()).pathname.split("/").pop()!;

  await page.goto(`/vacancies/${vacancyId}/plan`);
  const stages = page.getByTestId("plan-stage");
  if ((await stages.count()) === 0) await page.getByRole("button", { name: "Add a stage" }).click();
  const first = stages.nth(0);
  await first.getByLabel("Stage name").fill("Panel interview");
  await first.getByLabel("Script (published version)").selectOption({ index: 1 });
  for (const { name } of PANEL) await first.getByRole("group", { name: "Default panel" }).getByRole("checkbox", { name: new RegExp(name) }).check();
  await page.getByRole("button", { name: "Add a stage" }).click();
  const second = stages.nth(1);
  await second.getByLabel("Stage name").fill("Practical task");
  await second.getByLabel("Script (published version)").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Save the plan" }).click();
  await expect(page.getByText("Plan saved.")).toBeAttached();

  // The candidate applies to the vacancy and is interviewed at the first stage by the three demo interviewers.
  const plan = await trpcQuery<{ stages: { id: string; name: string }[] }>(page.request, "vacancies.plan", { id: vacancyId });
  const [panelStage, practicalStage] = plan.stages;
  expect([panelStage?.name, practicalStage?.name]).toEqual(["Panel interview", "Practical task"]);
  const candidate = await trpcMutation<{ id: string }>(page.request, "candidates.create", { name: candidateName, vacancyId });
  const options = await trpcQuery<{ vacancies: { id: string; stages: { id: string; panelUserIds: string[] }[] }[] }>(
    page.request,
    "interviews.schedulingOptions",
    undefined,
  );
  const panelUserIds = options.vacancies.find((v) => v.id === vacancyId)!.stages.find((s) => s.id === panelStage!.id)!.panelUserIds;
  expect(panelUserIds).toHaveLength(3);
  // superjson carries the date in meta, as the browser's client sends it.
  const created = await page.request.post("/api/trpc/interviews.create", {
    data: {
      json: { candidateId: candidate.id, stageId: panelStage!.id, scheduledAt: new Date().toISOString(), location: "Room 4", panelUserIds },
      meta: { values: { scheduledAt: ["Date"] } },
    },
  });
  expect(created.status(), await created.text()).toBe(200);
  const interview = ((await created.json()) as TrpcOk<{ id: string }>).result.data.json;

  // 2. Three panelists submit: far apart (4, 2 and 3 on everything), so every question is a disagreement.
  const panelists = await Promise.all(PANEL.map(({ email }) => signedIn(browser, email)));
  const planted = `Evidence-${stamp}`;
  await scoreAndSubmit(panelists[0]!, interview.id, 4, `${planted} strong: named the risk and escalated.`);
  await scoreAndSubmit(panelists[1]!, interview.id, 2, `${planted} weak: no safeguarding steps.`);

  // 3. The chair opens the debrief from the candidate's page before the third has submitted: a reason is asked.
  await page.goto(`/candidates/${candidate.id}`);
  const open = page.getByTestId("open-debrief-form");
  await expect(page.getByTestId("open-debrief-missing")).toContainText("Maria Costa");
  await scoreAndSubmit(panelists[2]!, interview.id, 3, `${planted} adequate answer.`);
  await page.reload();
  await open.getByRole("button", { name: "Open the debrief" }).click();
  await page.waitForURL(/\/debriefs\/[^/]+$/);
  const debriefUrl = new URL(page.url()).pathname;

  // Mechanical result first: the weighted score, its rank, the reliability.
  await expect(page.getByTestId("debrief-rank")).toContainText("1 of 1");
  await expect(page.getByTestId("debrief-alpha")).toBeVisible();
  const items = page.getByTestId("queue-item");
  await expect(items.first()).toBeVisible();
  await expect(items.first()).toContainText(`${planted} strong`);

  // A panelist who submitted follows live.
  const watcher = panelists[0]!;
  await watcher.goto(debriefUrl);
  await expect(watcher.getByTestId("debrief-live")).toHaveAttribute("data-state", "live");
  await expect(watcher.getByTestId("entry-form")).toHaveCount(0);

  // The chair records a consensus on the first queued item, with its reason; the watcher sees it appear.
  const entry = items.first().getByTestId("entry-form");
  await entry.getByRole("radio", { name: /Consensus 2/ }).check();
  await entry.getByLabel("Reason").fill("The panel agreed the answer named no escalation step.");
  await entry.getByRole("button", { name: /^Record/ }).click();
  await expect(items.first().getByTestId("queue-entry")).toHaveAttribute("data-kind", "CONSENSUS");
  await expect(watcher.getByTestId("queue-item").first().getByTestId("queue-entry")).toHaveAttribute("data-kind", "CONSENSUS", { timeout: 10_000 });

  // 4. Rejecting the top scorer is an override: the justification is required, then the decision stands.
  const outcome = page.getByTestId("outcome-form");
  await outcome.locator("#decide-outcome").selectOption("REJECT");
  await expect(page.getByTestId("override-needed")).toBeVisible();
  await outcome.locator("#decide-rationale").fill("Crisis handling was below the standard the post needs; empathy was adequate.");
  await outcome.getByRole("button", { name: "Record the decision and close the debrief" }).click();
  await expect(page.locator("#decide-override-justification-error")).toBeVisible();
  const justification = `Safeguarding gap ${stamp}: crisis handling evidence showed no escalation.`;
  await outcome.locator("#decide-override-justification").fill(justification);
  await outcome.getByRole("button", { name: "Record the decision and close the debrief" }).click();
  await expect(page.getByTestId("decision")).toHaveAttribute("data-outcome", "REJECT");
  await expect(page.getByTestId("decision")).toHaveAttribute("data-override", "true");
  await expect(watcher.getByTestId("decision")).toHaveAttribute("data-outcome", "REJECT", { timeout: 10_000 });

  // 5. HR finds the decision and its reasons on the candidate's page and in the comparison CSV.
  const hr = await signedIn(browser, HR);
  await hr.goto(`/candidates/${candidate.id}`);
  const history = hr.getByTestId("candidate-debriefs");
  await expect(history.getByTestId("decision-rationale")).toContainText("Crisis handling was below the standard");
  await expect(history.getByTestId("decision-justification")).toContainText(justification);
  const csv = await hr.request.get(`/api/export/comparison?vacancy=${vacancyId}`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain("Crisis handling was below the standard the post needs");
  expect(text).toContain(justification);

  for (const p of [...panelists, hr]) await p.context().close();
});

test("a pipeline board loaded before the debrief's rejection can't move the candidate back: the move is refused beside the card and the rejection stands", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const candidateName = `Felix Amari ${stamp}`;

  // A vacancy planned as a screening call then a panel interview, Sam Okafor alone on the first stage's panel.
  await signIn(page, MANAGER, PASSWORD);
  const vacancy = await trpcMutation<{ id: string }>(page.request, "vacancies.create", { title: `Relief worker ${stamp}` });
  await page.goto(`/vacancies/${vacancy.id}/plan`);
  const stages = page.getByTestId("plan-stage");
  if ((await stages.count()) === 0) await page.getByRole("button", { name: "Add a stage" }).click();
  await stages.nth(0).getByLabel("Stage name").fill("Screening call");
  await stages.nth(0).getByLabel("Script (published version)").selectOption({ index: 1 });
  await stages.nth(0).getByRole("group", { name: "Default panel" }).getByRole("checkbox", { name: new RegExp(PANEL[0]!.name) }).check();
  await page.getByRole("button", { name: "Add a stage" }).click();
  await stages.nth(1).getByLabel("Stage name").fill("Panel interview");
  await stages.nth(1).getByLabel("Script (published version)").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Save the plan" }).click();
  await expect(page.getByText("Plan saved.")).toBeAttached();
  const plan = await trpcQuery<{ stages: { id: string; name: string; panel: { userId: string }[] }[] }>(page.request, "vacancies.plan", { id: vacancy.id });
  const screening = plan.stages[0]!;

  // Felix is interviewed at the screening call and Sam submits: he is ready for debrief.
  const candidate = await trpcMutation<{ id: string }>(page.request, "candidates.create", { name: candidateName, vacancyId: vacancy.id });
  const created = await page.request.post("/api/trpc/interviews.create", {
    data: {
      json: { candidateId: candidate.id, stageId: screening.id, scheduledAt: new Date().toISOString(), location: "Room 2", panelUserIds: screening.panel.map((p) => p.userId) },
      meta: { values: { scheduledAt: ["Date"] } },
    },
  });
  expect(created.status(), await created.text()).toBe(200);
  const interview = ((await created.json()) as TrpcOk<{ id: string }>).result.data.json;
  const sam = await signedIn(browser, PANEL[0]!.email);
  await scoreAndSubmit(sam, interview.id, 3, "Clear about next steps.");

  // First tab: the vacancy's board, showing Felix ready for debrief at the screening call.
  await page.goto(`/vacancies/${vacancy.id}`);
  const card = page.getByTestId("pipeline-card").filter({ hasText: candidateName });
  await expect(card).toContainText("Ready for debrief");

  // Second tab: the debrief rejects him (ranked 1 of 1, so an override with its justification).
  const other = await page.context().newPage();
  await other.goto(`/candidates/${candidate.id}`);
  await other.getByTestId("open-debrief-form").getByRole("button", { name: "Open the debrief" }).click();
  await other.waitForURL(/\/debriefs\/[^/]+$/);
  const outcome = other.getByTestId("outcome-form");
  await outcome.locator("#decide-outcome").selectOption("REJECT");
  await expect(other.getByTestId("override-needed")).toBeVisible();
  await outcome.locator("#decide-rationale").fill("Crisis handling was below the standard the post needs.");
  await outcome.locator("#decide-override-justification").fill("References raised a safeguarding concern the scores do not show.");
  await outcome.getByRole("button", { name: "Record the decision and close the debrief" }).click();
  await expect(other.getByTestId("decision")).toHaveAttribute("data-outcome", "REJECT");
  await other.close();

  // The first tab's board still shows him active; moving him on is refused, said beside his card.
  await expect(card).toContainText("Ready for debrief");
  await card.getByRole("combobox").selectOption({ label: "Panel interview" });
  await card.getByRole("button", { name: /^Move/ }).click();
  await expect(card.getByRole("alert")).toContainText(`${candidateName} was moved or decided elsewhere since this board was loaded; reload to see where they are.`);
  const stored = await trpcQuery<{ status: string }>(page.request, "candidates.get", { id: candidate.id });
  expect(stored.status).toBe("REJECTED");

  // Reloaded, the board shows him rejected, with no move: the decision is changed by a correction in the debrief.
  await page.reload();
  const rejected = page.getByTestId("pipeline-column").filter({ has: page.getByRole("heading", { name: /^Rejected/ }) });
  await expect(rejected.getByTestId("pipeline-card").filter({ hasText: candidateName })).toContainText("Decided: Reject");
  await expect(card.getByRole("button", { name: /^Move/ })).toHaveCount(0);
  await expect(card).toContainText("Decided in the debrief: to change it, correct the decision there.");
  await sam.context().close();
});

test("text being typed stays on screen when the live page changes under it: another chair's decision, and the debrief closing on a panelist's comment", async ({
  page,
  browser,
}) => {
  // Audit item 3: the live refresh used to take the outcome form (and a panelist's comment form) away as soon as
  // another chair decided, and the rationale and justification being written vanished without a word.
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const candidateName = `Noor Haddad ${stamp}`;

  // A vacancy with one stage, the three demo interviewers on its panel; made through the app's own API.
  await signIn(page, MANAGER, PASSWORD, { goto: null });
  const vacancy = await trpcMutation<{ id: string }>(page.request, "vacancies.create", { title: `Two chairs ${stamp}` });
  type PlanView = {
    updatedAt: string;
    stages: { id: string; panel: { userId: string }[] }[];
    scriptVersions: { versionId: string; usable: boolean; weights: { name: string; weight: number }[] }[];
    members: { userId: string; name: string }[];
  };
  const empty = await trpcQuery<PlanView>(page.request, "vacancies.plan", { id: vacancy.id });
  const version = empty.scriptVersions.find((v) => v.usable && v.weights.some((w) => w.weight > 0))!;
  const competency = version.weights.find((w) => w.weight > 0)!.name;
  const panelUserIds = PANEL.map(({ name }) => empty.members.find((m) => m.name === name)!.userId);
  const saved = await page.request.post("/api/trpc/vacancies.savePlan", {
    data: {
      json: {
        id: vacancy.id,
        baseUpdatedAt: empty.updatedAt,
        stages: [{ name: "Panel interview", scriptVersionId: version.versionId, counts: true, weights: null, panelUserIds }],
      },
      meta: { values: { baseUpdatedAt: ["Date"] } },
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const stage = ((await saved.json()) as TrpcOk<PlanView>).result.data.json.stages[0]!;

  // The candidate is interviewed; the three panelists submit far apart (4, 2, 3), so every question is queued.
  const candidate = await trpcMutation<{ id: string }>(page.request, "candidates.create", { name: candidateName, vacancyId: vacancy.id });
  const created = await page.request.post("/api/trpc/interviews.create", {
    data: {
      json: { candidateId: candidate.id, stageId: stage.id, scheduledAt: new Date().toISOString(), location: "Room 3", panelUserIds },
      meta: { values: { scheduledAt: ["Date"] } },
    },
  });
  expect(created.status(), await created.text()).toBe(200);
  const interview = ((await created.json()) as TrpcOk<{ id: string }>).result.data.json;
  const panelists = await Promise.all(PANEL.map(({ email }) => signedIn(browser, email)));
  await scoreAndSubmit(panelists[0]!, interview.id, 4, "Named the risk and escalated.");
  await scoreAndSubmit(panelists[1]!, interview.id, 2, "No safeguarding steps.");
  await scoreAndSubmit(panelists[2]!, interview.id, 3, "Adequate answer.");
  const debrief = await trpcMutation<{ id: string }>(page.request, "debriefs.open", { candidateId: candidate.id, stageId: stage.id });
  const debriefPath = `/debriefs/${debrief.id}`;

  // Chair A (the hiring manager) writes a rejection of the top scorer: the rationale and the override's justification.
  await page.goto(debriefPath);
  await expect(page.locator("html[data-unsaved-changes-guard]")).toBeAttached();
  await expect(page.getByTestId("debrief-live")).toHaveAttribute("data-state", "live");
  const outcome = page.getByTestId("outcome-form");
  await outcome.locator("#decide-outcome").selectOption("REJECT");
  await expect(page.getByTestId("override-needed")).toBeVisible();
  const rationale = `${competency} fell short of what the night service needs; the evidence was thin on escalation.`;
  const justification = `References from the last post raise a concern the scores do not show (${stamp}).`;
  await outcome.locator("#decide-rationale").fill(rationale);
  await outcome.locator("#decide-override-justification").fill(justification);

  // A panelist writes a comment on the first queued question.
  const watcher = panelists[0]!;
  await watcher.goto(debriefPath);
  await expect(watcher.getByTestId("debrief-live")).toHaveAttribute("data-state", "live");
  const comment = `I would like to add what the candidate said about the night shift (${stamp}).`;
  const commentBox = watcher.getByTestId("queue-item").first().getByTestId("comment-form").getByLabel("Add a comment");
  await commentBox.fill(comment);

  // Chair B (an admin) records an appointment first, from another browser.
  const admin = await signedIn(browser, ADMIN);
  await admin.goto(debriefPath);
  const adminOutcome = admin.getByTestId("outcome-form");
  await adminOutcome.locator("#decide-outcome").selectOption("APPOINT");
  await adminOutcome.locator("#decide-rationale").fill(`${competency} was strong throughout.`);
  await adminOutcome.getByRole("button", { name: "Record the decision and close the debrief" }).click();
  await expect(admin.getByTestId("decision")).toHaveAttribute("data-outcome", "APPOINT");

  // Chair A's page shows B's decision live, and A's text is still there, under a notice saying why it can't be sent.
  await expect(page.getByTestId("decision")).toHaveAttribute("data-outcome", "APPOINT", { timeout: 15_000 });
  await expect(page.getByText(`${ADMIN_NAME} recorded the decision above while you were writing`)).toBeVisible();
  await expect(outcome.locator("#decide-rationale")).toHaveValue(rationale);
  await expect(outcome.locator("#decide-override-justification")).toHaveValue(justification);
  // Sending it anyway is refused in words that name the decision; the text stays.
  await outcome.getByRole("button", { name: "Record the decision and close the debrief" }).click();
  await expect(outcome.getByRole("alert").filter({ hasText: `already recorded by ${ADMIN_NAME}` })).toBeVisible();
  await expect(outcome.locator("#decide-rationale")).toHaveValue(rationale);
  // Leaving by a link asks first, as for any unsent text.
  const asked: string[] = [];
  page.on("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole("link", { name: candidateName }).first().click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toBe("You have typed something that is not saved yet. Leave this page and lose it?");
  await expect(page).toHaveURL(new RegExp(`${debriefPath}$`));
  await expect(outcome.locator("#decide-override-justification")).toHaveValue(justification);

  // The panelist's page shows the debrief closed, and the comment is still in its box.
  await expect(watcher.getByTestId("debrief-status")).toHaveText("Closed", { timeout: 15_000 });
  await expect(watcher.getByText("This debrief was closed while you were writing")).toBeVisible();
  await expect(commentBox).toHaveValue(comment);

  for (const p of [...panelists, admin]) await p.context().close();
});

// Text people type (bank and question texts, scripts, candidates, interviews, notes, names) is shown as
// text, never run as markup. Each field gets a payload of three classic injections; every page that
// shows it must show the payload literally, create none of its elements and run none of its script.
// The CSP would block the script even if an escape were missed, so the literal-text and no-element
// checks are what catch a field rendered as HTML (dangerouslySetInnerHTML, innerHTML).
import type { APIRequestContext, Page } from "@playwright/test";
import superjson from "superjson";
import { expect, signIn, test } from "./fixtures";

const DEMO_PASSWORD = "panelkit-demo";
const INJECTION = `<img src=x onerror="window.__xss=1"> <script>window.__xss=1</script> "><svg onload=window.__xss=1>`;
// Names and titles allow 120 characters: labels stay short so label, run id and payload fit.
const run = Date.now().toString(36).slice(-5);
/** A payload that says which field it was typed into, so a failure names the field. */
const planted = (field: string) => `${field} ${run} ${INJECTION}`;

/** Calls a tRPC procedure over HTTP with the browser's session cookie, as the app's own client does. */
async function trpc<T>(request: APIRequestContext, path: string, input: unknown, kind: "query" | "mutation" = "mutation"): Promise<T> {
  const body = superjson.serialize(input);
  const response =
    kind === "query"
      ? await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(body))}`)
      : await request.post(`/api/trpc/${path}`, { data: body, headers: { "content-type": "application/json" } });
  const json = (await response.json()) as { result?: { data: Parameters<typeof superjson.deserialize>[0] }; error?: unknown };
  if (!response.ok() || !json.result) throw new Error(`${path} failed (${response.status()}): ${JSON.stringify(json.error)}`);
  return superjson.deserialize<T>(json.result.data);
}

/** The script builder shows an item's guidance, example and probes once its details are opened. */
async function openItemDetails(page: Page) {
  await page.getByRole("button", { name: /^(Edit|Details) Item /, expanded: false }).first().click();
}

/** Opens a page and checks that every payload is on it as text, and that none of it became markup. */
async function expectShownAsText(page: Page, path: string, payloads: string[], prepare?: (page: Page) => Promise<void>) {
  await page.goto(path);
  await expect(page.locator("main").first()).toBeVisible();
  await prepare?.(page);
  await expect
    .poll(
      async () => {
        const shown = await page.evaluate(() => {
          const fields = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")].map((f) => f.value);
          return [document.body.innerText, ...fields].join("\n").replace(/\s+/g, " ");
        });
        return payloads.filter((payload) => !shown.includes(payload));
      },
      { message: `every planted text shown literally on ${path}` },
    )
    .toEqual([]);
  const elements = await page.locator('img[src="x"], [onerror], [onload], svg[onload]').count();
  expect(elements, `elements made from planted markup on ${path}`).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `script ran on ${path}`).toBeUndefined();
}

test("text typed into every field is shown as text on every page that shows it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const text = {
    bankName: planted("Bank"),
    bankDescription: planted("BankDesc"),
    questionText: planted("Question"),
    assesses: planted("Assesses"),
    howToAnswer: planted("HowTo"),
    exampleAnswer: planted("Example"),
    scriptTitle: planted("Script"),
    scriptRole: planted("Role"),
    instructions: planted("Instruct"),
    sectionTitle: planted("Section"),
    itemText: planted("Item"),
    goodAnswer: planted("Good"),
    itemExample: planted("ItemEx"),
    probe: planted("Probe"),
    candidateName: planted("Candidate"),
    vacancyTitle: planted("Vacancy"),
    candidateNotes: planted("CandNotes"),
    location: planted("Location"),
    evidence: planted("Evidence"),
    summary: planted("Summary"),
    memberName: planted("Member"),
    orgName: planted("Org"),
  };

  // The hiring manager writes a bank, a script, a candidate and an interview.
  await signIn(page, "manager@riverside.example", DEMO_PASSWORD, { goto: null });
  const api = page.request;
  const competencies = await trpc<{ id: string; slug: string }[]>(api, "banks.competencies", undefined, "query");
  const competency = competencies[0]!;
  const bank = await trpc<{ id: string }>(api, "bankAdmin.createBank", { name: text.bankName, description: text.bankDescription });
  const question = await trpc<{ id: string }>(api, "bankAdmin.addQuestion", {
    bankId: bank.id,
    text: text.questionText,
    assesses: text.assesses,
    howToAnswer: text.howToAnswer,
    exampleAnswer: text.exampleAnswer,
    competencySlugs: [competency.slug],
  });

  const script = await trpc<{ id: string }>(api, "scripts.create", { title: text.scriptTitle, role: text.scriptRole, plannedMinutes: 30 });
  const draft = await trpc<{ updatedAt: Date }>(api, "scripts.get", { id: script.id }, "query");
  const saved = await trpc<{ updatedAt: Date }>(api, "scripts.saveDraft", {
    id: script.id,
    baseUpdatedAt: draft.updatedAt,
    title: text.scriptTitle,
    role: text.scriptRole,
    instructions: text.instructions,
    plannedMinutes: 30,
    targets: [{ competencyId: competency.id, weight: 100 }],
    sections: [
      {
        title: text.sectionTitle,
        items: [
          {
            questionId: null,
            text: text.itemText,
            minutes: 10,
            goodAnswer: text.goodAnswer,
            exampleAnswer: text.itemExample,
            probes: [text.probe],
            required: true,
            competencyIds: [competency.id],
          },
        ],
      },
    ],
  });
  const published = await trpc<{ versionId: string }>(api, "scripts.publish", { id: script.id, baseUpdatedAt: saved.updatedAt });

  const vacancy = await trpc<{ id: string }>(api, "vacancies.create", { title: text.vacancyTitle });
  const plan = await trpc<{ updatedAt: Date }>(api, "vacancies.plan", { id: vacancy.id }, "query");
  const [stage] = (
    await trpc<{ stages: Array<{ id: string }> }>(api, "vacancies.savePlan", {
      id: vacancy.id,
      baseUpdatedAt: plan.updatedAt,
      stages: [{ name: "Interview", scriptVersionId: published.versionId, counts: true, weights: null, panelUserIds: [] }],
    })
  ).stages;
  const candidate = await trpc<{ id: string }>(api, "candidates.create", {
    name: text.candidateName,
    vacancyId: vacancy.id,
    notes: text.candidateNotes,
  });
  const members = await trpc<{ userId: string; email: string }[]>(api, "org.members", undefined, "query");
  const panelist = members.find((m) => m.email === "interviewer1@riverside.example")!;
  const interview = await trpc<{ id: string }>(api, "interviews.create", {
    candidateId: candidate.id,
    stageId: stage!.id,
    scheduledAt: new Date(Date.now() - 60 * 60_000),
    location: text.location,
    panelUserIds: [panelist.userId],
  });

  // The panelist scores through the real screen: a rating, evidence notes, a summary.
  const panelContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const scoring = await panelContext.newPage();
  await signIn(scoring, "interviewer1@riverside.example", DEMO_PASSWORD, { goto: null });
  await expectShownAsText(scoring, "/my-interviews", [text.candidateName, text.vacancyTitle, text.location]);
  await scoring.goto(`/interviews/${interview.id}/score`);
  const focus = scoring.getByTestId("question-in-focus");
  await expect(focus).toContainText(text.itemText);
  await focus.getByRole("radio", { name: /^3 · Meets/ }).first().click();
  await scoring.getByLabel(/^Evidence notes for question 1/).fill(text.evidence);
  await expect(scoring.getByTestId("sync-status")).toHaveText("All ratings saved", { timeout: 20_000 });
  await scoring.getByRole("radio", { name: "Yes", exact: true }).check();
  await scoring.getByLabel("Summary").fill(text.summary);
  await scoring.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(scoring.getByRole("heading", { name: "Submitted" })).toBeVisible();
  await expectShownAsText(scoring, `/interviews/${interview.id}/score`, [
    text.candidateName,
    text.sectionTitle,
    text.itemText,
    text.goodAnswer,
    text.probe,
    text.evidence,
    text.summary,
  ]);
  await panelContext.close();

  // Every page the manager sees them on.
  await expectShownAsText(page, "/banks", [text.bankName]);
  await expectShownAsText(page, `/banks/manage/${bank.id}`, [text.bankName, text.bankDescription, text.questionText]);
  await expectShownAsText(page, `/banks/manage/${bank.id}/questions/${question.id}`, [
    text.questionText,
    text.assesses,
    text.howToAnswer,
    text.exampleAnswer,
  ]);
  await expectShownAsText(page, `/banks/questions/${question.id}`, [text.bankName, text.questionText, text.assesses, text.howToAnswer]);
  await expectShownAsText(page, "/scripts", [text.scriptTitle, text.scriptRole]);
  await expectShownAsText(page, `/scripts/${script.id}`, [
    text.scriptTitle,
    text.scriptRole,
    text.instructions,
    text.sectionTitle,
    text.itemText,
    text.goodAnswer,
    text.itemExample,
    text.probe,
  ], openItemDetails);
  await expectShownAsText(page, `/scripts/${script.id}/print`, [
    text.scriptTitle,
    text.instructions,
    text.sectionTitle,
    text.itemText,
    text.goodAnswer,
    text.probe,
  ]);
  await expectShownAsText(page, "/candidates", [text.candidateName, text.vacancyTitle]);
  await expectShownAsText(page, `/candidates/${candidate.id}`, [text.candidateName, text.vacancyTitle, text.candidateNotes]);
  await expectShownAsText(page, "/interviews", [text.candidateName, text.vacancyTitle, text.scriptTitle]);
  await expectShownAsText(page, `/interviews/${interview.id}`, [text.candidateName, text.vacancyTitle, text.location, text.scriptTitle]);
  await expectShownAsText(page, "/insights/compare", [text.candidateName]);
  await expectShownAsText(page, `/insights/candidates/${candidate.id}`, [text.candidateName, text.evidence, text.summary]);
});

test("names typed at sign-up and when adding a member are shown as text", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const orgName = planted("Org");
  const founderName = planted("Founder");
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(founderName);
  await page.getByLabel("Work email").fill(`founder-${run}@xss.example`);
  await page.getByLabel("Password", { exact: true }).fill("quartz-meadow-lantern-61");
  await page.getByLabel("Organisation name").fill(orgName);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(/\/banks/);
  await expectShownAsText(page, "/banks", [orgName, founderName]);

  // Members join by invitation and type their own name when they accept it.
  const memberName = planted("Member");
  const memberEmail = `member-${run}@xss.example`;
  await page.goto("/members");
  await page.getByLabel("Email", { exact: true }).fill(memberEmail);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Interviewer" });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: memberEmail })).toBeVisible();
  const link = await page.getByLabel(`Invitation link for ${memberEmail}`).inputValue();

  // The new member accepts, and sees their own name and the organisation's in the header.
  const memberContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const member = await memberContext.newPage();
  await member.goto(link);
  await expectShownAsText(member, link, [orgName]);
  await member.getByLabel("Your name").fill(memberName);
  await member.getByLabel("Choose a password").fill("copper-fjord-saddle-88");
  await member.getByRole("button", { name: "Accept and create account" }).click();
  await member.waitForURL((url) => url.pathname === "/my-interviews");
  await expectShownAsText(member, "/my-interviews", [memberName, orgName]);
  await expectShownAsText(page, "/members", [memberName, founderName, orgName]);
  await memberContext.close();
});

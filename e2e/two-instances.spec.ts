// Two app instances on two ports over one database, as behind a load balancer: a session made on one works
// on the other, live panel progress crosses instances (LISTEN/NOTIFY), and failed sign-ins count on both.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { AppInstance, DEMO_PASSWORD, OwnDatabase, scheduleDemoInterview } from "./support/app-stack";
import { checkA11y, expect, signIn, test } from "./fixtures";

const SAM = { email: "interviewer1@riverside.example", name: "Sam Okafor" };
const JORDAN = { email: "interviewer2@riverside.example", name: "Jordan Lee" };
const MARIA = "interviewer3@riverside.example";

let database: OwnDatabase | null = null;
let instanceA: AppInstance | null = null;
let instanceB: AppInstance | null = null;
const contexts: BrowserContext[] = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await OwnDatabase.start("two-instances");
  // One after the other: two cold starts at once on two busy cores only slow each other down.
  instanceA = await AppInstance.start(database.url);
  instanceB = await AppInstance.start(database.url);
});

test.afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await Promise.all([instanceA?.stop().catch(() => {}), instanceB?.stop().catch(() => {})]);
  await database?.destroy();
});

async function newContext(browser: Browser, app: AppInstance) {
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1024, height: 768 } });
  contexts.push(context);
  return context;
}

/** tRPC's GET form for a query, as the app's client sends it (superjson-wrapped input). */
const progressUrl = (app: AppInstance, interviewId: string) =>
  `${app.url}/api/trpc/scorecards.progress?input=${encodeURIComponent(JSON.stringify({ json: { interviewId } }))}`;

async function openScoring(page: Page, interviewId: string) {
  await page.goto(`/interviews/${interviewId}/score`);
  await expect(page.getByTestId("question-in-focus")).toBeVisible();
}

const stateOf = (page: Page, name: string) => page.getByTestId("panelist-state").filter({ hasText: name });

test("a session made on one instance works on the other", async ({ browser }) => {
  const interviewId = await scheduleDemoInterview(database!, `Quinn Twin ${Date.now()}`, [SAM.email, JORDAN.email]);
  const context = await newContext(browser, instanceA!);
  const page = await context.newPage();
  await signIn(page, SAM.email, DEMO_PASSWORD, { viaForm: true });

  // The session cookie from A, sent to B by hand: B accepts it (same secret) and answers as Sam.
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session, "a next-auth session cookie after signing in on A").toBeTruthy();
  const asSam = await fetch(progressUrl(instanceB!, interviewId), { headers: { cookie: `${session!.name}=${session!.value}` } });
  expect(asSam.status).toBe(200);
  const body = (await asSam.json()) as { result: { data: { json: { name: string; state: string }[] } } };
  expect(body.result.data.json.map((p) => [p.name, p.state])).toEqual([
    [JORDAN.name, "NOT_STARTED"],
    [SAM.name, "NOT_STARTED"],
  ]);
  const anonymous = await fetch(progressUrl(instanceB!, interviewId));
  expect(anonymous.status).toBe(401);

  // And in the browser: B's scoring page opens signed in, without a second sign-in.
  const onB = await context.newPage();
  await onB.goto(`${instanceB!.url}/interviews/${interviewId}/score`);
  await expect(onB.getByTestId("question-in-focus")).toBeVisible();
  expect(new URL(onB.url()).port).toBe(String(instanceB!.port));
});

test("live progress made on one instance reaches a panelist watching on the other", async ({ browser }) => {
  test.setTimeout(90_000);
  const interviewId = await scheduleDemoInterview(database!, `Rowan Twin ${Date.now()}`, [SAM.email, JORDAN.email]);
  const samPage = await (await newContext(browser, instanceA!)).newPage();
  const jordanPage = await (await newContext(browser, instanceB!)).newPage();
  await signIn(samPage, SAM.email, DEMO_PASSWORD, { goto: null });
  await signIn(jordanPage, JORDAN.email, DEMO_PASSWORD, { goto: null });
  await openScoring(samPage, interviewId);
  await openScoring(jordanPage, interviewId);
  await expect(stateOf(samPage, JORDAN.name)).toContainText("Not started");

  // Jordan, on B, rates one question: Sam's page on A shows it without a reload.
  await jordanPage.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const competencies = await jordanPage.getByTestId("question-in-focus").getByRole("radiogroup").count();
  for (let i = 0; i < competencies; i++) await jordanPage.keyboard.press("3");
  await expect(jordanPage.getByTestId("sync-status")).toHaveText("All ratings saved");
  await expect(stateOf(samPage, JORDAN.name)).toContainText("In progress", { timeout: 15_000 });

  // Jordan rates the rest and submits on B: A shows "Submitted".
  const questions = await jordanPage.getByRole("navigation", { name: "Questions" }).getByRole("button").count();
  for (let q = 1; q < questions; q++) {
    await jordanPage.getByRole("navigation", { name: "Questions" }).getByRole("button").nth(q).click();
    await jordanPage.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const count = await jordanPage.getByTestId("question-in-focus").getByRole("radiogroup").count();
    for (let i = 0; i < count; i++) await jordanPage.keyboard.press("3");
  }
  await jordanPage.getByRole("radio", { name: "Yes", exact: true }).check();
  await jordanPage.getByLabel("Summary").fill("Recommendation: Yes. Calm and specific.");
  await jordanPage.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(jordanPage.getByRole("heading", { name: "Submitted" })).toBeVisible();
  await expect(stateOf(samPage, JORDAN.name)).toContainText("Submitted", { timeout: 15_000 });
  expect(await checkA11y(samPage)).toEqual([]);
});

/** Tries the sign-in form once and returns what it says (or "signed in"). */
async function attemptSignIn(page: Page, password: string): Promise<string> {
  await page.goto("/signin");
  await page.getByLabel("Email", { exact: true }).fill(MARIA);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const alert = page.getByRole("alert").filter({ hasText: /\S/ });
  await expect(alert.or(page.getByRole("heading", { level: 1 }).filter({ hasNotText: "Sign in" }))).toBeVisible({ timeout: 15_000 });
  return (await alert.count()) > 0 ? (await alert.first().innerText()).trim() : "signed in";
}

test("failed sign-ins on both instances add up to one limit", async ({ browser }) => {
  test.setTimeout(90_000);
  const onA = await (await newContext(browser, instanceA!)).newPage();
  const onB = await (await newContext(browser, instanceB!)).newPage();
  for (let i = 0; i < 3; i++) expect(await attemptSignIn(onA, `wrong-password-${i}`)).toBe("Email or password is not right.");
  for (let i = 0; i < 2; i++) expect(await attemptSignIn(onB, `wrong-password-b${i}`)).toBe("Email or password is not right.");

  // The sixth attempt is refused on either instance, even with the right password.
  const refused = /^Too many failed sign-ins\. Try again in 1[45] minutes\.$/;
  expect(await attemptSignIn(onA, DEMO_PASSWORD)).toMatch(refused);
  expect(await attemptSignIn(onB, DEMO_PASSWORD)).toMatch(refused);
  expect(await checkA11y(onB)).toEqual([]);
  const [counter] = await database!.query<{ points: number }>(`SELECT points FROM "RateLimit" WHERE key = $1`, [`signin-account:${MARIA}`]);
  // Every attempt is counted before the password is checked (so concurrent guesses can't share one stale
  // count): five failures and the two refused attempts, from both instances, in one counter.
  expect(counter?.points).toBe(7);
});

// Three panelists score one interview at the same time, each in their own browser.
import type { Browser, Page } from "@playwright/test";
import pg from "pg";
import { checkA11y, expect, signIn, test } from "./fixtures";
import { DEMO_FIRST_PUBLISHED_VERSION_SQL, INSERT_CANDIDATE_ON_VERSION_SQL } from "./support/demo-candidate-sql";

const DEMO_PASSWORD = "panelkit-demo";
const PANEL = [
  { email: "interviewer1@riverside.example", name: "Sam Okafor" },
  { email: "interviewer2@riverside.example", name: "Jordan Lee" },
  { email: "interviewer3@riverside.example", name: "Maria Costa" },
];

/** Arranges a fresh interview on the demo organisation's published script, with the three demo interviewers. */
async function scheduleDemoInterview(candidateName: string): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ orgId: string; versionId: string }>(
      DEMO_FIRST_PUBLISHED_VERSION_SQL,
    );
    const { orgId, versionId } = rows[0]!;
    const candidate = await client.query<{ id: string }>(INSERT_CANDIDATE_ON_VERSION_SQL, [orgId, candidateName, versionId]);
    const interview = await client.query<{ id: string }>(
      `INSERT INTO "Interview" (id, "orgId", "candidateId", "scriptVersionId", "scheduledAt", location, "updatedAt")
       VALUES (gen_random_uuid()::text, $1, $2, $3, now(), 'Room 2', now()) RETURNING id`,
      [orgId, candidate.rows[0]!.id, versionId],
    );
    const interviewId = interview.rows[0]!.id;
    await client.query(
      `INSERT INTO "PanelMember" ("interviewId", "userId") SELECT $1, id FROM "User" WHERE email = ANY($2::text[])`,
      [interviewId, PANEL.map((p) => p.email)],
    );
    return interviewId;
  } finally {
    await client.end();
  }
}

async function ratingsOnServer(interviewId: string, email: string): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) FROM "Rating" r JOIN "Scorecard" s ON s.id = r."scorecardId" JOIN "User" u ON u.id = s."panelistId"
       WHERE s."interviewId" = $1 AND u.email = $2 AND (r.score IS NOT NULL OR r."notAssessed")`,
      [interviewId, email],
    );
    return Number(rows[0]!.count);
  } finally {
    await client.end();
  }
}

async function openScoring(browser: Browser, email: string, interviewId: string) {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD, { goto: `/interviews/${interviewId}/score` });
  await expect(page.getByTestId("question-in-focus")).toBeVisible();
  return { context, page };
}

const stateOf = (page: Page, name: string) => page.getByTestId("panelist-state").filter({ hasText: name });

/** Rates every competency of the question in focus with the keyboard, then moves on. Returns how many. */
async function rateQuestionByKeyboard(page: Page, level: string): Promise<number> {
  const competencies = await page.getByTestId("question-in-focus").getByRole("radiogroup").count();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < competencies; i++) await page.keyboard.press(level);
  await page.keyboard.press("ArrowRight");
  return competencies;
}

async function rateEverything(page: Page, level: string): Promise<number> {
  const questions = await page.getByRole("navigation", { name: "Questions" }).getByRole("button").count();
  await page.getByRole("navigation", { name: "Questions" }).getByRole("button").first().click();
  let rated = 0;
  for (let q = 0; q < questions; q++) rated += await rateQuestionByKeyboard(page, level);
  return rated;
}

async function submit(page: Page, recommendation: string) {
  await page.getByRole("radio", { name: recommendation, exact: true }).check();
  await page.getByLabel("Summary").fill(`Recommendation: ${recommendation}. Clear examples throughout.`);
  await page.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(page.getByRole("heading", { name: "Submitted" })).toBeVisible();
}

test("three panelists score at once, see progress live, and the one who went offline loses nothing", async ({ browser, page }) => {
  test.setTimeout(120_000);
  const candidate = `Alex Candidate ${Date.now()}`;
  const interviewId = await scheduleDemoInterview(candidate);
  const panel = await Promise.all(PANEL.map((p) => openScoring(browser, p.email, interviewId)));
  const [first, second, third] = panel.map((p) => p.page) as [Page, Page, Page];

  for (const p of [first, second, third]) {
    for (const member of PANEL) await expect(stateOf(p, member.name)).toContainText("Not started");
  }
  expect(await checkA11y(first)).toEqual([]);

  // Sam rates: Jordan and Maria see him start, live, and never his scores.
  await first.getByTestId("question-in-focus").getByRole("radio", { name: /^3 · Meets/ }).first().click();
  await expect(first.getByTestId("sync-status")).toHaveText("All ratings saved");
  await expect(stateOf(second, "Sam Okafor")).toContainText("In progress");
  await expect(stateOf(third, "Sam Okafor")).toContainText("In progress");

  // Jordan loses the connection mid-interview, keeps rating, and reloads the page while offline.
  const jordan = panel[1]!;
  await jordan.context.setOffline(true);
  let offlineRatings = 0;
  offlineRatings += await rateQuestionByKeyboard(second, "2");
  offlineRatings += await rateQuestionByKeyboard(second, "4");
  await second.getByLabel(/^Evidence notes for question 3/).fill("Named a grounding technique and when to escalate.");
  await expect(second.getByTestId("sync-status")).toContainText("Offline");
  await second.reload();
  await expect(second.getByTestId("question-in-focus")).toBeVisible();
  await second.getByRole("navigation", { name: "Questions" }).getByRole("button").first().click();
  await expect(second.getByTestId("question-in-focus").getByRole("radio", { name: /^2 · Partly meets/ }).first()).toHaveAttribute(
    "aria-checked",
    "true",
  );
  expect(await ratingsOnServer(interviewId, PANEL[1]!.email)).toBe(0);

  // Back online: everything reaches the server, and the others see Jordan's progress.
  await jordan.context.setOffline(false);
  await expect(second.getByTestId("sync-status")).toHaveText("All ratings saved", { timeout: 20_000 });
  await expect.poll(() => ratingsOnServer(interviewId, PANEL[1]!.email), { timeout: 10_000 }).toBe(offlineRatings);
  await expect(stateOf(first, "Jordan Lee")).toContainText("In progress");

  // All three finish and submit; each sees the others' submissions arrive.
  await rateEverything(first, "3");
  await rateEverything(second, "2");
  await rateEverything(third, "4");
  await submit(first, "Yes");
  await expect(stateOf(third, "Sam Okafor")).toContainText("Submitted");
  await submit(second, "No");
  await submit(third, "Strong yes");
  await expect(stateOf(first, "Maria Costa")).toContainText("Submitted");
  expect(await ratingsOnServer(interviewId, PANEL[1]!.email)).toBeGreaterThan(offlineRatings);

  // The hiring manager sees the three scorecards.
  await signIn(page, "manager@riverside.example", DEMO_PASSWORD, { goto: `/interviews/${interviewId}` });
  const table = page.getByTestId("scorecards-table");
  for (const member of PANEL) await expect(table.getByRole("columnheader", { name: new RegExp(member.name) })).toBeVisible();

  await Promise.all(panel.map((p) => p.context.close()));
});

test("a panelist sees no one else's ratings before submitting", async ({ browser }) => {
  const interviewId = await scheduleDemoInterview(`Blake Candidate ${Date.now()}`);
  const [sam, jordan] = await Promise.all(PANEL.slice(0, 2).map((p) => openScoring(browser, p.email, interviewId)));
  await rateEverything(sam!.page, "3");
  await submit(sam!.page, "Yes");

  await jordan!.page.goto(`/interviews/${interviewId}`);
  await expect(jordan!.page.getByText("Submit your own scorecard to see the others.")).toBeVisible();
  await expect(jordan!.page.getByRole("columnheader", { name: /Sam Okafor/ })).toHaveCount(0);
  await Promise.all([sam!.context.close(), jordan!.context.close()]);
});

test("the same scorecard open in two tabs: a stale change is shown with both values, never silently overwritten", async ({ browser }) => {
  const interviewId = await scheduleDemoInterview(`Casey Candidate ${Date.now()}`);
  const tabA = await openScoring(browser, PANEL[2]!.email, interviewId);
  const tabB = await tabA.context.newPage();
  await tabB.goto(`/interviews/${interviewId}/score`);
  await expect(tabB.getByTestId("question-in-focus")).toBeVisible();

  const firstRating = (page: Page, name: RegExp) => page.getByTestId("question-in-focus").getByRole("radio", { name }).first();
  await firstRating(tabA.page, /^4 · Exceeds/).click();
  await expect(tabA.page.getByTestId("sync-status")).toHaveText("All ratings saved");
  await firstRating(tabB, /^1 · Does not meet/).click();

  const conflict = tabB.getByRole("alert").filter({ hasText: "changed in another tab or device" });
  await expect(conflict).toContainText("yours 1 (Does not meet), saved elsewhere 4 (Exceeds)");
  await conflict.getByRole("button", { name: "Use the saved one" }).click();
  await expect(firstRating(tabB, /^4 · Exceeds/)).toHaveAttribute("aria-checked", "true");
  await tabA.context.close();
});

test("a quiet load renders the scoring screen once: nothing renders it again after hydration", async ({ browser }) => {
  // Every render of the whole screen after hydration is one more long task on a tablet before the panelist can
  // rate (a full re-render of the question, its anchors and the notes). React reports each commit to a devtools
  // hook when one is present (production builds too); the question's section gets a new props object each time
  // React renders it again, so the distinct objects seen over the commits count its renders.
  const interviewId = await scheduleDemoInterview(`Devon Candidate ${Date.now()}`);
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const renders = new Set<object>();
    const watched = window as unknown as { __questionRenders: Set<object>; __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown };
    watched.__questionRenders = renders;
    watched.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      renderers: new Map(),
      inject: () => 1,
      checkDCE() {},
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
      onCommitFiberRoot() {
        const section = document.querySelector('[data-testid="question-in-focus"]');
        const key = section && Object.keys(section).find((k) => k.startsWith("__reactProps$"));
        if (key) renders.add((section as unknown as Record<string, object>)[key]!);
      },
    };
  });
  const renders = () => page.evaluate(() => (window as unknown as { __questionRenders: Set<object> }).__questionRenders.size);
  await signIn(page, PANEL[0]!.email, DEMO_PASSWORD, { goto: `/interviews/${interviewId}/score` });
  await expect(page.getByTestId("question-in-focus")).toBeVisible();
  // Live progress arrives through an effect, after the screen's own load effects have run.
  await expect(page.getByTestId("panel-progress")).toBeVisible();
  await expect(page.getByTestId("sync-status")).toHaveText("Ratings save as you go");
  // Nothing should follow; give a late render time to show (a stream stays open, so the network never idles).
  await page.waitForTimeout(1_000);
  expect(await renders()).toBe(1);

  // The count does see renders: rating a competency draws the question again.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("3");
  await expect(page.getByTestId("sync-status")).toHaveText("All ratings saved");
  expect(await renders()).toBeGreaterThan(1);
  await context.close();
});

test("the scoring page's larger start-up scripts ask Chromium to compile them off the main thread", async ({ browser }) => {
  // Without the hint, Chromium compiles each function on the main thread the first time it runs: on a tablet
  // that is about 190 ms of the page's load blocked (React DOM's and the router's modules, at 4x slowdown).
  // scripts/build.ts adds it to the build's larger start-up scripts; a build made another way would lose it.
  const interviewId = await scheduleDemoInterview(`Robin Candidate ${Date.now()}`);
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await signIn(page, PANEL[0]!.email, DEMO_PASSWORD, { goto: `/interviews/${interviewId}/score` });
  await expect(page.getByTestId("sync-status")).toHaveText("Ratings save as you go");
  // The page's own script tags (as the server sent them; not the polyfills only browsers without modules
  // run), each fetched again as served. Scripts under 32 KB go without (scripts/lib/compile-hints.ts).
  const sources = await page.$$eval("script[src]:not([nomodule])", (tags) => tags.map((tag) => tag.getAttribute("src")!).filter((src) => src.startsWith("/_next/static/chunks/")));
  const served = await Promise.all(sources.map(async (src) => ({ src, body: await (await page.request.get(src)).body() })));
  const large = served.filter((script) => script.body.length >= 32 * 1024);
  expect(large.length).toBeGreaterThanOrEqual(4);
  const unmarked = large.filter((script) => script.body.toString("utf8", 0, 60).split("\n", 1)[0] !== "//# allFunctionsCalledOnLoad").map((script) => script.src);
  expect(unmarked).toEqual([]);
  // And the page works as before: a rating made with the keyboard is saved.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("3");
  await expect(page.getByTestId("sync-status")).toHaveText("All ratings saved");
  await expect.poll(() => ratingsOnServer(interviewId, PANEL[0]!.email)).toBe(1);
  await context.close();
});

test("a tap on a rating before the page's scripts have run is kept, shown and saved once they have", async ({ browser }) => {
  // On a slow network a panelist can see the question and tap a level a second or more before the page is live.
  // The page's scripts are held here until after the tap, so the tap lands on the server-rendered button.
  const interviewId = await scheduleDemoInterview(`Early Tap ${Date.now()}`);
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, viewport: { width: 1024, height: 1400 } });
  const page = await context.newPage();
  await signIn(page, PANEL[0]!.email, DEMO_PASSWORD, { goto: "/my-interviews" });
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**/*.js", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/interviews/${interviewId}/score`, { waitUntil: "commit" });
  // Element handles and the mouse, not locators: the fixtures' audit waits for the page to load before any
  // locator action, and the page cannot load while its scripts are held.
  const level = await page.waitForSelector('[data-testid="question-in-focus"] fieldset [role="radio"][data-rate="3"]', { state: "visible" });
  const group = await level.evaluate((b) => b.closest("fieldset")!.getAttribute("data-competency-id"));
  await level.scrollIntoViewIfNeeded();
  const box = (await level.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  expect(await level.getAttribute("aria-checked")).toBe("true");
  expect(await ratingsOnServer(interviewId, PANEL[0]!.email)).toBe(0);

  release();
  await expect(page.getByTestId("sync-status")).toHaveText("All ratings saved", { timeout: 15_000 });
  await expect.poll(() => ratingsOnServer(interviewId, PANEL[0]!.email)).toBe(1);
  const rated = page.getByTestId("question-in-focus").locator(`fieldset[data-competency-id="${group}"]`);
  await expect(rated.getByRole("radio", { checked: true })).toHaveAttribute("data-rate", "3");

  // After a reload the rating is the server's: one rating, level 3, nothing sent twice.
  await page.reload();
  await expect(rated.getByRole("radio", { checked: true })).toHaveAttribute("data-rate", "3");
  expect(await ratingsOnServer(interviewId, PANEL[0]!.email)).toBe(1);
  await context.close();
});

test("number keys pressed after a reload, before the page's scripts have run, rate the question in focus in turn", async ({ browser }) => {
  // A panelist who reloads and rates with the keyboard at once: the keys arrive before the screen listens for
  // them. The question in focus comes from the address (?q=), so the server-rendered page already shows it.
  const interviewId = await scheduleDemoInterview(`Early Keys ${Date.now()}`);
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  // The first question of the interview's script with two competencies or more, by its place on the screen.
  const { rows } = await client
    .query<{ q: number }>(
      `SELECT q FROM (
         SELECT row_number() OVER (ORDER BY s.position, it.position)::int AS q,
                (SELECT count(*) FROM "ScriptItemCompetency" c WHERE c."itemId" = it.id) AS competencies
         FROM "Interview" i JOIN "ScriptSection" s ON s."versionId" = i."scriptVersionId" JOIN "ScriptItem" it ON it."sectionId" = s.id
         WHERE i.id = $1) numbered
       WHERE competencies >= 2 ORDER BY q LIMIT 1`,
      [interviewId],
    )
    .finally(() => client.end());
  const q = rows[0]!.q;
  // No service worker: after the first load it would serve the page's scripts itself, past the hold below.
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, viewport: { width: 1024, height: 1400 }, serviceWorkers: "block" });
  const page = await context.newPage();
  await signIn(page, PANEL[0]!.email, DEMO_PASSWORD, { goto: `/interviews/${interviewId}/score?q=${q}` });
  const focus = page.getByTestId("question-in-focus");
  await expect(focus).toHaveAttribute("data-question", String(q));
  const groups = await focus.locator("fieldset[data-competency-id]").evaluateAll((sets) => sets.map((set) => set.getAttribute("data-competency-id")!));

  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**/*.js", async (route) => {
    await held;
    await route.continue();
  });
  await page.reload({ waitUntil: "commit" });
  await page.waitForSelector(`[data-testid="question-in-focus"][data-question="${q}"] fieldset [data-rate="2"]`, { state: "visible" });
  await page.keyboard.press("2");
  await page.keyboard.press("3");
  const chosen = (group: string) => page.$eval(`fieldset[data-competency-id="${group}"] [aria-checked="true"]`, (b) => b.getAttribute("data-rate"));
  expect([await chosen(groups[0]!), await chosen(groups[1]!)]).toEqual(["2", "3"]);
  expect(await ratingsOnServer(interviewId, PANEL[0]!.email)).toBe(0);

  release();
  await expect(page.getByTestId("sync-status")).toHaveText("All ratings saved", { timeout: 15_000 });
  await expect.poll(() => ratingsOnServer(interviewId, PANEL[0]!.email)).toBe(2);
  for (const [group, level] of [[groups[0]!, "2"], [groups[1]!, "3"]] as const) {
    await expect(focus.locator(`fieldset[data-competency-id="${group}"]`).getByRole("radio", { checked: true })).toHaveAttribute("data-rate", level);
  }
  // The live screen goes on from there: the next key rates the third competency, or the second again when
  // there are two, as it would have had the keys come after the page was live.
  await page.keyboard.press("4");
  const third = groups[2] ?? groups[1]!;
  await expect(focus.locator(`fieldset[data-competency-id="${third}"]`).getByRole("radio", { checked: true })).toHaveAttribute("data-rate", "4");
  await context.close();
});

// Faults during a live scoring session, on a stack of the spec's own (PostgreSQL + the app server), never the
// shared app: the database stops and comes back while a panelist keeps rating, then the app process is
// killed with SIGKILL and started again. Nothing acknowledged is lost, nothing queued is dropped.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { AppInstance, DEMO_PASSWORD, OwnDatabase, scheduleDemoInterview, storedScorecard, type StoredRating } from "./support/app-stack";
import { checkA11y, expect, signIn, test } from "./fixtures";
import { rateQuestion } from "./support/scoring";

const SAM = "interviewer1@riverside.example";
const JORDAN = "interviewer2@riverside.example";

let database: OwnDatabase | null = null;
let app: AppInstance | null = null;
const contexts: BrowserContext[] = [];
const tally = { faults: 0, lost: 0 };

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await OwnDatabase.start("faults");
  app = await AppInstance.start(database.url);
});

test.afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await app?.stop().catch(() => {});
  await database?.destroy();
  // One line for the README's reliability figures.
  console.log(`faults injected: ${tally.faults}, data lost: ${tally.lost}`);
});

async function openScoring(browser: Browser, email: string, interviewId: string) {
  const context = await browser.newContext({ baseURL: app!.url, viewport: { width: 1024, height: 768 } });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD, { goto: `/interviews/${interviewId}/score` });
  await expect(page.getByTestId("question-in-focus")).toBeVisible();
  return page;
}

async function rateEverything(page: Page, level: string) {
  const questions = await page.getByRole("navigation", { name: "Questions" }).getByRole("button").count();
  for (let q = 1; q <= questions; q++) await rateQuestion(page, q, level);
}

/** What this browser knows the server acknowledged (the hook's snapshot in localStorage), per rated cell. */
async function acknowledgedRatings(page: Page) {
  const cells = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("panelkit:scorecard-snapshot:"));
    const snapshot = key ? (JSON.parse(localStorage.getItem(key)!) as { cells: Record<string, { value: { score: number | null; notAssessed: boolean }; version: number }> }) : null;
    return snapshot?.cells ?? {};
  });
  return Object.entries(cells)
    .map(([key, cell]) => {
      const [, itemId, competencyId] = key.split(":");
      return { itemId: itemId!, competencyId: competencyId!, score: cell.value.score, notAssessed: cell.value.notAssessed, version: cell.version };
    })
    .sort((a, b) => `${a.itemId}/${a.competencyId}`.localeCompare(`${b.itemId}/${b.competencyId}`));
}

/** Acknowledged cells the database doesn't hold with the acknowledged value and version. */
function missing(acknowledged: StoredRating[], stored: StoredRating[]) {
  return acknowledged.filter(
    (a) =>
      !stored.some(
        (s) => s.itemId === a.itemId && s.competencyId === a.competencyId && s.score === a.score && s.notAssessed === a.notAssessed && s.version === a.version,
      ),
  );
}

const saveRequests = (page: Page) => {
  const seen = { count: 0 };
  page.on("request", (request) => {
    if (request.url().includes("/api/trpc/") && request.url().includes("scorecards.save")) seen.count += 1;
  });
  return seen;
};

test("the database stops mid-session: health says so, ratings wait on screen, and arrive when it is back", async ({ browser }) => {
  test.setTimeout(120_000);
  const interviewId = await scheduleDemoInterview(database!, `Riley Fault ${Date.now()}`, [SAM, JORDAN]);
  const sam = await openScoring(browser, SAM, interviewId);
  const requests = saveRequests(sam);

  const firstRatings = await rateQuestion(sam, 1, "3");
  await expect(sam.getByTestId("sync-status")).toHaveText("All ratings saved");
  expect((await storedScorecard(database!, interviewId, SAM))!.ratings.map((r) => r.score)).toEqual(Array(firstRatings).fill(3));

  await database!.down();
  tally.faults += 1;
  const down = await app!.health();
  expect(down.status).toBe(503);
  expect(down.body).toEqual({ status: "degraded", db: "down" });
  expect(down.ms).toBeLessThan(5_000);

  // Sam keeps scoring: the next question's ratings and a note, none of which can reach the database.
  const offlineRatings = await rateQuestion(sam, 2, "2");
  await sam.getByLabel(/^Evidence notes for question 2/).fill("Checked consent before sharing with the GP.");
  // The screen retries with backoff, not in a tight loop against a server that is failing.
  await expect(sam.getByTestId("sync-status")).toContainText(`${offlineRatings + 1} waiting`, { timeout: 15_000 });
  const before = requests.count;
  await sam.waitForTimeout(6_000);
  expect(requests.count - before).toBeLessThanOrEqual(6);
  await expect(sam.getByTestId("sync-status")).toContainText(/Not saved yet/);
  expect(await checkA11y(sam)).toEqual([]);

  // The database comes back on the same data and port; the app recovers without a restart.
  await database!.up();
  const recoveredAt = Date.now();
  await app!.waitUntilHealthy(30_000);
  expect(Date.now() - recoveredAt).toBeLessThan(30_000);
  await expect(sam.getByTestId("sync-status")).toHaveText("All ratings saved", { timeout: 30_000 });
  const stored = (await storedScorecard(database!, interviewId, SAM))!;
  expect(stored.ratings).toHaveLength(firstRatings + offlineRatings);
  expect(stored.ratings.filter((r) => r.score === 2)).toHaveLength(offlineRatings);
  expect(stored.notes.map((n) => n.body)).toEqual(["Checked consent before sharing with the GP."]);
  // Live progress is back too (the LISTEN connection reconnected): Jordan starts, Sam sees it.
  const jordan = await openScoring(browser, JORDAN, interviewId);
  await rateQuestion(jordan, 1, "4");
  await expect(jordan.getByTestId("sync-status")).toHaveText("All ratings saved");
  await expect(sam.getByTestId("panelist-state").filter({ hasText: "Jordan Lee" })).toContainText("In progress", { timeout: 20_000 });

  const lost = missing(await acknowledgedRatings(sam), stored.ratings).length + (stored.ratings.length === firstRatings + offlineRatings ? 0 : 1);
  tally.lost += lost;
  expect(lost).toBe(0);
});

test("the app is killed mid-session: submitted stays submitted, drafts are as last saved, queued ratings follow", async ({ browser }) => {
  test.setTimeout(150_000);
  const interviewId = await scheduleDemoInterview(database!, `Morgan Fault ${Date.now()}`, [SAM, JORDAN]);
  const [sam, jordan] = await Promise.all([openScoring(browser, SAM, interviewId), openScoring(browser, JORDAN, interviewId)]);

  // Jordan finishes and submits; Sam is halfway through.
  await rateEverything(jordan, "4");
  await jordan.getByRole("radio", { name: "Yes", exact: true }).check();
  await jordan.getByLabel("Summary").fill("Recommendation: Yes. Safe, specific, reflective.");
  await jordan.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(jordan.getByRole("heading", { name: "Submitted" })).toBeVisible();
  const submitted = (await storedScorecard(database!, interviewId, JORDAN))!;
  expect(submitted.status).toBe("SUBMITTED");

  await rateQuestion(sam, 1, "3");
  await rateQuestion(sam, 2, "2");
  await rateQuestion(sam, 1, "4");
  await expect(sam.getByTestId("sync-status")).toHaveText("All ratings saved");
  const acknowledged = await acknowledgedRatings(sam);
  expect(acknowledged.length).toBeGreaterThanOrEqual(2);

  await app!.kill();
  tally.faults += 1;
  // Sam rates on while the app is gone: the change waits in the browser.
  const queued = await rateQuestion(sam, 3, "1");
  await expect(sam.getByTestId("sync-status")).toContainText(/Not saved yet/, { timeout: 15_000 });
  const whileDown = (await storedScorecard(database!, interviewId, SAM))!;
  // The draft holds exactly what the server acknowledged, no more and no less.
  expect(missing(acknowledged, whileDown.ratings)).toEqual([]);
  expect(whileDown.ratings).toHaveLength(acknowledged.length);

  await app!.up();
  await expect(sam.getByTestId("sync-status")).toHaveText("All ratings saved", { timeout: 30_000 });
  const after = (await storedScorecard(database!, interviewId, SAM))!;
  expect(after.ratings).toHaveLength(acknowledged.length + queued);
  expect(after.ratings.filter((r) => r.score === 1)).toHaveLength(queued);
  const afterJordan = (await storedScorecard(database!, interviewId, JORDAN))!;
  expect(afterJordan).toEqual(submitted);

  // A reload after the restart shows the server's values.
  await sam.reload();
  await expect(sam.getByTestId("question-in-focus")).toBeVisible();
  await sam.getByRole("navigation", { name: "Questions" }).getByRole("button").first().click();
  await expect(sam.getByTestId("question-in-focus").getByRole("radio", { name: /^4 · / }).first()).toHaveAttribute("aria-checked", "true");

  const lost =
    missing(acknowledged.filter((a) => !after.ratings.some((r) => r.itemId === a.itemId && r.competencyId === a.competencyId && r.version > a.version)), after.ratings)
      .length +
    (after.ratings.length === acknowledged.length + queued ? 0 : 1) +
    (JSON.stringify(afterJordan) === JSON.stringify(submitted) ? 0 : 1);
  tally.lost += lost;
  expect(lost).toBe(0);
});

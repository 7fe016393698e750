// A panelist takes their interview into their calendar: from the interview page they download the .ics,
// which an independent parser (ical.js) reads as one event with the interview's UID, its place and the
// link to its scoring page. The interview is written straight into the demo database so the test is about
// the download.
import { readFile } from "node:fs/promises";
import pg from "pg";
import { checkA11y, expect, signIn, test } from "./fixtures";
import { DEMO_FIRST_PUBLISHED_VERSION_SQL, INSERT_CANDIDATE_ON_VERSION_SQL } from "./support/demo-candidate-sql";
import { readICalendar } from "../tests/read-icalendar";

const DEMO_PASSWORD = "panelkit-demo";
const PANELIST = "interviewer1@riverside.example";

async function upcomingInterview(candidateName: string): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ orgId: string; versionId: string }>(DEMO_FIRST_PUBLISHED_VERSION_SQL);
    const { orgId, versionId } = rows[0]!;
    const candidate = await client.query<{ id: string; stageId: string }>(INSERT_CANDIDATE_ON_VERSION_SQL, [orgId, candidateName, versionId]);
    const interview = await client.query<{ id: string }>(
      `INSERT INTO "Interview" (id, "orgId", "candidateId", "scriptVersionId", "stageId", "scheduledAt", location, "updatedAt")
       VALUES (gen_random_uuid()::text, $1, $2, $3, $4, date_trunc('hour', now()) + interval '3 days', 'Riverside clinic, room 5', now()) RETURNING id`,
      [orgId, candidate.rows[0]!.id, versionId, candidate.rows[0]!.stageId],
    );
    const interviewId = interview.rows[0]!.id;
    await client.query(`INSERT INTO "PanelMember" ("interviewId", "userId") SELECT $1, id FROM "User" WHERE email = $2`, [interviewId, PANELIST]);
    return interviewId;
  } finally {
    await client.end();
  }
}

test("a panelist downloads their interview's calendar invitation, with the scoring link", async ({ page }) => {
  const candidateName = `Casey Calendar ${Date.now()}`;
  const interviewId = await upcomingInterview(candidateName);
  await signIn(page, PANELIST, DEMO_PASSWORD, { goto: `/interviews/${interviewId}` });
  await expect(page.getByRole("heading", { level: 1, name: `Interview with ${candidateName}` })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Add to calendar (.ics)" }).click()]);
  expect(download.suggestedFilename()).toBe(`interview-${interviewId}.ics`);
  const { events } = readICalendar(await readFile((await download.path())!, "utf8"));
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({ uid: `interview-${interviewId}@panelkit`, location: "Riverside clinic, room 5", summary: expect.stringContaining(candidateName) });
  expect(events[0]!.url).toMatch(new RegExp(`/interviews/${interviewId}/score$`));
  expect(events[0]!.description).toContain(`/interviews/${interviewId}/score`);

  // My interviews offers the same download and the private feed link.
  await page.goto("/my-interviews");
  await expect(page.getByRole("link", { name: `Add to calendar (.ics) for the interview with ${candidateName}` })).toBeVisible();
  await page.getByRole("button", { name: "Make a feed link" }).click();
  await expect(page.getByLabel("Calendar feed link")).toHaveValue(/\/api\/calendar\/feed\/[\w-]{43}\.ics$/);
  expect(await checkA11y(page)).toEqual([]);
  const feedUrl = await page.getByLabel("Calendar feed link").inputValue();
  const feed = await page.request.get(feedUrl);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  expect(readICalendar(await feed.text()).events.map((e) => e.uid)).toContain(`interview-${interviewId}@panelkit`);
  await page.getByRole("button", { name: /^Revoke/ }).first().click();
  await expect(page.getByLabel("Calendar feed link")).toHaveCount(0);
  expect((await page.request.get(feedUrl, { failOnStatusCode: false })).status()).toBe(404);

  // Signed out, the download asks for a sign-in and tells nothing about the interview.
  const signedOut = await page.context().browser()!.newContext({ baseURL: new URL(page.url()).origin });
  const answer = await signedOut.request.get(`/api/calendar/interviews/${interviewId}`, { failOnStatusCode: false });
  expect(answer.status()).toBe(401);
  expect(await answer.text()).not.toContain(candidateName);
  await signedOut.close();
});

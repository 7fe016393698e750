// A service user without an account scores on a tablet (issue 23): their personal scoring link opens on the
// first device, signs them in to that interview's scoring screen only (in easy-read, the default for the
// service-user strand), where they rate every competency with the keyboard and submit; axe clean throughout.
import { createHash, randomBytes } from "node:crypto";
import { checkA11y, expect, signIn, test } from "./fixtures";
import { DEMO_PASSWORD } from "./support/app-stack";
import { queryE2eDb } from "./support/e2e-db";
import { DEMO_FIRST_PUBLISHED_VERSION_SQL, INSERT_CANDIDATE_ON_VERSION_SQL } from "./support/demo-candidate-sql";

const query = queryE2eDb;

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * A service user seated on a fresh interview of the demo script with a live link, as the panel manager would
 * make one (src/server/services/lay-panelists: the token and code stored hashed the same way).
 */
async function serviceUserWithLink(): Promise<{ token: string; interviewId: string }> {
  const [{ orgId, versionId }] = (await query<{ orgId: string; versionId: string }>(DEMO_FIRST_PUBLISHED_VERSION_SQL)) as [{ orgId: string; versionId: string }];
  const [candidate] = await query<{ id: string }>(INSERT_CANDIDATE_ON_VERSION_SQL, [orgId, "Lay Panel Candidate", versionId]);
  const [interview] = await query<{ id: string }>(
    `INSERT INTO "Interview" (id, "orgId", "candidateId", "scriptVersionId", "scheduledAt", location, "updatedAt")
     VALUES (gen_random_uuid()::text, $1, $2, $3, now(), 'Room 2', now()) RETURNING id`,
    [orgId, candidate!.id, versionId],
  );
  const [user] = await query<{ id: string }>(
    `INSERT INTO "User" (id, email, name, "layOrgId", "updatedAt")
     VALUES (gen_random_uuid()::text, $1, 'Rhiannon Service-User', $2, now()) RETURNING id`,
    [`lay-${randomBytes(6).toString("hex")}@panelists.invalid`, orgId],
  );
  await query(`INSERT INTO "PanelMember" ("interviewId", "userId", strand) VALUES ($1, $2, 'SERVICE_USER')`, [interview!.id, user!.id]);
  const token = randomBytes(32).toString("base64url");
  const linkId = `lay-e2e-${randomBytes(6).toString("hex")}`;
  await query(
    `INSERT INTO "LayPanelistLink" (id, "orgId", "interviewId", "userId", "tokenHash", "codeHash", "expiresAt")
     VALUES ($1, $2, $3, $4, $5, $6, now() + interval '7 days')`,
    [linkId, orgId, interview!.id, user!.id, sha256(`lay-link:${token}`), sha256(`lay-code:${linkId}:ACDE3467`)],
  );
  return { token, interviewId: interview!.id };
}

test("a service user opens their link on a tablet, scores with the keyboard in easy-read and submits", async ({ page }) => {
  const { token, interviewId } = await serviceUserWithLink();
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.goto(`/lay/${token}`);
  await expect(page.getByText("Hello Rhiannon Service-User.")).toBeVisible();
  expect(await checkA11y(page)).toEqual([]);
  await page.getByRole("button", { name: "Start scoring" }).click();
  await page.waitForURL(`**/interviews/${interviewId}/score`);

  // The shell offers their interview and nothing of the organisation.
  const nav = page.getByRole("navigation", { name: "Your scoring" });
  await expect(nav.getByRole("link")).toHaveText(["Your interview"]);
  // Easy-read is on without touching anything: the default for a service-user seat.
  await expect(page.getByRole("switch", { name: "Easy read" })).toHaveAttribute("aria-checked", "true");
  const progress = page.getByTestId("easy-read-progress");
  await expect(progress).toHaveText(/^1 of \d+$/);
  const total = Number((await progress.textContent())!.split(" of ")[1]);
  const focus = page.getByTestId("question-in-focus");
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("3");
  await expect(focus.getByRole("radio", { name: /3 · Yes/ })).toHaveAttribute("aria-checked", "true");
  // The same keys for every other competency, one at a time: 3 rates it, → moves on.
  for (let step = 2; step <= total; step++) {
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("3");
  }
  await expect(progress).toHaveText(`${total} of ${total}`);
  await expect(focus.getByRole("radio", { name: /3 · Yes/ })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("status").filter({ hasText: "All ratings saved" })).toBeVisible();
  expect(await checkA11y(page)).toEqual([]);

  // Independence: nobody else's scorecard before their own is submitted.
  await expect(page.getByTestId("lay-panel-scorecards")).toHaveCount(0);

  // Submitting, by keyboard too.
  await page.getByRole("group", { name: "Overall recommendation" }).getByRole("radio", { name: "Yes", exact: true }).focus();
  await page.keyboard.press("Space");
  await page.getByLabel("Summary", { exact: true }).focus();
  await page.keyboard.type("Kind and clear with people who use the service.");
  await page.getByRole("button", { name: "Submit scorecard" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Submitted" })).toBeVisible();
  // Submitted, they see the panel's scorecards as a member panelist does (their own the only one submitted yet).
  const scorecards = page.getByTestId("lay-panel-scorecards");
  await expect(scorecards.getByRole("heading", { name: "Scorecards" })).toBeVisible();
  await expect(scorecards.getByTestId("scorecards-table").getByRole("columnheader", { name: /Rhiannon Service-User/ })).toBeVisible();
  expect(await checkA11y(page)).toEqual([]);

  // Anything else of the organisation is refused as for a stranger.
  const other = await page.request.get("/api/trpc/org.viewer");
  expect(other.status()).toBe(403);
});

test("added again after the answer was lost, a panelist without an account is seated once", async ({ page }) => {
  const [{ orgId, versionId }] = (await query<{ orgId: string; versionId: string }>(DEMO_FIRST_PUBLISHED_VERSION_SQL)) as [{ orgId: string; versionId: string }];
  const [candidate] = await query<{ id: string }>(INSERT_CANDIDATE_ON_VERSION_SQL, [orgId, "Lay Resend Candidate", versionId]);
  const [interview] = await query<{ id: string }>(
    `INSERT INTO "Interview" (id, "orgId", "candidateId", "scriptVersionId", "scheduledAt", location, "updatedAt")
     VALUES (gen_random_uuid()::text, $1, $2, $3, now() + interval '1 day', 'Room 3', now()) RETURNING id`,
    [orgId, candidate!.id, versionId],
  );
  await signIn(page, "admin@riverside.example", DEMO_PASSWORD, { goto: `/interviews/${interview!.id}` });
  const section = page.getByRole("region", { name: "Panelists without accounts" });
  const name = `Jane Service-User ${Date.now()}`;
  await section.getByLabel("Their name").fill(name);
  // The server seats her, but its answer is lost on the way back: the form keeps her name and says so.
  const add = "**/api/trpc/layPanelists.add**";
  await page.route(add, async (route) => {
    await route.fetch();
    await route.abort("connectionreset");
  });
  await section.getByRole("button", { name: "Add with a scoring link" }).click();
  await expect(section.getByRole("alert").filter({ hasText: "The server can't be reached" })).toBeVisible();
  await expect(section.getByLabel("Their name")).toHaveValue(name);

  // Sent again as it is: no second seat (nor a second email); she is listed once, and the form says how to get
  // a link and code, which only the lost answer carried.
  await page.unroute(add);
  await section.getByRole("button", { name: "Add with a scoring link" }).click();
  await expect(section.getByRole("alert").filter({ hasText: `${name} was already added from this form` })).toBeVisible();
  await expect(section.getByRole("list", { name: "Panelists without accounts" }).getByRole("listitem")).toHaveCount(1);
  const seats = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "PanelMember" p JOIN "User" u ON u.id = p."userId" WHERE p."interviewId" = $1 AND u."layOrgId" IS NOT NULL`,
    [interview!.id],
  );
  expect(seats[0]!.n).toBe(1);
  await section.getByRole("button", { name: `New link and code for ${name}` }).click();
  await expect(section.getByTestId("lay-code")).toHaveText(/^[A-Z0-9]{8}$/);
});

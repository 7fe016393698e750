// The comparison shows the strands (issue 23): a fresh vacancy stage whose policy weights staff 75% and
// service users 25%, two candidates each scored by a staff member (3 everywhere) and a service user (4 for
// one candidate, 2 for the other), written straight into the database; HR compares them at that stage and
// reads each strand's score, that the strands' weighted scores order them, and axe finds nothing at 320 px.
import pg from "pg";
import { expect, signIn, test } from "./fixtures";
import { DEMO_FIRST_PUBLISHED_VERSION_SQL } from "./support/demo-candidate-sql";

const DEMO_PASSWORD = "panelkit-demo";
const STAFF = "interviewer1@riverside.example";
const SERVICE_USER = "interviewer2@riverside.example";

async function strandWorld(): Promise<{ vacancyId: string; stageId: string; names: [string, string] }> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { orgId, versionId } = (await client.query<{ orgId: string; versionId: string }>(DEMO_FIRST_PUBLISHED_VERSION_SQL)).rows[0]!;
    const suffix = Math.random().toString(36).slice(2, 8);
    const vacancyId = (await client.query<{ id: string }>(`INSERT INTO "Vacancy" (id, "orgId", title, "updatedAt") VALUES (gen_random_uuid()::text, $1, $2, now()) RETURNING id`, [orgId, `Peer Support Worker ${suffix}`])).rows[0]!.id;
    const stageId = (await client.query<{ id: string }>(`INSERT INTO "VacancyStage" (id, "vacancyId", position, name, "scriptVersionId") VALUES (gen_random_uuid()::text, $1, 1, 'Involvement panel', $2) RETURNING id`, [vacancyId, versionId])).rows[0]!.id;
    await client.query(`INSERT INTO "VacancyStageStrand" ("stageId", strand, mode, weight) VALUES ($1, 'STAFF', 'WEIGHTED', 75), ($1, 'SERVICE_USER', 'WEIGHTED', 25), ($1, 'EXTERNAL', 'ADVISORY', 0)`, [stageId]);
    const names: [string, string] = [`Noor Strand ${suffix}`, `Owen Strand ${suffix}`];
    for (const [i, name] of names.entries()) {
      const personId = (await client.query<{ id: string }>(`INSERT INTO "Person" (id, "orgId") VALUES (gen_random_uuid()::text, $1) RETURNING id`, [orgId])).rows[0]!.id;
      const candidateId = (await client.query<{ id: string }>(`INSERT INTO "Candidate" (id, "orgId", name, "vacancyId", "stageId", "personId", "updatedAt") VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5, now()) RETURNING id`, [orgId, name, vacancyId, stageId, personId])).rows[0]!.id;
      const interviewId = (await client.query<{ id: string }>(`INSERT INTO "Interview" (id, "orgId", "candidateId", "scriptVersionId", "stageId", "scheduledAt", status, "updatedAt") VALUES (gen_random_uuid()::text, $1, $2, $3, $4, now() - interval '1 day', 'COMPLETED', now()) RETURNING id`, [orgId, candidateId, versionId, stageId])).rows[0]!.id;
      await client.query(`INSERT INTO "PanelMember" ("interviewId", "userId", strand) SELECT $1, id, CASE WHEN email = $2 THEN 'SERVICE_USER'::"PanelStrand" ELSE 'STAFF'::"PanelStrand" END FROM "User" WHERE email = ANY($3::text[])`, [interviewId, SERVICE_USER, [STAFF, SERVICE_USER]]);
      await client.query(`INSERT INTO "Scorecard" (id, "orgId", "interviewId", "panelistId", status, recommendation, summary, "submittedAt", "updatedAt") SELECT gen_random_uuid()::text, $1, $2, u.id, 'SUBMITTED', 'YES', 'Specific examples.', now(), now() FROM "User" u WHERE u.email = ANY($3::text[])`, [orgId, interviewId, [STAFF, SERVICE_USER]]);
      // Noor: the service user rates 4; Owen: 2. Staff rate both 3.
      await client.query(
        `INSERT INTO "Rating" (id, "scorecardId", "itemId", "competencyId", score, "updatedAt")
         SELECT gen_random_uuid()::text, sc.id, ic."itemId", ic."competencyId", CASE WHEN u.email = $3 THEN $4::int ELSE 3 END, now()
         FROM "Scorecard" sc JOIN "User" u ON u.id = sc."panelistId"
         JOIN "ScriptSection" ss ON ss."versionId" = $2 JOIN "ScriptItem" it ON it."sectionId" = ss.id
         JOIN "ScriptItemCompetency" ic ON ic."itemId" = it.id
         WHERE sc."interviewId" = $1`,
        [interviewId, versionId, SERVICE_USER, i === 0 ? 4 : 2],
      );
    }
    return { vacancyId, stageId, names };
  } finally {
    await client.end();
  }
}

test("the comparison at a stage shows each strand and orders candidates by the declared weights", async ({ page }) => {
  const { vacancyId, stageId, names } = await strandWorld();
  await page.setViewportSize({ width: 320, height: 900 });
  await signIn(page, "hr@riverside.example", DEMO_PASSWORD, { goto: `/insights/compare?vacancy=${vacancyId}&stage=${stageId}` });
  const strands = page.getByTestId("compare-strands");
  await expect(strands).toBeVisible();
  await expect(strands.getByRole("columnheader", { name: "Service user (25%)" })).toBeVisible();
  await expect(strands.getByTestId("strands-agree")).toHaveText("The strands prefer different candidates.");
  // Staff 3 and 3; service users 4 and 2: 0.75·3 + 0.25·4 = 3.25 ranks Noor above Owen's 2.75.
  const rows = strands.getByTestId("strand-row");
  await expect(rows.first().getByRole("rowheader")).toHaveText(names[0]);
  await expect(rows.first()).toContainText("4.00");
  await expect(rows.nth(1)).toContainText("2.00");
  // axe runs on the page at 320 px when the test ends (the page fixture).
});

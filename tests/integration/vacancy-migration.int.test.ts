// The migration that turns free-text positions into vacancies (20261205130000): on a fresh database at the
// migration before it, candidates are written with position strings in two organisations (the same string
// in both, two strings in one, one without interviews), with interviews, submitted scorecards and the
// figures the database keeps for them, and two candidates sharing an email; after it, every candidate,
// interview, scorecard and figure is kept, each organisation's position became one vacancy with one stage
// on its most used script version, the interviews sit at that stage, the hiring managers who saw those
// candidates manage it, and the same email in an organisation is one person.
import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR } from "../../scripts/lib/migrations";

const serverUrl = inject("serverUrl");
const BEFORE = "20261205120000";
const MIGRATION = "20261205130000";

async function withFreshDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `vacancy_migration_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** A copy of the migrations directory holding those whose timestamp is at most `upTo`. */
function migrationsUpTo(dir: string, upTo: string) {
  for (const name of readdirSync(MIGRATIONS_DIR)) {
    const stamp = name.split("_")[0]!;
    if (/^\d+$/.test(stamp) && stamp <= upTo) cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
  }
}

/** The rows the old schema needs for one organisation's scripts, candidates and interviews. */
async function seedOldSchema(client: pg.Client) {
  const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
  await q(`INSERT INTO "Competency" ("id", "slug", "name", "definition") VALUES ('c-empathy', 'mig-empathy', 'Empathy', ''), ('c-ethics', 'mig-ethics', 'Ethics', '')`);
  for (const org of ["orgA", "orgB"]) await q(`INSERT INTO "Organization" ("id", "name", "slug", "updatedAt") VALUES ($1, $1, $1, now())`, [org]);
  const members: Array<[string, string, string]> = [
    ["orgA", "hmA1", "HIRING_MANAGER"],
    ["orgA", "hmA2", "HIRING_MANAGER"],
    ["orgA", "hmIdle", "HIRING_MANAGER"],
    ["orgA", "adminA", "ADMIN"],
    ["orgA", "p1", "INTERVIEWER"],
    ["orgA", "p2", "INTERVIEWER"],
    ["orgB", "hmB", "HIRING_MANAGER"],
    ["orgB", "pB", "INTERVIEWER"],
  ];
  for (const [org, user, role] of members) {
    await q(`INSERT INTO "User" ("id", "email", "name", "updatedAt") VALUES ($1, $1 || '@staff.example', $1, now())`, [user]);
    await q(`INSERT INTO "Membership" ("id", "orgId", "userId", "role") VALUES ($1 || '-m', $2, $1, $3)`, [user, org, role]);
  }
  // One published version per script, with one question rating both competencies.
  const scripts: Array<[string, string, string]> = [
    ["s1", "orgA", "hmA1"],
    ["s2", "orgA", "hmA2"],
    ["s3", "orgA", "adminA"],
    ["sB", "orgB", "hmB"],
  ];
  for (const [script, org, author] of scripts) {
    await q(`INSERT INTO "InterviewScript" ("id", "orgId", "title", "role", "status", "createdById", "updatedAt") VALUES ($1, $2, $1, 'Crisis Worker', 'PUBLISHED', $3, now())`, [script, org, author]);
    await q(`INSERT INTO "ScriptVersion" ("id", "scriptId", "version", "publishedAt") VALUES ($1 || '-v1', $1, 1, now())`, [script]);
    await q(`INSERT INTO "ScriptSection" ("id", "versionId", "position", "title") VALUES ($1 || '-sec', $1 || '-v1', 0, 'All')`, [script]);
    await q(`INSERT INTO "ScriptItem" ("id", "sectionId", "position", "text") VALUES ($1 || '-q', $1 || '-sec', 0, 'Tell us')`, [script]);
    for (const [k, c] of ["c-empathy", "c-ethics"].entries()) {
      await q(`INSERT INTO "ScriptItemCompetency" ("itemId", "competencyId", "position") VALUES ($1 || '-q', $2, $3)`, [script, c, k]);
    }
  }
  const candidates: Array<[string, string, string, string | null]> = [
    ["a1", "orgA", "Crisis Worker", "sam@example.org"],
    ["a2", "orgA", "Crisis Worker", "kim@example.org"],
    ["a3", "orgA", "Crisis Worker", null],
    // The same person as a1, applying for another position (their email typed in capitals).
    ["a4", "orgA", "Support Worker", "Sam@Example.org"],
    ["a5", "orgA", "Night Manager", null],
    // The same position string and the same email as a1, in another organisation: another vacancy and person.
    ["b1", "orgB", "Crisis Worker", "sam@example.org"],
  ];
  for (const [id, org, position, email] of candidates) {
    await q(`INSERT INTO "Candidate" ("id", "orgId", "name", "email", "position", "updatedAt") VALUES ($1, $2, 'Candidate ' || $1, $3, $4, now())`, [id, org, email, position]);
  }
  // Crisis Worker in org A: two interviews on s1 (hmA1's), one on s2 (hmA2's): s1 is its most used version.
  const interviews: Array<[string, string, string, string, string[]]> = [
    ["i1", "orgA", "a1", "s1-v1", ["p1", "p2"]],
    ["i2", "orgA", "a2", "s1-v1", ["p1"]],
    ["i3", "orgA", "a3", "s2-v1", ["p2"]],
    ["i4", "orgA", "a4", "s3-v1", ["p1"]],
    ["iB", "orgB", "b1", "sB-v1", ["pB"]],
  ];
  for (const [id, org, candidate, version, panel] of interviews) {
    await q(`INSERT INTO "Interview" ("id", "orgId", "candidateId", "scriptVersionId", "scheduledAt", "updatedAt") VALUES ($1, $2, $3, $4, '2026-11-30T10:00:00Z', now())`, [id, org, candidate, version]);
    for (const user of panel) await q(`INSERT INTO "PanelMember" ("interviewId", "userId") VALUES ($1, $2)`, [id, user]);
  }
  // Scorecards with ratings, written as drafts and then submitted, as the app does: the figures follow.
  const cards: Array<[string, string, string, string, Array<[string, number]>]> = [
    ["sc1", "orgA", "i1", "p1", [["c-empathy", 3], ["c-ethics", 4]]],
    ["sc2", "orgA", "i1", "p2", [["c-empathy", 2], ["c-ethics", 2]]],
    ["sc3", "orgA", "i3", "p2", [["c-empathy", 4], ["c-ethics", 1]]],
    ["sc4", "orgA", "i4", "p1", [["c-empathy", 1], ["c-ethics", 3]]],
    ["scB", "orgB", "iB", "pB", [["c-empathy", 4], ["c-ethics", 4]]],
  ];
  for (const [id, org, interview, panelist, ratings] of cards) {
    const item = `${(await q(`SELECT "scriptVersionId" FROM "Interview" WHERE "id" = $1`, [interview])).rows[0].scriptVersionId.replace("-v1", "")}-q`;
    await q(`INSERT INTO "Scorecard" ("id", "orgId", "interviewId", "panelistId", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [id, org, interview, panelist]);
    for (const [competency, score] of ratings) {
      await q(`INSERT INTO "Rating" ("id", "scorecardId", "itemId", "competencyId", "score", "updatedAt") VALUES ($1 || $2, $1, $3, $2, $4, now())`, [id, competency, item, score]);
    }
    await q(`UPDATE "Scorecard" SET "status" = 'SUBMITTED', "submittedAt" = now(), "recommendation" = 'YES' WHERE "id" = $1`, [id]);
  }
  // A draft stays a draft.
  await q(`INSERT INTO "Scorecard" ("id", "orgId", "interviewId", "panelistId", "updatedAt") VALUES ('draft', 'orgA', 'i2', 'p1', now())`);
}

const snapshot = async (client: pg.Client) => ({
  candidates: (await client.query(`SELECT "id", "orgId", "name", "email", "status" FROM "Candidate" ORDER BY "id"`)).rows,
  interviews: (await client.query(`SELECT "id", "candidateId", "scriptVersionId", "scheduledAt" FROM "Interview" ORDER BY "id"`)).rows,
  scorecards: (await client.query(`SELECT "id", "status", "recommendation" FROM "Scorecard" ORDER BY "id"`)).rows,
  ratings: (await client.query(`SELECT "id", "score" FROM "Rating" ORDER BY "id"`)).rows,
  figures: (await client.query(`SELECT * FROM "CandidateInsight" ORDER BY "candidateId"`)).rows,
  tallies: (await client.query(`SELECT * FROM "ScorecardCompetencyTally" ORDER BY "scorecardId", "competencyId"`)).rows,
});

describe("the position-to-vacancy migration", () => {
  it("keeps every candidate, interview and figure, and makes each organisation's positions its vacancies", async () => {
    await withFreshDatabase(async (url) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "vacancy-migrations-"));
      migrationsUpTo(dir, BEFORE);
      await applyMigrations(url, dir);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await seedOldSchema(client);
        const before = await snapshot(client);
        expect(before.figures.map((f) => f.candidateId)).toEqual(["a1", "a3", "a4", "b1"]);
        expect(before.figures.find((f) => f.candidateId === "a1")).toMatchObject({ interviews: 1, scorecards: 2, yes: 2, sums: [5, 6] });

        migrationsUpTo(dir, MIGRATION);
        expect(await applyMigrations(url, dir)).toEqual([expect.stringMatching(new RegExp(`^${MIGRATION}_`))]);

        // Nothing lost or changed.
        expect(await snapshot(client)).toEqual(before);

        const vacancies = (
          await client.query(`
            SELECT v."orgId", v."title", v."status"::text AS "status",
              (SELECT count(*)::int FROM "VacancyStage" s WHERE s."vacancyId" = v."id") AS "stages",
              (SELECT s."scriptVersionId" FROM "VacancyStage" s WHERE s."vacancyId" = v."id") AS "scriptVersionId",
              (SELECT s."position" FROM "VacancyStage" s WHERE s."vacancyId" = v."id") AS "position",
              ARRAY(SELECT m."userId" FROM "VacancyManager" m WHERE m."vacancyId" = v."id" ORDER BY m."userId") AS "managers"
            FROM "Vacancy" v ORDER BY v."orgId", v."title"`)
        ).rows;
        expect(vacancies).toEqual([
          { orgId: "orgA", title: "Crisis Worker", status: "OPEN", stages: 1, scriptVersionId: "s1-v1", position: 1, managers: ["hmA1", "hmA2"] },
          // No interviews: a stage without a script yet, and no manager.
          { orgId: "orgA", title: "Night Manager", status: "OPEN", stages: 1, scriptVersionId: null, position: 1, managers: [] },
          // Interviewed only with an admin's script: admins see every candidate already; no hiring manager did.
          { orgId: "orgA", title: "Support Worker", status: "OPEN", stages: 1, scriptVersionId: "s3-v1", position: 1, managers: [] },
          { orgId: "orgB", title: "Crisis Worker", status: "OPEN", stages: 1, scriptVersionId: "sB-v1", position: 1, managers: ["hmB"] },
        ]);

        const placed = (
          await client.query(`
            SELECT c."id", v."orgId" AS "vacancyOrg", v."title", c."stageId" = s."id" AS "atStage", c."personId", p."orgId" AS "personOrg"
            FROM "Candidate" c
            JOIN "Vacancy" v ON v."id" = c."vacancyId"
            JOIN "VacancyStage" s ON s."vacancyId" = v."id"
            JOIN "Person" p ON p."id" = c."personId"
            ORDER BY c."id"`)
        ).rows;
        expect(placed.map((r) => [r.id, r.vacancyOrg, r.title, r.atStage, r.personOrg])).toEqual([
          ["a1", "orgA", "Crisis Worker", true, "orgA"],
          ["a2", "orgA", "Crisis Worker", true, "orgA"],
          ["a3", "orgA", "Crisis Worker", true, "orgA"],
          ["a4", "orgA", "Support Worker", true, "orgA"],
          ["a5", "orgA", "Night Manager", true, "orgA"],
          ["b1", "orgB", "Crisis Worker", true, "orgB"],
        ]);
        const person = Object.fromEntries(placed.map((r) => [r.id, r.personId]));
        // The same email in one organisation is one person, whatever its case; nowhere else.
        expect(person.a4).toBe(person.a1);
        expect(new Set([person.a1, person.a2, person.a3, person.a5, person.b1]).size).toBe(5);
        expect((await client.query(`SELECT count(*)::int AS n FROM "Person"`)).rows[0].n).toBe(5);

        // Every interview sits at its candidate's stage (its own script version kept, as the snapshot showed).
        const interviews = (
          await client.query(`SELECT i."id", i."stageId" = c."stageId" AS "atStage" FROM "Interview" i JOIN "Candidate" c ON c."id" = i."candidateId" ORDER BY i."id"`)
        ).rows;
        expect(interviews).toEqual(["i1", "i2", "i3", "i4", "iB"].map((id) => ({ id, atStage: true })));
      } finally {
        await client.end();
      }
    });
  });
});

// Brings a database up to date for the app: migrations, built-in content, and the demo organisation when asked.
// Start-up is on the hot path of `npm start`: when the built-in content (and the code that loads it) is
// unchanged since it was last seeded into this database, and nothing else needs doing, it neither loads
// Prisma nor re-reads the banks.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { allowServerOnlyImports } from "./allow-server-only";
import { migrateJobQueue } from "./migrate-job-queue";
import { applyMigrations } from "./migrations";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** What the built-in content is made of: the seed files and the code that turns them into rows. */
const CONTENT_SOURCES = ["seeds", "src/server/services/seed", "src/lib/bank-article", "src/lib/training"];
const MARKER_PREFIX = "panelkit built-in content ";

export type PrepareOptions = {
  /** "first-run": create the demo organisation only when the database has no organisation yet. */
  demo: "never" | "first-run" | "always";
  log?: (line: string) => void;
};

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.name.endsWith(".test.ts") ? [] : [full];
  });
}

/** A fingerprint of the built-in content; stored with the database once that content is seeded. */
export function builtinContentFingerprint(root = ROOT): string {
  const hash = createHash("sha256");
  const files = CONTENT_SOURCES.flatMap((dir) => filesUnder(path.join(root, dir))).sort();
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update("\0");
    hash.update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 32);
}

type State = { organizations: number; builtinBanks: number; builtinCompetencies: number; marker: string | null };

async function readState(databaseUrl: string): Promise<State> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // The marker is a comment on the QuestionBank table, so it travels with the data (dumps, restores).
    const { rows } = await client.query<State>(`SELECT
      (SELECT count(*) FROM "Organization")::int AS organizations,
      (SELECT count(*) FROM "QuestionBank" WHERE "orgId" IS NULL)::int AS "builtinBanks",
      (SELECT count(*) FROM "Competency" WHERE "orgId" IS NULL)::int AS "builtinCompetencies",
      obj_description('"QuestionBank"'::regclass, 'pg_class') AS marker`);
    return rows[0]!;
  } finally {
    await client.end();
  }
}

async function writeMarker(databaseUrl: string, fingerprint: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`COMMENT ON TABLE "QuestionBank" IS '${MARKER_PREFIX}${fingerprint}'`);
  } finally {
    await client.end();
  }
}

export async function prepareDatabase(databaseUrl: string, options: PrepareOptions) {
  const log = options.log ?? (() => undefined);
  const applied = await applyMigrations(databaseUrl);
  log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  await migrateJobQueue(databaseUrl);
  const fingerprint = builtinContentFingerprint();
  const state = await readState(databaseUrl);
  const firstRun = state.organizations === 0;
  const wantDemo = options.demo === "always" || (options.demo === "first-run" && firstRun);
  const contentCurrent =
    state.marker === MARKER_PREFIX + fingerprint && state.builtinBanks > 0 && state.builtinCompetencies > 0;
  if (contentCurrent && !wantDemo) {
    log("Question banks: already current (built-in content unchanged since it was seeded).");
    return { applied, summary: null, demoCreated: false };
  }

  // Loaded only when there is seeding to do: Prisma and the seed code take a while to load.
  const [{ prismaFor }, { seedBuiltinContent }, { seedDemoOrganization }, { seedDemoInterviews }, { seedDemoVacancies }] = await Promise.all([
    import("./prisma-for-scripts"),
    import("../../src/server/services/seed/seed-builtin-content"),
    import("../../src/server/services/seed/seed-demo-organization"),
    import("../../src/server/services/seed/seed-demo-interviews"),
    import("../../src/server/services/seed/seed-demo-vacancies"),
  ]);
  const prisma = prismaFor(databaseUrl);
  try {
    const summary = await seedBuiltinContent(prisma);
    log(
      `Question banks: ${summary.banks} banks, ${summary.questions} questions, ${summary.competencies} competencies` +
        (summary.changedRows ? ` (${summary.changedRows} rows written)` : " (already current)"),
    );
    const { seedPracticeAnswers } = await import("../../src/server/services/seed/seed-practice-answers");
    const practice = await seedPracticeAnswers(prisma);
    log(
      `Practice answers: ${practice.answers} built-in answers on ${practice.questions} questions` +
        (practice.changedRows ? ` (${practice.changedRows} rows written)` : " (already current)"),
    );
    await writeMarker(databaseUrl, fingerprint);
    const demoCreated = wantDemo ? await seedDemoOrganization(prisma) : false;
    if (demoCreated) {
      log("Created the demo organisation (sign-in page lists its accounts).");
      const demoOrg = await prisma.organization.findFirstOrThrow({ where: { isDemo: true }, select: { id: true } });
      if (await seedDemoInterviews(prisma, demoOrg.id)) log("Added demo candidates, interviews and scorecards.");
      if (await seedDemoVacancies(prisma, demoOrg.id)) log("Added demo vacancies with interview plans, debriefs and decisions.");
      // Server modules from here on (the refreshers read calibration through db-replica.ts; the fairness
      // answers are encrypted with this process's MONITORING_KEY) carry the server-only marker.
      allowServerOnlyImports();
      const { seedDemoRefreshers } = await import("../../src/server/services/seed/seed-demo-refreshers");
      const refreshers = await seedDemoRefreshers(prisma, demoOrg.id);
      if (refreshers) log(`Suggested ${refreshers} practice refresher${refreshers === 1 ? "" : "s"} from drift (as the daily job would).`);
      // The fairness report's demo data: answers encrypted with this process's MONITORING_KEY (the app's).
      const { seedDemoFairness } = await import("../../src/server/services/seed/seed-demo-fairness");
      if (await seedDemoFairness(prisma, demoOrg.id)) log("Added demo equal-opportunities answers and a vacancy for the fairness report.");
    }
    return { applied, summary, demoCreated };
  } finally {
    await prisma.$disconnect();
  }
}

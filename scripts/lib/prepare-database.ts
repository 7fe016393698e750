// Brings a database up to date for the app: migrations, built-in content, and the demo organisation when asked.
import { seedBuiltinContent } from "../../src/server/services/seed/seed-builtin-content";
import { seedDemoInterviews } from "../../src/server/services/seed/seed-demo-interviews";
import { seedDemoOrganization } from "../../src/server/services/seed/seed-demo-organization";
import { applyMigrations } from "./migrations";
import { prismaFor } from "./prisma-for-scripts";

export type PrepareOptions = {
  /** "first-run": create the demo organisation only when the database has no organisation yet. */
  demo: "never" | "first-run" | "always";
  log?: (line: string) => void;
};

export async function prepareDatabase(databaseUrl: string, options: PrepareOptions) {
  const log = options.log ?? (() => undefined);
  const applied = await applyMigrations(databaseUrl);
  log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  const prisma = prismaFor(databaseUrl);
  try {
    const firstRun = (await prisma.organization.count()) === 0;
    const summary = await seedBuiltinContent(prisma);
    log(
      `Question banks: ${summary.banks} banks, ${summary.questions} questions, ${summary.competencies} competencies` +
        (summary.changedRows ? ` (${summary.changedRows} rows written)` : " (already current)"),
    );
    const wantDemo = options.demo === "always" || (options.demo === "first-run" && firstRun);
    const demoCreated = wantDemo ? await seedDemoOrganization(prisma) : false;
    if (demoCreated) {
      log("Created the demo organisation (sign-in page lists its accounts).");
      const demoOrg = await prisma.organization.findFirstOrThrow({ where: { isDemo: true }, select: { id: true } });
      if (await seedDemoInterviews(prisma, demoOrg.id)) log("Added demo candidates, interviews and scorecards.");
    }
    return { applied, summary, demoCreated };
  } finally {
    await prisma.$disconnect();
  }
}

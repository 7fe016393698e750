// Creating a panelist's scorecard (a draft, on first opening the scoring screen) locks the stage's strand
// policy in the same transaction: from the first counting scorecard on, the policy in force is the one the
// panel scores under. A shadow's scorecard never counts and locks nothing. Only creation pays for this; the
// rating saves are untouched.
import type { Db } from "@/server/db";

export async function startScorecard(db: Db, card: { orgId: string; interviewId: string; panelistId: string; shadow: boolean }): Promise<void> {
  await db.$transaction([
    // ON CONFLICT DO NOTHING: two tabs opening at once both end up with the one scorecard.
    db.scorecard.createMany({ data: [card], skipDuplicates: true }),
    db.$executeRaw`
      UPDATE "VacancyStage" vs SET "strandsLockedAt" = now()
      FROM "Interview" i
      WHERE i."id" = ${card.interviewId} AND vs."id" = i."stageId" AND vs."strandsLockedAt" IS NULL AND ${!card.shadow}`,
  ]);
}

import type { Prisma } from "@/generated/prisma/client";

// Reference raters' ratings of one practice answer turned into its reference: where every rater gave the same
// level, that level is the consensus (with each rater's reason); where they differ, the manager resolves it.

type RaterRating = { competencyId: string; level: number; rationale: string; raterId: string | null };

export type Agreement = { competencyId: string; level: number; rationale: string };

/** Per competency: the agreed level and the raters' reasons, or null when the raters differ. */
export function agreements(competencyIds: readonly string[], ratings: readonly RaterRating[]): Map<string, Agreement | null> {
  const result = new Map<string, Agreement | null>();
  for (const competencyId of competencyIds) {
    const rows = ratings.filter((r) => r.competencyId === competencyId && r.raterId !== null);
    const levels = new Set(rows.map((r) => r.level));
    if (rows.length === 0 || levels.size !== 1) {
      result.set(competencyId, null);
      continue;
    }
    const reasons = [...new Set(rows.map((r) => r.rationale.trim()))];
    result.set(competencyId, { competencyId, level: rows[0]!.level, rationale: reasons.join("\n\n") });
  }
  return result;
}

/** Competencies the raters disagree on that have no consensus yet. */
export function unresolvedCompetencies(
  competencyIds: readonly string[],
  raterRatings: readonly RaterRating[],
  consensus: ReadonlyArray<{ competencyId: string }>,
): string[] {
  const agreed = agreements(competencyIds, raterRatings);
  return competencyIds.filter((id) => agreed.get(id) === null && !consensus.some((c) => c.competencyId === id));
}

/**
 * Once every reference rater has rated: the agreed competencies become the consensus (raterId null). Called in
 * the transaction that holds the answer's lock, exactly when the last rater's ratings land.
 */
export async function drawConsensus(tx: Prisma.TransactionClient, answerId: string, competencyIds: readonly string[]) {
  const ratings = await tx.practiceReferenceRating.findMany({
    where: { answerId },
    select: { competencyId: true, level: true, rationale: true, raterId: true },
  });
  const existing = new Set(ratings.filter((r) => r.raterId === null).map((r) => r.competencyId));
  const agreed = [...agreements(competencyIds, ratings).values()].filter((a): a is Agreement => a !== null);
  const fresh = agreed.filter((a) => !existing.has(a.competencyId));
  if (fresh.length > 0) {
    await tx.practiceReferenceRating.createMany({ data: fresh.map((a) => ({ answerId, ...a, raterId: null })) });
  }
  return { agreed: agreed.length, disagreements: competencyIds.length - agreed.length };
}

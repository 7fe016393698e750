import type { ComparisonStrandsWire } from "@/lib/insights/comparison-wire";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { stageStrandFigures } from "./_shared/stage-strand-figures";

/**
 * The strands of a comparison at one stage, as the comparison sends them (see ComparisonStrandsWire): only
 * the scorecards the actor may read; nothing when the stage has no strands. A comparison across stages pools
 * every scorecard as before (each stage's policy applies to that stage's scores only).
 */
export async function comparisonStrands(db: Db, actor: Actor, stageId: string | undefined): Promise<ComparisonStrandsWire | null> {
  if (stageId === undefined) return null;
  const figures = await stageStrandFigures(db, actor, stageId);
  if (!figures) return null;
  return { stageName: figures.stageName, policy: figures.policy, byCandidate: Object.fromEntries(figures.byCandidate) };
}

import { policyProblem } from "@/lib/strands/strand-math";
import type { DeclareStrandPolicyInput, StageStrands } from "@/lib/schemas/strands";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { refuseIfShownChanged } from "@/server/services/_shared/lock-for-update";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { POLICY_PROBLEMS, STRANDS_LOCKED } from "./_shared/messages";
import { loadStage, requireStageEditor } from "./_shared/stage-access";
import { getStageStrands } from "./get-stage-strands";

/**
 * Declares how a stage's strands combine in the weighted score: each strand weighted with a percent (the
 * weighted ones summing to 100) or advisory; an empty list clears the policy. Refused once the first
 * scorecard at the stage was started (strandsLockedAt, set where scorecards are created): the stage's row is
 * locked first, so a declaration and the first scorecard never interleave, and a refusal changes nothing.
 * With `shown` (the policy as the form showed it), a policy changed since is not overwritten (CONFLICT).
 */
export async function declareStrandPolicy(db: Db, actor: Actor, input: DeclareStrandPolicyInput): Promise<StageStrands> {
  requirePermission(actor, "vacancies:write");
  await db.$transaction(async (tx) => {
    const stage = await loadStage(tx, actor, input.stageId);
    requireStageEditor(stage);
    await tx.$queryRaw`SELECT "id" FROM "VacancyStage" WHERE "id" = ${stage.id} FOR UPDATE`;
    const locked = await tx.vacancyStage.findUniqueOrThrow({ where: { id: stage.id }, select: { strandsLockedAt: true } });
    const started = await tx.scorecard.count({ where: { interview: { stageId: stage.id }, shadow: false } });
    if (locked.strandsLockedAt !== null || started > 0) throw new AppError("CONFLICT", STRANDS_LOCKED, "strands");
    if (input.shown) {
      const stored = await tx.vacancyStageStrand.findMany({ where: { stageId: stage.id }, select: { strand: true, mode: true, weight: true } });
      refuseIfShownChanged({ policy: policyKey(input.shown) }, { policy: policyKey(stored) }, { key: "strands.policyChangedElsewhere" });
    }
    const rows = input.strands.map((r) => ({ ...r, weight: r.mode === "ADVISORY" ? 0 : r.weight }));
    const problem = rows.length === 0 ? null : policyProblem(rows);
    if (problem) throw new AppError("BAD_REQUEST", POLICY_PROBLEMS[problem] ?? POLICY_PROBLEMS.sum!, "strands");
    await tx.vacancyStageStrand.deleteMany({ where: { stageId: stage.id } });
    await tx.vacancyStageStrand.createMany({ data: rows.map((r) => ({ stageId: stage.id, ...r })) });
    await tx.vacancyStage.update({ where: { id: stage.id }, data: { strandsDeclaredAt: rows.length ? new Date() : null } });
    await recordActorEvent(tx, actor, "strands.policy_declared", ["VacancyStage", stage.id], { strands: rows });
  });
  return getStageStrands(db, actor, { stageId: input.stageId });
}

/** A policy's rows compared in any order, as "STRAND MODE WEIGHT". */
const policyKey = (rows: readonly { strand: string; mode: string; weight: number }[]): string[] =>
  rows.map((r) => `${r.strand} ${r.mode} ${r.weight}`).sort();

// What a decision does and checks, shared by deciding and by correcting the outcome: the next stage, the
// rationale's citation, the override rule against the candidates already decided at the stage, and moving
// the candidate.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { DecisionOutcome } from "@/generated/prisma/enums";
import { overrideCase, type DecidedCandidate, type OverrideCase } from "@/lib/debriefs/override";
import { citedCompetencies } from "@/lib/debriefs/rationale";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import { AppError, type ErrorText } from "@/server/errors";
import type { Ranking } from "@/lib/debriefs/mechanical";
import type { PlanStageRow, RankingWithheld, StageRanking } from "./stage-scores";

type Tx = Prisma.TransactionClient;

/** ADVANCE must name a later stage of the same vacancy's plan. */
export function checkNextStage(
  plan: readonly PlanStageRow[],
  stage: { id: string; position: number },
  outcome: DecisionOutcome,
  nextStageId: string | null,
): PlanStageRow | null {
  if (outcome !== "ADVANCE") return null;
  const later = plan.filter((s) => s.position > stage.position);
  const next = later.find((s) => s.id === nextStageId);
  if (!next) {
    throw new AppError(
      "BAD_REQUEST",
      later.length === 0
        ? { key: "debrief.lastStage" }
        : { key: "debrief.chooseLaterStage", values: { stages: later.map((s) => s.name).join(", ") } },
      "nextStageId",
    );
  }
  return next;
}

/** The refusal when no competency is cited, naming every one the chair may cite ("A, B or C"). */
export function rationaleMustCite(competencyNames: readonly string[]): ErrorText {
  return competencyNames.length === 0
    ? { key: "debrief.noCompetenciesToCite" }
    : { key: "debrief.mustCite", values: { names: { list: competencyNames, type: "disjunction" } } };
}

export function checkRationale(rationale: string, competencyNames: readonly string[], field = "rationale"): void {
  if (citedCompetencies(rationale, competencyNames).length === 0) throw new AppError("BAD_REQUEST", rationaleMustCite(competencyNames), field);
}

/** Why an outcome is an override, as errors.json words it (debrief.override.*: the page's own words alike). */
export function overrideText(found: OverrideCase): ErrorText {
  if (found.kind === "rejectTop") return { key: "debrief.override.rejectTop", values: { name: found.name, rankedOf: found.rankedOf } };
  const who: ErrorText = { key: "debrief.override.who", values: { name: found.name, rank: found.rank, rankedOf: found.rankedOf } };
  return {
    key: "debrief.override.inversion",
    values: {
      other: found.other,
      otherRank: found.otherRank,
      past: { key: `debrief.override.past.${found.otherOutcome}` },
      doing: { key: `debrief.override.doing.${found.outcome}`, values: { who } },
      direction: { key: `debrief.override.direction.${found.direction}` },
    },
  };
}

const nameRowSchema = z.object({ name: z.string() });

/**
 * Why the chair can't decide, or change an outcome, yet: the decision is checked against the stage's whole
 * ranking (and the service users' preferred candidate among those decided at the stage), and some of it is
 * drawn from panels the chair sits on without having submitted their own scorecard, where others have (the
 * one rule: withheldFromRanking). Deciding would tell them, in the override's wording, how those panels
 * rated. Names the candidates (the chair knows they sit on those panels); null when nothing is withheld.
 * `ranking` is the whole ranking, not the one the chair is shown.
 */
export async function rankingWithheldText(tx: Pick<Tx, "$queryRaw">, ranking: Ranking, withheld: RankingWithheld): Promise<ErrorText | null> {
  const ids = [...withheld.candidateIds].filter((id) => ranking.has(id) || withheld.atStage.has(id));
  if (ids.length === 0) return null;
  const rows = checkedRows(nameRowSchema, await tx.$queryRaw`SELECT "name" FROM "Candidate" WHERE "id" = ANY(${ids}::text[]) ORDER BY "name", "id"`);
  return { key: "debrief.rankingWithheld", values: { count: rows.length, names: { list: rows.map((r) => r.name), type: "conjunction" } } };
}

const decidedRowSchema = z.object({ candidateId: z.string(), name: z.string(), outcome: z.enum(DecisionOutcome) });

/** The other candidates already decided at the stage, with their current rank. */
export async function decidedAtStage(tx: Tx, stageId: string, exceptCandidateId: string, ranking: StageRanking["ranking"]): Promise<DecidedCandidate[]> {
  const rows = checkedRows(
    decidedRowSchema,
    await tx.$queryRaw`
      SELECT d."candidateId", c."name", d."outcome" FROM "Decision" d JOIN "Candidate" c ON c."id" = d."candidateId"
      WHERE d."stageId" = ${stageId} AND d."candidateId" <> ${exceptCandidateId}`,
  );
  return rows.map((r) => ({ name: r.name, outcome: r.outcome, rank: ranking.get(r.candidateId)?.rank ?? null }));
}

/**
 * Whether the outcome overrides the mechanical order; the justification must be given exactly then. The
 * refusal says why it is an override.
 */
export function checkOverride(
  candidate: { id: string; name: string },
  outcome: DecisionOutcome,
  justification: string,
  ranking: StageRanking["ranking"],
  decided: readonly DecidedCandidate[],
): { isOverride: boolean; rank: number | null; rankedOf: number; score: number | null } {
  const own = ranking.get(candidate.id);
  const rankedOf = ranking.size;
  const reason = overrideCase({ name: candidate.name, rank: own?.rank ?? null, rankedOf }, outcome, decided);
  if (reason && justification === "") throw new AppError("BAD_REQUEST", overrideText(reason), "overrideJustification");
  if (!reason && justification !== "") {
    throw new AppError(
      "BAD_REQUEST",
      { key: "debrief.notAnOverride" },
      "overrideJustification",
    );
  }
  return { isOverride: reason !== null, rank: own?.rank ?? null, rankedOf, score: own?.score ?? null };
}

/** Moves the candidate as the outcome says: to the next stage, or hired, on the reserve list or rejected. */
export async function applyOutcome(
  tx: Tx,
  candidateId: string,
  decision: { outcome: DecisionOutcome; stageId: string; nextStageId: string | null },
  now: Date,
): Promise<void> {
  switch (decision.outcome) {
    case "ADVANCE":
      await tx.candidate.update({ where: { id: candidateId }, data: { stageId: decision.nextStageId, status: "ACTIVE", decidedAt: null } });
      return;
    case "APPOINT":
      await tx.candidate.update({ where: { id: candidateId }, data: { stageId: decision.stageId, status: "HIRED", decidedAt: now } });
      return;
    case "RESERVE":
      await tx.candidate.update({ where: { id: candidateId }, data: { stageId: decision.stageId, status: "RESERVE", decidedAt: now } });
      return;
    case "REJECT":
      await tx.candidate.update({ where: { id: candidateId }, data: { stageId: decision.stageId, status: "REJECTED", decidedAt: now } });
      return;
  }
}

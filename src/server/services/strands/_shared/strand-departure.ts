// Whether a decision departs from the service-user strand's preferred candidate at its stage, and the written
// reason it then needs. The preferred candidates are those with the highest service-user strand score among
// the candidates decided at the stage, the one being decided included (see departsFromServiceUsers in
// @/lib/strands/strand-math). The scores are every counting scorecard's, as the decision's ranking reads them.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { DecisionOutcome } from "@/generated/prisma/enums";
import { departsFromServiceUsers, type DecidedAtStage } from "@/lib/strands/strand-math";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import { AppError } from "@/server/errors";
import { DEPARTURE_REASON_NEEDED } from "./messages";
import { strandScoresAt } from "./strand-scores";

type Tx = Pick<Prisma.TransactionClient, "$queryRaw">;

const FAVOURABLE: ReadonlySet<DecisionOutcome> = new Set(["ADVANCE", "APPOINT"]);
const decidedRowSchema = z.object({ candidateId: z.string(), outcome: z.enum(DecisionOutcome) });

/** Per outcome, whether deciding the candidate so would depart from the service users' preferred candidate. */
export async function departuresByOutcome(tx: Tx, orgId: string, stageId: string, candidateId: string): Promise<Record<DecisionOutcome, boolean>> {
  return (await departures(tx, orgId, stageId, candidateId, new Set()))!;
}

/**
 * departuresByOutcome as a reader may be told it: null when it would compare a candidate whose figures at the
 * stage are withheld from the reader (`withheld`, from withheldAtStages: a panel they sit on without having
 * submitted, where others have), this one or one already decided there. It would tell them how that panel's
 * service users rated.
 */
export async function departuresShown(tx: Tx, orgId: string, stageId: string, candidateId: string, withheld: ReadonlySet<string>): Promise<Record<DecisionOutcome, boolean> | null> {
  return withheld.has(candidateId) ? null : departures(tx, orgId, stageId, candidateId, withheld);
}

async function departures(tx: Tx, orgId: string, stageId: string, candidateId: string, withheld: ReadonlySet<string>): Promise<Record<DecisionOutcome, boolean> | null> {
  const [decided, scores] = await Promise.all([
    tx.$queryRaw`SELECT "candidateId", "outcome" FROM "Decision" WHERE "stageId" = ${stageId} AND "orgId" = ${orgId} AND "candidateId" <> ${candidateId}`,
    strandScoresAt(tx, orgId, stageId),
  ]);
  const decidedRows = checkedRows(decidedRowSchema, decided);
  if (decidedRows.some((d) => withheld.has(d.candidateId))) return null; // the candidate themself: departuresShown
  const su = (id: string) => scores.get(id)?.scores.SERVICE_USER ?? null;
  const others: DecidedAtStage[] = decidedRows.map((d) => ({
    candidateId: d.candidateId,
    favourable: FAVOURABLE.has(d.outcome),
    serviceUserScore: su(d.candidateId),
  }));
  const result = {} as Record<DecisionOutcome, boolean>;
  for (const outcome of Object.values(DecisionOutcome)) {
    result[outcome] = departsFromServiceUsers({ candidateId, favourable: FAVOURABLE.has(outcome), serviceUserScore: su(candidateId) }, others);
  }
  return result;
}

/** The reason to store with the decision: required (BAD_REQUEST without it) exactly when the outcome departs. */
export async function checkStrandDeparture(
  tx: Tx,
  decision: { orgId: string; stageId: string; candidateId: string; outcome: DecisionOutcome; reason: string },
  field = "strandDepartureReason",
): Promise<string | null> {
  const departs = (await departuresByOutcome(tx, decision.orgId, decision.stageId, decision.candidateId))[decision.outcome];
  if (!departs) return null;
  if (decision.reason.trim() === "") throw new AppError("BAD_REQUEST", DEPARTURE_REASON_NEEDED, field);
  return decision.reason.trim();
}

import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { DecisionOutcome } from "@/generated/prisma/enums";
import type { StrandDepartures } from "@/lib/schemas/strands";
import { debriefVisibleTo, pendingSeatAt } from "@/server/access/scorecard-visibility";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import type { Actor } from "@/server/services/actor";

const rowSchema = z.object({
  candidateName: z.string().nullable(),
  stageName: z.string(),
  outcome: z.enum(DecisionOutcome),
  reason: z.string(),
  decidedAt: z.date(),
});

/**
 * The reasons given where a decision at the interview's stage departed from the service-user strand's
 * preferred candidate, for that strand's members: the caller must sit on the interview as a service user and
 * have submitted their own scorecard (so the decision reaches nobody before their own judgement is in);
 * anyone else on the panel reads an empty list, anyone off it NOT_FOUND. A candidate the caller may not read
 * a debrief of (the one rule) is named only as another candidate at the stage; a decision on a candidate whose
 * panel at the stage the caller sits on without having submitted is not listed at all (the rule hides it).
 */
export async function listStrandDepartures(db: Db, actor: Actor, input: { interviewId: string }): Promise<StrandDepartures> {
  const seat = await db.panelMember.findFirst({
    where: { interviewId: input.interviewId, userId: actor.userId, interview: { orgId: actor.orgId } },
    select: { strand: true, shadow: true, interview: { select: { stageId: true } } },
  });
  if (!seat) throw notFound("Interview");
  const submitted = await db.scorecard.count({ where: { interviewId: input.interviewId, panelistId: actor.userId, status: "SUBMITTED" } });
  if (seat.strand !== "SERVICE_USER" || seat.shadow || submitted === 0 || seat.interview.stageId === null) return { departures: [] };
  const rows = checkedRows(
    rowSchema,
    await db.$queryRaw`
      SELECT CASE WHEN ${debriefVisibleTo(actor, Prisma.raw(`d."candidateId"`), Prisma.raw(`d."stageId"`))} THEN c."name" END AS "candidateName",
        s."name" AS "stageName", d."outcome", d."strandDepartureReason" AS "reason", d."decidedAt"
      FROM "Decision" d
      JOIN "Candidate" c ON c."id" = d."candidateId"
      JOIN "VacancyStage" s ON s."id" = d."stageId"
      WHERE d."stageId" = ${seat.interview.stageId} AND d."orgId" = ${actor.orgId} AND d."strandDepartureReason" IS NOT NULL
        AND NOT ${pendingSeatAt(actor, Prisma.raw(`d."candidateId"`), Prisma.raw(`d."stageId"`))}
      ORDER BY d."decidedAt", d."id"`,
  );
  return { departures: rows.map((r) => ({ candidateLabel: r.candidateName ?? "", stageName: r.stageName, outcome: r.outcome, reason: r.reason, decidedAt: r.decidedAt })) };
}

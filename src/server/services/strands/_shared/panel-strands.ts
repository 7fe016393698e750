// Keeping panel members' strands where panels are written: a stage's default panel rewritten by the plan
// editor keeps each member's strand, and an interview scheduled for a stage seats its default panelists in
// their strands.
import type { Prisma } from "@/generated/prisma/client";
import type { PanelStrand } from "@/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

/** The strands of the stages' default panelists now, as a lookup (STAFF for anyone not there). */
export async function defaultPanelStrands(tx: Tx, stageIds: string[]): Promise<(stageId: string, userId: string) => PanelStrand> {
  const rows = await tx.vacancyStagePanelist.findMany({ where: { stageId: { in: stageIds } }, select: { stageId: true, userId: true, strand: true } });
  const map = new Map(rows.map((r) => [`${r.stageId}:${r.userId}`, r.strand]));
  return (stageId, userId) => map.get(`${stageId}:${userId}`) ?? "STAFF";
}

/** Seats the interview's panel members who are on the stage's default panel in their default strand. */
export async function copyStageStrands(tx: Tx, interviewId: string, stageId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "PanelMember" pm SET "strand" = vsp."strand"
    FROM "VacancyStagePanelist" vsp
    WHERE pm."interviewId" = ${interviewId} AND vsp."stageId" = ${stageId} AND vsp."userId" = pm."userId" AND vsp."strand" <> pm."strand"`;
}

// The debrief a panelist can reach from an interview: the debrief of the interview's candidate at the
// interview's stage, when the one access rule lets the viewer read it (a pending seat on that stage's panel
// hides it, whatever the role). For My interviews and the interview page.
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { DebriefStatus } from "@/generated/prisma/enums";
import { debriefRowVisibleTo } from "@/server/access/debrief-visibility";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import type { Actor } from "@/server/services/actor";

type Reader = Pick<Prisma.TransactionClient, "$queryRaw">;

const rowSchema = z.object({ interviewId: z.string(), id: z.string(), status: z.enum(DebriefStatus) });
export type InterviewDebrief = { id: string; status: DebriefStatus };

/** Per interview id, the debrief at its candidate's stage the actor may read (absent when none or hidden). */
export async function debriefsOfInterviews(db: Reader, actor: Actor, interviewIds: readonly string[]): Promise<Map<string, InterviewDebrief>> {
  if (interviewIds.length === 0) return new Map();
  const rows = checkedRows(
    rowSchema,
    await db.$queryRaw`
      SELECT i."id" AS "interviewId", d."id", d."status"
      FROM "Interview" i
      JOIN "Debrief" d ON d."candidateId" = i."candidateId" AND d."stageId" = i."stageId"
      WHERE i."id" IN (${Prisma.join([...interviewIds])}) AND i."orgId" = ${actor.orgId} AND ${debriefRowVisibleTo(actor)}`,
  );
  return new Map(rows.map((r) => [r.interviewId, { id: r.id, status: r.status }]));
}

// What a viewer may compare: positions, scripts and panelists among the candidates they can see.
import { z } from "zod";
import { checkedRows } from "../_shared/checked-rows";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { scorecardVisibleTo } from "@/server/access/scorecard-visibility";
import { candidateVisibility } from "./insight-scope";

const positionRowSchema = z.object({ position: z.string() });
const interviewerRowSchema = z.object({ userId: z.string(), name: z.string() });

export async function listInsightScopes(db: Db, actor: Actor) {
  requirePermission(actor, "insights:read");
  const visible = candidateVisibility(actor);
  const ownScripts = actor.role === "HIRING_MANAGER";
  const [positions, scripts, interviewers] = await Promise.all([
    db.$queryRaw`
      SELECT DISTINCT c."position" FROM "Candidate" c
      WHERE c."orgId" = ${actor.orgId} AND ${visible}
      ORDER BY c."position"`.then((rows) => checkedRows(positionRowSchema, rows)),
    db.interviewScript.findMany({
      where: { orgId: actor.orgId, ...(ownScripts ? { createdById: actor.userId } : {}) },
      orderBy: [{ title: "asc" }, { id: "asc" }],
      select: { id: true, title: true, role: true },
    }),
    db.$queryRaw`
      SELECT DISTINCT u."id" AS "userId", u."name"
      FROM "Scorecard" sc
      JOIN "Interview" i ON i."id" = sc."interviewId"
      JOIN "Candidate" c ON c."id" = i."candidateId"
      JOIN "User" u ON u."id" = sc."panelistId"
      WHERE sc."orgId" = ${actor.orgId} AND sc."status" = 'SUBMITTED'::"ScorecardStatus" AND ${visible}
        AND ${scorecardVisibleTo(actor)}
      ORDER BY u."name", u."id"`.then((rows) => checkedRows(interviewerRowSchema, rows)),
  ]);
  return { positions: positions.map((p) => p.position), scripts, interviewers };
}

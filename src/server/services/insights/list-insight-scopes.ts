// What a viewer may compare: vacancies (with their stages), scripts and panelists among the candidates they
// can see.
import { z } from "zod";
import { checkedRows } from "../_shared/checked-rows";
import { VacancyStatus } from "@/generated/prisma/enums";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { scorecardVisibleTo } from "@/server/access/scorecard-visibility";
import { candidateVisibility } from "./insight-scope";

const vacancyRowSchema = z.object({ id: z.string(), title: z.string(), status: z.enum(VacancyStatus) });
const interviewerRowSchema = z.object({ userId: z.string(), name: z.string() });

export async function listInsightScopes(db: Db, actor: Actor) {
  requirePermission(actor, "insights:read");
  const visible = candidateVisibility(actor);
  const ownScripts = actor.role === "HIRING_MANAGER";
  const [vacancies, scripts, interviewers] = await Promise.all([
    // The vacancies with a candidate in the viewer's scope, by title (one index probe on Candidate (vacancyId) each).
    db.$queryRaw`
      SELECT v."id", v."title", v."status" FROM "Vacancy" v
      WHERE v."orgId" = ${actor.orgId}
        AND EXISTS (SELECT 1 FROM "Candidate" c WHERE c."vacancyId" = v."id" AND c."orgId" = ${actor.orgId} AND ${visible})
      ORDER BY v."title", v."id"`.then((rows) => checkedRows(vacancyRowSchema, rows)),
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
  const stages = await db.vacancyStage.findMany({
    where: { vacancyId: { in: vacancies.map((v) => v.id) } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, name: true, vacancyId: true },
  });
  const stagesOf = new Map<string, Array<{ id: string; name: string }>>();
  for (const { vacancyId, ...stage } of stages) stagesOf.set(vacancyId, [...(stagesOf.get(vacancyId) ?? []), stage]);
  return { vacancies: vacancies.map((v) => ({ ...v, stages: stagesOf.get(v.id) ?? [] })), scripts, interviewers };
}

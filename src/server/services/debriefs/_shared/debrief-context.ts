// A debrief as a use case needs it: its candidate, vacancy and stage, whether the actor chairs it, all read
// through the one access rule (a debrief the actor may not read is NOT_FOUND, like another organisation's).
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { CandidateStatus, DebriefStatus } from "@/generated/prisma/enums";
import { CHAIRS_ONLY, chairsVacancy, debriefRowVisibleTo, debriefVisibleTo } from "@/server/access/debrief-visibility";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import { AppError, notFound } from "@/server/errors";
import type { Actor } from "@/server/services/actor";

type Reader = Pick<Prisma.TransactionClient, "$queryRaw">;

const contextRowSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  status: z.enum(DebriefStatus),
  version: z.number().int(),
  chairId: z.string().nullable(),
  openedAt: z.date(),
  closedAt: z.date().nullable(),
  openedEarlyReason: z.string().nullable(),
  candidateId: z.string(),
  candidateName: z.string(),
  candidateStatus: z.enum(CandidateStatus),
  erased: z.boolean(),
  currentStageId: z.string().nullable(),
  vacancyId: z.string(),
  vacancyTitle: z.string(),
  stageId: z.string(),
  stageName: z.string(),
  stagePosition: z.number().int(),
  counts: z.boolean(),
  scriptVersionId: z.string().nullable(),
  isChair: z.boolean(),
});
export type DebriefContext = z.output<typeof contextRowSchema>;

/**
 * The debrief the actor may read, or NOT_FOUND. `lock` locks the debrief's row until the transaction ends,
 * so entries, the decision and corrections of one debrief never interleave.
 */
export async function loadDebrief(db: Reader, actor: Actor, debriefId: string, options: { lock?: boolean } = {}): Promise<DebriefContext> {
  const rows = await db.$queryRaw`
    SELECT d."id", d."orgId", d."status", d."version", d."chairId", d."openedAt", d."closedAt", d."openedEarlyReason",
      c."id" AS "candidateId", c."name" AS "candidateName", c."status" AS "candidateStatus",
      (c."anonymizedAt" IS NOT NULL) AS "erased", c."stageId" AS "currentStageId",
      v."id" AS "vacancyId", v."title" AS "vacancyTitle",
      s."id" AS "stageId", s."name" AS "stageName", s."position" AS "stagePosition", s."counts", s."scriptVersionId",
      ${chairsVacancy(actor, Prisma.raw(`v."id"`))} AS "isChair"
    FROM "Debrief" d
    JOIN "Candidate" c ON c."id" = d."candidateId"
    JOIN "Vacancy" v ON v."id" = c."vacancyId"
    JOIN "VacancyStage" s ON s."id" = d."stageId"
    WHERE d."id" = ${debriefId} AND ${debriefRowVisibleTo(actor)}
    ${options.lock ? Prisma.sql`FOR UPDATE OF d` : Prisma.empty}`;
  const [row] = checkedRows(contextRowSchema, rows);
  if (!row) throw notFound("Debrief");
  return row;
}

export function requireChair(context: { isChair: boolean }): void {
  if (!context.isChair) throw new AppError("FORBIDDEN", CHAIRS_ONLY);
}

const candidateStageRowSchema = z.object({
  candidateId: z.string(),
  candidateName: z.string(),
  candidateStatus: z.enum(CandidateStatus),
  erased: z.boolean(),
  vacancyId: z.string(),
  stageId: z.string().nullable(),
  stageName: z.string().nullable(),
  scriptVersionId: z.string().nullable(),
  visible: z.boolean(),
  isChair: z.boolean(),
});

/**
 * A candidate and one stage of their vacancy's plan, for opening a debrief: NOT_FOUND when the candidate is
 * not the organisation's, or the actor may not read a debrief of them at that stage; the stage must be the
 * vacancy's.
 */
export async function loadCandidateAtStage(db: Reader, actor: Actor, candidateId: string, stageId: string) {
  const rows = await db.$queryRaw`
    SELECT c."id" AS "candidateId", c."name" AS "candidateName", c."status" AS "candidateStatus",
      (c."anonymizedAt" IS NOT NULL) AS "erased", c."vacancyId",
      s."id" AS "stageId", s."name" AS "stageName", s."scriptVersionId",
      ${debriefVisibleTo(actor, Prisma.raw(`c."id"`), Prisma.sql`${stageId}`)} AS "visible",
      ${chairsVacancy(actor, Prisma.raw(`c."vacancyId"`))} AS "isChair"
    FROM "Candidate" c
    LEFT JOIN "VacancyStage" s ON s."id" = ${stageId} AND s."vacancyId" = c."vacancyId"
    WHERE c."id" = ${candidateId} AND c."orgId" = ${actor.orgId}`;
  const [row] = checkedRows(candidateStageRowSchema, rows);
  if (!row || !row.visible) throw notFound("Candidate");
  if (row.stageId === null || row.stageName === null) {
    throw new AppError("BAD_REQUEST", { key: "debrief.stageNotInPlan" }, "stageId");
  }
  return { ...row, stageId: row.stageId, stageName: row.stageName };
}

/** Locks the stage's row: decisions at one stage of a vacancy run one at a time, so the override rule sees each. */
export async function lockStage(tx: Reader, stageId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "VacancyStage" WHERE "id" = ${stageId} FOR UPDATE`;
}

/** The stage of a debrief in the actor's organisation (before anything is locked), or NOT_FOUND. */
export async function debriefStageId(db: Reader, actor: Actor, debriefId: string): Promise<string> {
  const rows = checkedRows(
    z.object({ stageId: z.string() }),
    await db.$queryRaw`SELECT "stageId" FROM "Debrief" WHERE "id" = ${debriefId} AND "orgId" = ${actor.orgId}`,
  );
  const row = rows[0];
  if (!row) throw notFound("Debrief");
  return row.stageId;
}

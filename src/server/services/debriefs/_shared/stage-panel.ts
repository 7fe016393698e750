// A candidate's interviews at one stage (cancelled ones aside) and their panel in panel order (the
// interviews by date, each panel in the order its members were added), with who has submitted.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import { AppError, type ErrorText } from "@/server/errors";

type Reader = Pick<Prisma.TransactionClient, "$queryRaw">;

const seatRowSchema = z.object({
  interviewId: z.string(),
  scriptVersionId: z.string(),
  userId: z.string().nullable(),
  name: z.string().nullable(),
  submitted: z.boolean(),
});

export type StagePanel = {
  interviewIds: string[];
  scriptVersionIds: string[];
  /** Each person once, in panel order; submitted when every seat of theirs at the stage is. */
  panel: Array<{ id: string; name: string; submitted: boolean }>;
  missing: Array<{ id: string; name: string }>;
};

export async function loadStagePanel(db: Reader, orgId: string, candidateId: string, stageId: string): Promise<StagePanel> {
  const rows = checkedRows(
    seatRowSchema,
    await db.$queryRaw`
      SELECT i."id" AS "interviewId", i."scriptVersionId", pm."userId", u."name",
        EXISTS (SELECT 1 FROM "Scorecard" sc WHERE sc."interviewId" = i."id" AND sc."panelistId" = pm."userId"
          AND sc."status" = 'SUBMITTED'::"ScorecardStatus") AS "submitted"
      FROM "Interview" i
      LEFT JOIN "PanelMember" pm ON pm."interviewId" = i."id" AND NOT pm."shadow"
      LEFT JOIN "User" u ON u."id" = pm."userId"
      WHERE i."orgId" = ${orgId} AND i."candidateId" = ${candidateId} AND i."stageId" = ${stageId}
        AND i."status" <> 'CANCELLED'::"InterviewStatus"
      ORDER BY i."scheduledAt", i."id", pm."addedAt", u."name", pm."userId"`,
  );
  const interviewIds = [...new Set(rows.map((r) => r.interviewId))];
  const scriptVersionIds = [...new Set(rows.map((r) => r.scriptVersionId))];
  const people = new Map<string, { id: string; name: string; submitted: boolean }>();
  for (const row of rows) {
    if (row.userId === null) continue;
    const person = people.get(row.userId);
    if (person) person.submitted &&= row.submitted;
    else people.set(row.userId, { id: row.userId, name: row.name ?? "", submitted: row.submitted });
  }
  const panel = [...people.values()];
  return { interviewIds, scriptVersionIds, panel, missing: panel.filter((p) => !p.submitted).map(({ id, name }) => ({ id, name })) };
}

const versionRowSchema = z.object({ id: z.string(), version: z.number().int(), title: z.string() });

/**
 * Why the stage's script version can't be combined with the candidate's interviews at the stage, or null:
 * the plan's stage was moved to another version (or has none) after the interviews were run with theirs.
 * A message of errors.json, so the refusal and the debrief page's warning read in the reader's language.
 */
export async function scriptVersionProblem(
  db: Reader,
  stage: { name: string; scriptVersionId: string | null },
  candidateName: string,
  interviewVersionIds: readonly string[],
): Promise<ErrorText | null> {
  if (stage.scriptVersionId === null) return { key: "debrief.noScriptVersion", values: { stage: stage.name } };
  const others = interviewVersionIds.filter((id) => id !== stage.scriptVersionId);
  if (others.length === 0) return null;
  const ids = [stage.scriptVersionId, ...others];
  const versions = checkedRows(
    versionRowSchema,
    await db.$queryRaw`
      SELECT v."id", v."version", s."title" FROM "ScriptVersion" v JOIN "InterviewScript" s ON s."id" = v."scriptId"
      WHERE v."id" = ANY(${ids}::text[])`,
  );
  const label = (id: string): ErrorText => {
    const v = versions.find((x) => x.id === id);
    return v ? { key: "debrief.scriptVersion", values: { version: v.version, title: v.title } } : { key: "debrief.anotherScriptVersion" };
  };
  return { key: "debrief.versionMismatch", values: { stage: stage.name, current: label(stage.scriptVersionId), candidate: candidateName, used: others.map(label) } };
}

/** Refuses to record anything while the stage's script version does not match the interviews'. */
export function assertNoVersionProblem(problem: ErrorText | null): void {
  if (problem) throw new AppError("CONFLICT", problem);
}

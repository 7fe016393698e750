import { Prisma } from "@/generated/prisma/client";
import type { SearchQuestionsInput } from "@/lib/schemas/banks";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { questionCompetencyRefsSelect, questionCoreSelect } from "./_shared/selects";

/**
 * Filters (by bank, by competency slug) and full-text searches the questions an organisation can see: the
 * query's words are looked for in the question, what it assesses and the guidance, in web-search syntax
 * ("quoted phrase", -word, or). Ranking and filtering run in one SQL statement; Postgres' English stemming
 * lets "ethic" find "ethical".
 */
export async function searchQuestions(db: Db, actor: Actor, input: SearchQuestionsInput) {
  requirePermission(actor, "banks:read");
  const query = input.query?.trim() ?? "";
  const document = Prisma.sql`to_tsvector('english', q."text" || ' ' || q."assesses" || ' ' || q."howToAnswer")`;
  const tsQuery = Prisma.sql`websearch_to_tsquery('english', ${query})`;
  const conditions: Prisma.Sql[] = [Prisma.sql`(b."orgId" IS NULL OR b."orgId" = ${actor.orgId})`];
  if (input.bankId) conditions.push(Prisma.sql`q."bankId" = ${input.bankId}`);
  if (input.competency) {
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "QuestionCompetency" qc JOIN "Competency" c ON c."id" = qc."competencyId"
      WHERE qc."questionId" = q."id" AND c."slug" = ${input.competency}
        AND (c."orgId" IS NULL OR c."orgId" = ${actor.orgId}))`);
  }
  if (query) conditions.push(Prisma.sql`${document} @@ ${tsQuery}`);
  const where = Prisma.join(conditions, " AND ");
  const order = query
    ? Prisma.sql`ts_rank(${document}, ${tsQuery}) DESC, b."name", q."position"`
    : Prisma.sql`b."name", q."position"`;

  const rows = await db.$queryRaw<{ id: string; total: bigint }[]>`
    SELECT q."id", count(*) OVER () AS total
    FROM "Question" q JOIN "QuestionBank" b ON b."id" = q."bankId"
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${input.limit} OFFSET ${input.offset}`;
  const total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  if (rows.length === 0) return { total, questions: [] };

  const questions = await db.question.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    select: {
      ...questionCoreSelect,
      bank: { select: { id: true, name: true, translations: true } },
      competencies: questionCompetencyRefsSelect,
    },
  });
  const byId = new Map(questions.map((q) => [q.id, q]));
  return {
    total,
    questions: rows
      .map((r) => byId.get(r.id))
      .filter((q): q is NonNullable<typeof q> => Boolean(q))
      .map((q) => ({ ...q, competencies: q.competencies.map((c) => c.competency) })),
  };
}

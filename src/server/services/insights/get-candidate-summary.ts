// One candidate's panel results: competency statistics, weighted score, recommendations, scorecards and a
// question-by-question view with disagreement flags. Only submitted scorecards the viewer may see are read.
import { z } from "zod";
import { checkedRows } from "../_shared/checked-rows";
import { Prisma } from "@/generated/prisma/client";
import { CandidateStatus, Recommendation } from "@/generated/prisma/enums";
import { weightedScore } from "@/lib/statistics/describe-scores";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { visibleContact } from "@/server/services/candidates/_shared/candidate-contact";
import { loadBlindLabels, redactCandidate } from "./blind-labels";
import { scorecardVisibleTo, withheldFromPendingSeats } from "@/server/access/scorecard-visibility";
import { candidateVisibility } from "./insight-scope";
import { loadVersionWeights } from "./script-weights";

/** Panelists' scores on one cell differing by this much or more is flagged as a disagreement. */
export const DISAGREEMENT_SPREAD = 2;

const competencyAggregateSchema = z.object({
  id: z.string(),
  name: z.string(),
  sortOrder: z.number().int(),
  mean: z.number().nullable(),
  n: z.number().int(),
  notAssessed: z.number().int(),
  min: z.number().int().nullable(),
  max: z.number().int().nullable(),
  sd: z.number().nullable(),
});

const questionRowSchema = z.object({
  interviewId: z.string(),
  interviewDate: z.date(),
  itemId: z.string(),
  number: z.number().int(),
  text: z.string(),
  competencyId: z.string(),
  competencyName: z.string(),
});

const ratingRowSchema = z.object({
  interviewId: z.string(),
  itemId: z.string(),
  competencyId: z.string(),
  panelistId: z.string(),
  panelistName: z.string(),
  score: z.number().int().nullable(),
  notAssessed: z.boolean(),
  spread: z.number().int().nullable(),
});
type RatingRow = z.infer<typeof ratingRowSchema>;

const scorecardRowSchema = z.object({
  id: z.string(),
  interviewId: z.string(),
  panelistId: z.string(),
  panelistName: z.string(),
  recommendation: z.enum(Recommendation).nullable(),
  summary: z.string(),
  submittedAt: z.date().nullable(),
  assisted: z.boolean(),
  supporterName: z.string().nullable(),
});

const noteRowSchema = z.object({ interviewId: z.string(), itemId: z.string(), panelistName: z.string(), body: z.string() });

const candidateRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  vacancy: z.string(),
  stage: z.string().nullable(),
  status: z.enum(CandidateStatus),
});

const latestVersionRowSchema = z.object({ scriptVersionId: z.string() });

/**
 * The SQL a summary runs after the visibility check (all statements in parallel); exported so the
 * benchmark can time the same SQL straight against the database as the floor for the endpoint.
 */
export function summaryQueries(actor: Actor, candidateId: string) {
  // The one visibility rule (drafts, independence, the role's scope), and only submitted scorecards count.
  const submittedAndVisible = Prisma.sql`sc."status" = 'SUBMITTED'::"ScorecardStatus" AND ${scorecardVisibleTo(actor)}`;
  return {
    competencies: Prisma.sql`
      SELECT comp."id", comp."name", comp."sortOrder",
        avg(r."score")::float8 AS "mean", count(r."score")::int AS "n",
        count(*) FILTER (WHERE r."notAssessed")::int AS "notAssessed",
        min(r."score")::int AS "min", max(r."score")::int AS "max", stddev_samp(r."score")::float8 AS "sd"
      FROM "Scorecard" sc
      JOIN "Interview" i ON i."id" = sc."interviewId"
      JOIN "Rating" r ON r."scorecardId" = sc."id"
      JOIN "Competency" comp ON comp."id" = r."competencyId"
      WHERE i."candidateId" = ${candidateId} AND i."orgId" = ${actor.orgId}
        AND ${submittedAndVisible}
      GROUP BY comp."id"`,
    latest: Prisma.sql`
      SELECT i."scriptVersionId"
      FROM "Interview" i
      WHERE i."candidateId" = ${candidateId} AND i."orgId" = ${actor.orgId}
        AND EXISTS (SELECT 1 FROM "Scorecard" sc WHERE sc."interviewId" = i."id" AND ${submittedAndVisible})
      ORDER BY i."scheduledAt" DESC, i."id" DESC
      LIMIT 1`,
    scorecards: Prisma.sql`
      SELECT sc."id", sc."interviewId", sc."panelistId", u."name" AS "panelistName", sc."recommendation", sc."summary", sc."submittedAt",
        sc."assisted", sc."supporterName"
      FROM "Scorecard" sc
      JOIN "Interview" i ON i."id" = sc."interviewId"
      JOIN "User" u ON u."id" = sc."panelistId"
      WHERE i."candidateId" = ${candidateId} AND i."orgId" = ${actor.orgId}
        AND ${submittedAndVisible}
      ORDER BY i."scheduledAt", sc."interviewId", u."name", sc."panelistId"`,
    questions: Prisma.sql`
      WITH interviews AS (
        SELECT i."id", i."scheduledAt", i."scriptVersionId"
        FROM "Interview" i
        WHERE i."candidateId" = ${candidateId} AND i."orgId" = ${actor.orgId}
          AND EXISTS (SELECT 1 FROM "Scorecard" sc WHERE sc."interviewId" = i."id" AND ${submittedAndVisible})
      ), items AS (
        SELECT iv."id" AS "interviewId", iv."scheduledAt" AS "interviewDate", it."id" AS "itemId", it."text",
          ROW_NUMBER() OVER (PARTITION BY iv."id" ORDER BY sec."position", sec."id", it."position", it."id")::int AS "number"
        FROM interviews iv
        JOIN "ScriptSection" sec ON sec."versionId" = iv."scriptVersionId"
        JOIN "ScriptItem" it ON it."sectionId" = sec."id"
      )
      SELECT items.*, ic."competencyId", comp."name" AS "competencyName"
      FROM items
      JOIN "ScriptItemCompetency" ic ON ic."itemId" = items."itemId"
      JOIN "Competency" comp ON comp."id" = ic."competencyId"
      ORDER BY items."interviewDate", items."interviewId", items."number", ic."position"`,
    ratings: Prisma.sql`
      SELECT sc."interviewId", r."itemId", r."competencyId", sc."panelistId", u."name" AS "panelistName",
        r."score", r."notAssessed",
        CASE WHEN count(r."score") OVER cell >= 2 THEN (max(r."score") OVER cell - min(r."score") OVER cell)::int END AS "spread"
      FROM "Scorecard" sc
      JOIN "Interview" i ON i."id" = sc."interviewId"
      JOIN "Rating" r ON r."scorecardId" = sc."id"
      JOIN "User" u ON u."id" = sc."panelistId"
      WHERE i."candidateId" = ${candidateId} AND i."orgId" = ${actor.orgId}
        AND ${submittedAndVisible}
      WINDOW cell AS (PARTITION BY sc."interviewId", r."itemId", r."competencyId")
      ORDER BY u."name", sc."panelistId"`,
    notes: Prisma.sql`
      SELECT sc."interviewId", n."itemId", u."name" AS "panelistName", n."body"
      FROM "Scorecard" sc
      JOIN "Interview" i ON i."id" = sc."interviewId"
      JOIN "ScorecardNote" n ON n."scorecardId" = sc."id"
      JOIN "User" u ON u."id" = sc."panelistId"
      WHERE i."candidateId" = ${candidateId} AND i."orgId" = ${actor.orgId}
        AND ${submittedAndVisible} AND btrim(n."body") <> ''
      ORDER BY u."name", sc."panelistId"`,
  };
}

/** The aggregate SQL of a candidate summary, in the order it runs. */
export function candidateSummaryQueries(actor: Actor, candidateId: string): Prisma.Sql[] {
  return Object.values(summaryQueries(actor, candidateId));
}

export async function getCandidateSummary(db: Db, actor: Actor, input: { candidateId: string; blind: boolean }) {
  requirePermission(actor, "insights:read");
  const candidateRows = await db.$queryRaw`
    SELECT c."id", c."name", c."email", c."phone", v."title" AS "vacancy", st."name" AS "stage", c."status"
    FROM "Candidate" c
    JOIN "Vacancy" v ON v."id" = c."vacancyId"
    LEFT JOIN "VacancyStage" st ON st."id" = c."stageId"
    WHERE c."id" = ${input.candidateId} AND c."orgId" = ${actor.orgId} AND ${candidateVisibility(actor)}`;
  const [candidate] = checkedRows(candidateRowSchema, candidateRows);
  if (!candidate) throw notFound("Candidate");

  const queries = summaryQueries(actor, candidate.id);
  const [competencyRows, latest, scorecards, questionRows, ratingRows, notes, labels, withheld] = await Promise.all([
    db.$queryRaw(queries.competencies).then((rows) => checkedRows(competencyAggregateSchema, rows)),
    db.$queryRaw(queries.latest).then((rows) => checkedRows(latestVersionRowSchema, rows)),
    db.$queryRaw(queries.scorecards).then((rows) => checkedRows(scorecardRowSchema, rows)),
    db.$queryRaw(queries.questions).then((rows) => checkedRows(questionRowSchema, rows)),
    db.$queryRaw(queries.ratings).then((rows) => checkedRows(ratingRowSchema, rows)),
    db.$queryRaw(queries.notes).then((rows) => checkedRows(noteRowSchema, rows)),
    input.blind ? loadBlindLabels(db, actor.orgId, [candidate.id]) : null,
    withheldFromPendingSeats(db, actor, { candidateId: candidate.id }),
  ]);

  const label = labels ? (labels.get(candidate.id) ?? "Candidate") : candidate.name;
  const shown = (text: string) => (input.blind ? redactCandidate(text, candidate, label) : text);

  const weights = latest[0] ? ((await loadVersionWeights(db, [latest[0].scriptVersionId])).get(latest[0].scriptVersionId) ?? []) : [];
  const weightOf = new Map(weights.map((w) => [w.competencyId, w]));
  const competencies = competencyRows
    .sort((a, b) => {
      const pa = weightOf.get(a.id)?.position ?? Number.MAX_SAFE_INTEGER;
      const pb = weightOf.get(b.id)?.position ?? Number.MAX_SAFE_INTEGER;
      return pa - pb || a.sortOrder - b.sortOrder || a.name.localeCompare(b.name);
    })
    .map(({ sortOrder: _sortOrder, ...c }) => ({ ...c, weight: weightOf.get(c.id)?.weight ?? null }));
  const meanOf = new Map(competencies.map((c) => [c.id, c.mean]));

  const recommendations: Record<Recommendation, number> = { STRONG_NO: 0, NO: 0, YES: 0, STRONG_YES: 0 };
  for (const card of scorecards) if (card.recommendation) recommendations[card.recommendation] += 1;

  const ratingsByCell = new Map<string, RatingRow[]>();
  for (const rating of ratingRows) {
    const key = `${rating.interviewId}|${rating.itemId}|${rating.competencyId}`;
    const list = ratingsByCell.get(key) ?? [];
    list.push(rating);
    ratingsByCell.set(key, list);
  }
  const notesByItem = new Map<string, Array<{ panelistName: string; body: string }>>();
  for (const note of notes) {
    const key = `${note.interviewId}|${note.itemId}`;
    const list = notesByItem.get(key) ?? [];
    list.push({ panelistName: note.panelistName, body: shown(note.body) });
    notesByItem.set(key, list);
  }

  type Question = {
    interviewId: string;
    interviewDate: Date;
    itemId: string;
    number: number;
    text: string;
    competencies: Array<{
      id: string;
      name: string;
      ratings: Array<{ panelistId: string; panelistName: string; score: number | null; notAssessed: boolean }>;
      spread: number | null;
      disagreement: boolean;
    }>;
    notes: Array<{ panelistName: string; body: string }>;
  };
  const questions: Question[] = [];
  let disagreements = 0;
  for (const row of questionRows) {
    let question = questions.at(-1);
    if (!question || question.interviewId !== row.interviewId || question.itemId !== row.itemId) {
      question = {
        interviewId: row.interviewId,
        interviewDate: row.interviewDate,
        itemId: row.itemId,
        number: row.number,
        text: row.text,
        competencies: [],
        notes: notesByItem.get(`${row.interviewId}|${row.itemId}`) ?? [],
      };
      questions.push(question);
    }
    const ratings = ratingsByCell.get(`${row.interviewId}|${row.itemId}|${row.competencyId}`) ?? [];
    const spread = ratings[0]?.spread ?? null;
    const disagreement = spread !== null && spread >= DISAGREEMENT_SPREAD;
    if (disagreement) disagreements += 1;
    question.competencies.push({
      id: row.competencyId,
      name: row.competencyName,
      ratings: ratings.map(({ panelistId, panelistName, score, notAssessed }) => ({ panelistId, panelistName, score, notAssessed })),
      spread,
      disagreement,
    });
  }

  const contact = input.blind ? { email: null, phone: null } : visibleContact(actor, { ...candidate, notes: "" });
  return {
    candidate: {
      id: candidate.id,
      label,
      vacancy: candidate.vacancy,
      stage: candidate.stage,
      status: candidate.status,
      email: contact.email,
      phone: contact.phone,
    },
    competencies,
    weightedScore: weightedScore(weights.map((w) => ({ mean: meanOf.get(w.competencyId) ?? null, weight: w.weight }))),
    recommendations,
    scorecards: scorecards.map((card) => ({
      id: card.id,
      interviewId: card.interviewId,
      panelistId: card.panelistId,
      panelistName: card.panelistName,
      recommendation: card.recommendation,
      summary: shown(card.summary),
      submittedAt: card.submittedAt,
      assisted: card.assisted,
      supporterName: card.supporterName,
    })),
    questions,
    disagreements,
    withheld: { scorecards: withheld.scorecards, reason: withheld.reason },
  };
}

export type CandidateSummary = Awaited<ReturnType<typeof getCandidateSummary>>;

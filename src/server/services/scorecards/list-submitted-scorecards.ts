// Submitted scorecards of one interview or of a whole vacancy, for the REST API: keyset pages in order of
// last change. Drafts never leave (status SUBMITTED, whoever asks, their author included) and every row
// passes the independence rule (scorecardVisibleTo) exactly as the app's reads do. Summary and evidence
// notes only when asked for (the key's scorecards:notes scope).
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { apiScorecardSchema } from "@/lib/schemas/api-v1";
import { scorecardVisibleTo } from "@/server/access/scorecard-visibility";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { checkedRows } from "../_shared/checked-rows";
import { loadBlindLabels, redactCandidate } from "../insights/blind-labels";
import { keysetCondition, pageResult, type KeysetPage } from "../_shared/keyset-page";

export type SubmittedScorecardsInput = KeysetPage &
  ({ interviewId: string } | { vacancyId: string }) & {
    withNotes: boolean;
    /** Blind review: the candidate's name and contact data in summaries and notes replaced by their label, as the app's blind views do. */
    blind?: boolean;
  };

/** A row as the statement returns it: ratings and notes as the JSON text Postgres wrote. */
const rowSchema = apiScorecardSchema.omit({ ratings: true, summary: true, notes: true }).extend({
  ratings: z.string(),
  summary: z.string().nullable(),
  notes: z.string().nullable(),
});
const ratingsSchema = apiScorecardSchema.shape.ratings;
const notesSchema = apiScorecardSchema.shape.notes.unwrap();

export function submittedScorecardsSql(actor: Actor, input: SubmittedScorecardsInput): Prisma.Sql {
  // A vacancy's scorecards are one range of the (vacancyId, status, updatedAt, id) index, read in page order;
  // the rule asks about each row's candidate by lookups (perRow) rather than building the set of every
  // candidate a hiring manager owns for one page of a hundred.
  const which = "interviewId" in input ? Prisma.sql`i."id" = ${input.interviewId}` : Prisma.sql`sc."vacancyId" = ${input.vacancyId}`;
  const text = input.withNotes
    ? Prisma.sql`sc."summary", (SELECT coalesce(json_agg(json_build_object('itemId', n."itemId", 'body', n."body") ORDER BY n."itemId"), '[]')
        FROM "ScorecardNote" n WHERE n."scorecardId" = sc."id")::text AS "notes"`
    : Prisma.sql`NULL::text AS "summary", NULL::text AS "notes"`;
  // The page is chosen first (ids by the keyset, from the scorecards' own columns), and only its rows get
  // their ratings and notes aggregated: in one SELECT, Postgres would aggregate every scorecard of the
  // vacancy before sorting and cutting the page.
  return Prisma.sql`
    WITH page AS (
      SELECT sc."id", sc."interviewId", i."candidateId", sc."panelistId", sc."recommendation", sc."version", sc."submittedAt", sc."updatedAt", sc."summary",
        sc."assisted", sc."supporterName"
      FROM "Scorecard" sc
      JOIN "Interview" i ON i."id" = sc."interviewId"
      WHERE ${which} AND sc."orgId" = ${actor.orgId} AND sc."status" = 'SUBMITTED'::"ScorecardStatus" AND sc."submittedAt" IS NOT NULL
        AND ${scorecardVisibleTo(actor, Prisma.raw("sc"), Prisma.raw(`i."candidateId"`), { perRow: true })}
        AND ${keysetCondition(input, Prisma.raw(`sc."updatedAt"`), Prisma.raw(`sc."id"`))}
      ORDER BY sc."updatedAt", sc."id"
      LIMIT ${input.limit + 1}
    )
    SELECT sc."id", sc."interviewId", sc."candidateId", sc."panelistId", u."name" AS "panelistName",
      sc."recommendation"::text AS "recommendation", sc."version", sc."submittedAt", sc."updatedAt", sc."assisted", sc."supporterName",
      (SELECT coalesce(json_agg(json_build_object('itemId', r."itemId", 'competencyId', r."competencyId", 'competency', co."name",
          'score', r."score", 'notAssessed', r."notAssessed") ORDER BY r."itemId", r."competencyId"), '[]')
        FROM "Rating" r JOIN "Competency" co ON co."id" = r."competencyId" WHERE r."scorecardId" = sc."id")::text AS "ratings",
      ${text}
    FROM page sc
    JOIN "User" u ON u."id" = sc."panelistId"
    ORDER BY sc."updatedAt", sc."id"`;
}

export async function listSubmittedScorecards(db: Db, actor: Actor, input: SubmittedScorecardsInput) {
  requirePermission(actor, "org:read");
  const rows = checkedRows(rowSchema, await db.$queryRaw(submittedScorecardsSql(actor, input)));
  // A row proves the interview or vacancy is the organisation's (the statement reads only its scorecards), so
  // only an empty page asks whether it exists: one round trip fewer on every other page.
  if (!rows.length) {
    const exists =
      "interviewId" in input
        ? await db.interview.count({ where: { id: input.interviewId, orgId: actor.orgId } })
        : await db.vacancy.count({ where: { id: input.vacancyId, orgId: actor.orgId } });
    if (!exists) throw notFound("interviewId" in input ? "Interview" : "Vacancy");
  }
  const page = pageResult(rows, input.limit, (r) => ({ at: r.updatedAt, id: r.id }));
  const shown = input.withNotes && input.blind ? await blindText(db, actor, page.items.map((r) => r.candidateId)) : (_: string, text: string) => text;
  return {
    items: page.items.map(({ ratings, summary, notes, ...card }) => ({
      ...card,
      ratings: ratingsSchema.parse(JSON.parse(ratings)),
      ...(input.withNotes
        ? {
            summary: shown(card.candidateId, summary ?? ""),
            notes: notesSchema.parse(JSON.parse(notes ?? "[]")).map((n) => ({ ...n, body: shown(card.candidateId, n.body) })),
          }
        : {}),
    })),
    next: page.next,
  };
}

/** Redacts each candidate's identity from free text, with the blind labels of the app (blind-labels.ts). */
async function blindText(db: Db, actor: Actor, candidateIds: string[]) {
  const ids = [...new Set(candidateIds)];
  const [labels, identities] = await Promise.all([
    loadBlindLabels(db, actor.orgId, ids),
    db.candidate.findMany({ where: { id: { in: ids }, orgId: actor.orgId }, select: { id: true, name: true, email: true, phone: true } }),
  ]);
  const byId = new Map(identities.map((c) => [c.id, c]));
  return (candidateId: string, text: string) => {
    const identity = byId.get(candidateId);
    return identity ? redactCandidate(text, identity, labels.get(candidateId) ?? "the candidate") : text;
  };
}

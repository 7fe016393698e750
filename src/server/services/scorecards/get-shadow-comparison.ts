// A shadow's scorecard beside the panel's: the way a shadow learns from a live interview, as a practice
// session learns from sample answers. The panel's ratings are read under the one visibility rule (a shadow
// sees them once their own scorecard is submitted, like any panelist); the shadow's own are read as theirs.
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { InterviewScorecardsInput, ShadowComparison } from "@/lib/schemas/scorecards";
import { scorecardVisibleTo } from "@/server/access/scorecard-visibility";
import type { Db } from "@/server/db";
import { AppError, notFound, type ErrorText } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import { figuresOfPairs } from "@/server/services/training/_shared/session-view";
import { requirePanelSeat } from "./_shared/interview-access";
import { loadScriptLayout } from "./_shared/script-layout";

export const SUBMIT_BEFORE_COMPARING: ErrorText = { key: "scorecard.submitBeforeComparing" };

const panelCellSchema = z.object({
  itemId: z.string(),
  competencyId: z.string(),
  mean: z.number(),
  n: z.number().int(),
});

export async function getShadowComparison(db: Db, actor: Actor, input: InterviewScorecardsInput): Promise<ShadowComparison> {
  const access = await requirePanelSeat(db, actor, input.interviewId);
  // Only a shadow has a comparison; to anyone else it does not exist.
  if (!access.shadow) throw notFound("Shadow comparison");
  const own = await db.scorecard.findUnique({
    where: { interviewId_panelistId: { interviewId: access.interviewId, panelistId: actor.userId } },
    select: { status: true, ratings: { select: { itemId: true, competencyId: true, score: true } } },
  });
  if (own?.status !== "SUBMITTED") throw new AppError("CONFLICT", SUBMIT_BEFORE_COMPARING);

  const [interview, panel, layout] = await Promise.all([
    db.interview.findUniqueOrThrow({
      where: { id: access.interviewId },
      select: {
        candidate: { select: { name: true } },
        panel: { where: { shadow: false }, select: { userId: true } },
        scorecards: { where: { shadow: false, status: "SUBMITTED" }, select: { id: true } },
      },
    }),
    db.$queryRaw`
      SELECT r."itemId", r."competencyId", avg(r."score")::float8 AS "mean", count(r."score")::int AS "n"
      FROM "Scorecard" sc
      JOIN "Interview" i ON i."id" = sc."interviewId"
      JOIN "Rating" r ON r."scorecardId" = sc."id"
      WHERE sc."interviewId" = ${access.interviewId} AND sc."status" = 'SUBMITTED'::"ScorecardStatus"
        AND r."score" IS NOT NULL AND ${scorecardVisibleTo(actor, Prisma.raw("sc"))}
      GROUP BY r."itemId", r."competencyId"`.then((rows) => checkedRows(panelCellSchema, rows)),
    loadScriptLayout(db, access.scriptVersionId),
  ]);

  const panelOf = new Map(panel.map((c) => [`${c.itemId}:${c.competencyId}`, c]));
  const yoursOf = new Map(own.ratings.map((r) => [`${r.itemId}:${r.competencyId}`, r.score]));
  const cells = layout.flatMap((item) =>
    item.competencies.map((competency) => {
      const key = `${item.itemId}:${competency.id}`;
      const p = panelOf.get(key);
      return {
        number: item.number,
        question: item.text,
        competencyId: competency.id,
        competency: competency.name,
        yours: yoursOf.get(key) ?? null,
        panelMean: p?.mean ?? null,
        panelN: p?.n ?? 0,
      };
    }),
  );
  const pairs = cells.flatMap((c) =>
    c.yours !== null && c.panelMean !== null ? [{ competency: c.competencyId, rating: c.yours, reference: c.panelMean }] : [],
  );
  const names = new Map(cells.map((c) => [c.competencyId, c.competency]));
  return {
    interviewId: access.interviewId,
    candidateName: interview.candidate.name,
    panelSize: interview.panel.length,
    panelSubmitted: interview.scorecards.length,
    cells,
    figures: figuresOfPairs(pairs, names, { meanReferences: true }),
  };
}

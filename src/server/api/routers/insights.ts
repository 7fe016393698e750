// Insights: comparing candidates by competency, one candidate's panel results, panel calibration, and
// decisions against the formula. Only submitted scorecards count. Blind review swaps names for stable
// labels ("Candidate A").
import {
  calibrationInputSchema,
  calibrationSchema,
  candidateSummaryInputSchema,
  candidateSummarySchema,
  decisionInsightsSchema,
  insightFiltersSchema,
  insightScopesSchema,
} from "@/lib/schemas/insights";
import { comparisonPageInputSchema, comparisonPageSchema } from "@/lib/schemas/comparison-pages";
import { loadComparison } from "@/server/services/insights/compare-candidates";
import { listComparisonPage } from "@/server/services/insights/list-comparison-page";
import { getCalibration } from "@/server/services/insights/get-calibration";
import { getCandidateSummary } from "@/server/services/insights/get-candidate-summary";
import { getDecisionInsights } from "@/server/services/insights/get-decision-insights";
import { listInsightScopes } from "@/server/services/insights/list-insight-scopes";
import { asPlainJsonResult } from "../transformer";
import { withActor, withActorNoInput } from "../call-service";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const insightsRouter = createTRPCRouter({
  scopes: orgProcedure("insights:read").output(insightScopesSchema).query(withActorNoInput(listInsightScopes)),

  // Sent as ComparisonWire (the aggregates as the database wrote them; clients read it with
  // expandComparison from @/lib/insights/comparison-wire). No .output() schema here: the result is typed,
  // and checking and copying 2,000 candidates' arrays was a measurable share of the endpoint's time at the
  // benchmark's size. For the same reason it is vouched for as plain JSON (strings and integers from SQL),
  // so the transformer does not walk it again.
  compare: orgProcedure("insights:read").input(insightFiltersSchema)
    .query(async ({ ctx, input }) => asPlainJsonResult(await loadComparison(ctx.db, ctx.actor, input))),

  // The organisation-wide comparison one page at a time: sorted, filtered and paged in SQL (keyset cursors).
  comparePage: orgProcedure("insights:read").input(comparisonPageInputSchema).output(comparisonPageSchema)
    .query(withActor(listComparisonPage)),

  candidateSummary: orgProcedure("insights:read").input(candidateSummaryInputSchema).output(candidateSummarySchema)
    .query(withActor(getCandidateSummary)),

  calibration: orgProcedure("org:read").input(calibrationInputSchema).output(calibrationSchema).query(withActor(getCalibration)),

  // HR and admins: the organisation; hiring managers: the vacancies they manage.
  decisions: orgProcedure("insights:read").output(decisionInsightsSchema).query(withActorNoInput(getDecisionInsights)),
});

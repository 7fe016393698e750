// What panels produced: submitted scorecards (of an interview, or of a vacancy), decisions with their
// reasons, and a vacancy's comparison figures. Every read goes through the independence and debrief rules
// (src/server/access/scorecard-visibility.ts) for the key's creator, as the app's reads do.
import {
  apiComparisonSchema,
  apiDecisionSchema,
  apiScorecardSchema,
  comparisonQuery,
  idParamSchema,
  listDecisionsQuery,
  listScorecardsQuery,
  pageOf,
} from "@/lib/schemas/api-v1";
import { notFound } from "@/server/errors";
import { compareCandidates } from "@/server/services/insights/compare-candidates";
import { listVacancyDecisions } from "@/server/services/debriefs/list-vacancy-decisions";
import { listSubmittedScorecards } from "@/server/services/scorecards/list-submitted-scorecards";
import { getVacancy } from "@/server/services/vacancies/get-vacancy";
import { endpoint } from "../endpoint";
import { keysetBody, keysetFrom } from "./keyset";

const SCORECARDS_NOTE =
  "Only submitted scorecards, and only those the key's creator may read in the app: a creator who sits on a panel without having submitted sees none of that panel's. Summary and evidence notes only with the scorecards:notes scope.";

/** Submitted scorecards of one interview, or of every candidate of a vacancy. */
function scorecardsOf(of: "interview" | "vacancy") {
  return endpoint({
    method: "GET",
    path: of === "interview" ? "/interviews/{id}/scorecards" : "/vacancies/{id}/scorecards",
    operationId: of === "interview" ? "listInterviewScorecards" : "listVacancyScorecards",
    summary: of === "interview" ? "Submitted scorecards of an interview" : "Submitted scorecards of a vacancy's candidates, oldest change first",
    description: SCORECARDS_NOTE,
    tag: "Scorecards",
    scope: "scorecards:read",
    query: listScorecardsQuery,
    response: pageOf(apiScorecardSchema),
    run: async ({ db, actor, params, query, scopes }) => {
      const { id } = idParamSchema.parse(params);
      const which = of === "interview" ? { interviewId: id } : { vacancyId: id };
      return { body: keysetBody(await listSubmittedScorecards(db, actor, { ...keysetFrom(query), ...which, withNotes: scopes.includes("scorecards:notes"), blind: query.blind === "true" })) };
    },
  });
}

export const resultEndpoints = [
  scorecardsOf("interview"),
  scorecardsOf("vacancy"),
  endpoint({
    method: "GET",
    path: "/vacancies/{id}/decisions",
    operationId: "listVacancyDecisions",
    summary: "Decisions on a vacancy's candidates, with their reasons",
    description: "Only decisions the key's creator may read in the app (never while they hold a pending panel seat at that stage).",
    tag: "Decisions",
    scope: "decisions:read",
    query: listDecisionsQuery,
    response: pageOf(apiDecisionSchema),
    run: async ({ db, actor, params, query }) => ({
      body: keysetBody(await listVacancyDecisions(db, actor, { ...keysetFrom(query), vacancyId: idParamSchema.parse(params).id })),
    }),
  }),
  endpoint({
    method: "GET",
    path: "/vacancies/{id}/comparison",
    operationId: "getVacancyComparison",
    summary: "Comparison figures of a vacancy's candidates",
    description:
      "Per-competency sums and counts, recommendations and weighted scores, ranked, as the app's comparison shows them. blind=true labels candidates \"Candidate A\"… as the app's blind review does. Figures leave out what the independence rule withholds (see withheld).",
    tag: "Comparison",
    scope: "comparison:read",
    query: comparisonQuery,
    response: apiComparisonSchema,
    run: async ({ db, actor, params, query }) => {
      const { id } = idParamSchema.parse(params);
      // Another organisation's vacancy (or one that doesn't exist) is not found, rather than an empty comparison.
      await getVacancy(db, actor, { id }).catch(() => {
        throw notFound("Vacancy");
      });
      const comparison = await compareCandidates(db, actor, { vacancyId: id, stageId: query.stage_id, blind: query.blind === "true" });
      return { body: apiComparisonSchema.parse(comparison) };
    },
  }),
];

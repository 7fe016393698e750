// Side-by-side comparison of candidates by competency: per-competency sums and counts, the panel's
// recommendations and the script versions whose weights score each candidate. Grouping happens in SQL, which
// also writes the figures as the JSON the comparison is sent in; the server adds the column headers, the
// weights and (in a blind review) the labels, and the reader in @/lib/insights/comparison-wire puts the
// figures in their columns and ranks the candidates.
import { z } from "zod";
import type { Recommendation } from "@/generated/prisma/enums";
import {
  expandComparison,
  type Comparison,
  type ComparisonWire,
  type WireCandidate,
} from "@/lib/insights/comparison-wire";
import { withheldFromPendingSeats } from "@/server/access/scorecard-visibility";
import { queryRows, type Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { loadBlindLabels } from "./blind-labels";
import { candidateConditions } from "./insight-scope";
import { compareQueries, type CompareInput } from "./_shared/compare-queries";
import { loadVisibleCompetencyNames, type VersionWeights } from "./script-weights";
import { comparisonStrands } from "@/server/services/strands/comparison-strands";

export type { Comparison, ComparisonRow, RecommendationCounts } from "@/lib/insights/comparison-wire";

export type { CompareInput } from "./_shared/compare-queries";

/** What the two aggregate statements answer: one row each, of JSON texts (see asCandidateArrays, asCellGroups). */
const candidateArraysRowSchema = z.tuple([z.object({ json: z.string(), versionIds: z.string(), vacancies: z.string(), weights: z.string() })]);
const cellGroupsRowSchema = z.tuple([z.object({ lists: z.string(), json: z.string() })]);
const versionIdsSchema = z.array(z.string());
const vacancyTitlesSchema = z.record(z.string(), z.string());
/** Per script version, its competency weights in the order its author listed them: [competencyId, weight, position]. */
const versionWeightsSchema = z.record(z.string(), z.array(z.tuple([z.string(), z.number().int(), z.number().int()])));
const competencyListsSchema = z.array(z.array(z.string()));

/** The comparison as the page and the export use it: rows with their figures in columns, ranked. */
export async function compareCandidates(db: Db, actor: Actor, input: CompareInput): Promise<Comparison> {
  return expandComparison(await loadComparison(db, actor, input));
}

/** The comparison as it is sent (see ComparisonWire): the aggregates, the column headers and the weights. */
export async function loadComparison(db: Db, actor: Actor, input: CompareInput): Promise<ComparisonWire> {
  requirePermission(actor, "insights:read");
  const queries = compareQueries(actor, input);
  // Everything at once; only blind labels wait for the candidates (to look up theirs, by primary key, while
  // the cells are still being built): the comparison waits for the slower aggregate and little else.
  // A plain promise, so the uses below share one query.
  const candidatesLoaded = queryRows(db, queries.candidates)
    .then((rows) => candidateArraysRowSchema.parse(rows))
    .then(([row]) => ({
      json: row.json,
      versionIds: versionIdsSchema.parse(JSON.parse(row.versionIds)),
      vacancies: vacancyTitlesSchema.parse(JSON.parse(row.vacancies)),
      weights: versionWeightsSchema.parse(JSON.parse(row.weights)),
    }));
  const [candidates, blindCandidates, cells, stageWeights, names, withheld, strands] = await Promise.all([
    candidatesLoaded,
    input.blind ? candidatesLoaded.then(({ json }) => withBlindLabels(db, actor.orgId, json)) : null,
    queryRows(db, queries.cells).then((rows) => cellGroupsRowSchema.parse(rows)),
    input.stageId === undefined ? null : loadStageWeights(db, actor, input.stageId),
    loadVisibleCompetencyNames(db, actor.orgId),
    // The interview and panelist filters narrow nothing here: a withheld scorecard is counted for the
    // candidates the page lists, so the note stays true however the table is filtered.
    withheldFromPendingSeats(db, actor, { candidateWhere: candidateConditions(actor, input) }),
    // At one stage, each strand's figures (issue 23); they score the candidates under the stage's strand policy.
    comparisonStrands(db, actor, input.stageId),
  ]);
  const weights = comparisonWeights(candidates.versionIds, candidates.weights, stageWeights);
  const lists = competencyListsSchema.parse(JSON.parse(cells[0].lists));
  const competencyIds = [...new Set(lists.flat())];

  const headerWeights = await headerVersion(db, candidates.versionIds, input.scriptId, weights);
  const weightOf = new Map(headerWeights?.map((w) => [w.competencyId, w]) ?? []);
  const competencies = competencyIds
    .map((id) => ({ id, name: names.get(id)?.name ?? "Unknown competency", weight: weightOf.get(id)?.weight ?? null }))
    .sort((a, b) => {
      const pa = weightOf.get(a.id)?.position ?? Number.MAX_SAFE_INTEGER;
      const pb = weightOf.get(b.id)?.position ?? Number.MAX_SAFE_INTEGER;
      const sa = names.get(a.id)?.sortOrder ?? 0;
      const sb = names.get(b.id)?.sortOrder ?? 0;
      return pa - pb || sa - sb || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
    });
  const columnOf = new Map(competencies.map((c, i) => [c.id, i]));
  const versionWeights: ComparisonWire["weights"] = {};
  for (const [versionId, list] of weights) {
    versionWeights[versionId] = list.map((w) => [columnOf.get(w.competencyId) ?? -1, w.weight]);
  }
  return {
    competencies,
    vacancies: candidates.vacancies,
    candidates: blindCandidates ?? candidates.json,
    groupColumns: lists.map((ids) => ids.map((id) => columnOf.get(id)!)),
    groups: cells[0].json,
    weights: versionWeights,
    withheld,
    ...(strands ? { strands } : {}),
  };
}

/**
 * The weights that score each candidate: their script version's own, or, at a stage with weights of its own
 * (the interview plan's VacancyStageWeight), the stage's for every candidate, so the weighted score at a stage
 * is the stage score the debrief shows.
 */
function comparisonWeights(
  versionIds: string[],
  byVersion: z.infer<typeof versionWeightsSchema>,
  stageWeights: VersionWeights | null,
): Map<string, VersionWeights> {
  if (stageWeights && stageWeights.length > 0) return new Map(versionIds.map((id) => [id, stageWeights]));
  return new Map(
    Object.entries(byVersion).map(([versionId, list]) => [versionId, list.map(([competencyId, weight, position]) => ({ competencyId, weight, position }))]),
  );
}

/** A stage's own weights (the interview plan's), in competency order; empty when the stage uses the scripts'. */
async function loadStageWeights(db: Db, actor: Actor, stageId: string): Promise<VersionWeights> {
  const rows = await db.vacancyStageWeight.findMany({
    where: { stageId, stage: { vacancy: { orgId: actor.orgId } } },
    orderBy: [{ competency: { sortOrder: "asc" } }, { competencyId: "asc" }],
    select: { competencyId: true, weight: true },
  });
  return rows.map((w, position) => ({ ...w, position }));
}

/** In a blind review no name leaves the server: each candidate's label in place of the name. */
async function withBlindLabels(db: Db, orgId: string, candidatesJson: string): Promise<string> {
  const candidates = JSON.parse(candidatesJson) as WireCandidate[];
  const labels = await loadBlindLabels(db, orgId, candidates.map((c) => c[0]));
  for (const c of candidates) c[1] = labels.get(c[0]) ?? "Candidate";
  return JSON.stringify(candidates);
}

/**
 * Whose weights head the columns: the one set every candidate is scored with (one version, or a stage's
 * own weights); with a script filter, that script's latest version among the candidates. Mixed versions
 * have no single set of weights to show.
 */
async function headerVersion(
  db: Db,
  versionIds: string[],
  scriptId: string | undefined,
  weights: Map<string, VersionWeights>,
): Promise<VersionWeights | null> {
  if (versionIds.length === 0) return null;
  const sets = new Set(versionIds.map((id) => weights.get(id)));
  if (sets.size === 1) return weights.get(versionIds[0]!) ?? null;
  if (scriptId === undefined) return null;
  const latest = await db.scriptVersion.findFirst({
    where: { id: { in: versionIds }, scriptId },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  return latest ? (weights.get(latest.id) ?? null) : null;
}

export const RECOMMENDATION_ORDER: Recommendation[] = ["STRONG_NO", "NO", "YES", "STRONG_YES"];

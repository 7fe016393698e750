// The comparison as it travels, and as the page and the CSV export use it. The server passes on what the
// database aggregated as the JSON text the database wrote: one array per candidate, and the competency
// figures grouped by competency list (each list once, however many candidates share it). The reader
// (expandComparison) parses them, puts every candidate's figures in the comparison's columns, scores them
// with their script version's weights and ranks them. For 2,000 candidates that is 470 kB where rows with
// named fields were 755 kB, and the server neither parses nor rebuilds half a megabyte per request.
import type { CandidateStatus, DecisionOutcome, Recommendation } from "@/generated/prisma/enums";
import { meanAt } from "@/lib/insights/comparison-cells";
import { weightedScore } from "@/lib/statistics/describe-scores";
import { combineStrands, preferredByStrand, strandSpread, strandsAgreeOnTop, type Strand, type StrandPolicyRow, type StrandScores } from "@/lib/strands/strand-math";

export type RecommendationCounts = Record<Recommendation, number>;

export type ComparisonRow = {
  candidateId: string;
  label: string;
  vacancyId: string;
  /** The vacancy's title. */
  vacancy: string;
  status: CandidateStatus;
  /**
   * The latest outcome: the candidate's most recent decision the viewer may read and the stage it was taken
   * at, or (outcome null) the stage the candidate is at while undecided there.
   */
  outcome: DecisionOutcome | null;
  outcomeStage: string | null;
  interviews: number;
  scorecards: number;
  weightedScore: number | null;
  /** Per competency, in the order of Comparison.competencies (read them with cellAt from @/lib/insights/comparison-cells). */
  sums: number[];
  counts: number[];
  notAssessed: number[];
  recommendations: RecommendationCounts;
  /**
   * At one stage with strands (issue 23): the candidate's weighted score per strand, the scorecards each rests
   * on, and the spread between strands. With a declared policy, weightedScore above is the strands' combined one.
   */
  strands?: { scores: StrandScores; scorecards: Partial<Record<Strand, number>>; pooled: number | null; spread: number | null };
};

/** A comparison's strands at its stage: the declared policy, each strand's preferred candidates, and whether they agree. */
export type ComparisonStrandSummary = {
  stageName: string;
  policy: StrandPolicyRow[];
  preferred: Partial<Record<Strand, string[]>>;
  agreeOnTop: boolean | null;
};

/** What the server sends of the strands at the comparison's stage (absent without a stage or strands there). */
export type ComparisonStrandsWire = {
  stageName: string;
  policy: StrandPolicyRow[];
  byCandidate: Record<string, { scores: StrandScores; scorecards: Partial<Record<Strand, number>> }>;
};

export type ComparisonCompetency = { id: string; name: string; weight: number | null };

/**
 * What the figures leave out for this viewer: scorecards of panels the viewer sits on and has not submitted
 * for (independence), with the candidates concerned and the sentence that says why.
 */
export type ComparisonWithheld = { scorecards: number; candidateIds: string[]; reason: string | null };

export type Comparison = {
  competencies: ComparisonCompetency[];
  /** Ranked: highest weighted score first, candidates without one last, ties by label. */
  rows: ComparisonRow[];
  withheld: ComparisonWithheld;
  strands?: ComparisonStrandSummary;
};

/**
 * One candidate: id, label (the name, or the blind label in a blind review), vacancy, status, interviews,
 * scorecards, recommendation counts (strong no, no, yes, strong yes), the script version whose weights
 * score them, and the latest outcome (see ComparisonRow.outcome) with its stage.
 */
export type WireCandidate = [
  candidateId: string,
  label: string,
  vacancyId: string,
  status: CandidateStatus,
  interviews: number,
  scorecards: number,
  strongNo: number,
  no: number,
  yes: number,
  strongYes: number,
  scriptVersionId: string,
  outcome: DecisionOutcome | null,
  outcomeStage: string | null,
];

/**
 * Candidates rated on the same competencies (those of ComparisonWire.groupColumns at the same index): the
 * candidates' ids, and per candidate its sums, counts and "not assessed" marks end to end (three runs of
 * the group's column count). Candidates without any rating are in no group.
 */
export type WireCellGroup = [candidateIds: string[], figures: number[][]];

export type ComparisonWire = {
  competencies: ComparisonCompetency[];
  /** The candidates' vacancies: id → title (each title once, however many candidates applied). */
  vacancies: Record<string, string>;
  /** JSON text of WireCandidate[]. */
  candidates: string;
  /** Per cell group, the columns (indexes into competencies) its figures go to. */
  groupColumns: number[][];
  /** JSON text of WireCellGroup[], in the order of groupColumns. */
  groups: string;
  /** Per script version: its weighted competencies as [column, weight]; column is -1 for one no candidate was rated on. */
  weights: Record<string, Array<[column: number, weight: number]>>;
  withheld: ComparisonWithheld;
  strands?: ComparisonStrandsWire;
};

/** The comparison's rows from what the server sent: figures in their columns, weighted scores, ranked. */
export function expandComparison(wire: ComparisonWire): Comparison {
  const width = wire.competencies.length;
  const cellsOf = new Map<string, { columns: number[]; figures: number[] }>();
  const groups = JSON.parse(wire.groups) as WireCellGroup[];
  groups.forEach(([candidateIds, figures], g) => {
    const columns = wire.groupColumns[g]!;
    for (let i = 0; i < candidateIds.length; i++) cellsOf.set(candidateIds[i]!, { columns, figures: figures[i]! });
  });
  // Per script version, its terms; `mean` is filled in for each row in turn.
  const terms = new Map<string, Array<{ column: number; weight: number; mean: number | null }>>();
  const termsOf = (versionId: string) => {
    let list = terms.get(versionId);
    if (!list) {
      list = (wire.weights[versionId] ?? []).map(([column, weight]) => ({ column, weight, mean: null }));
      terms.set(versionId, list);
    }
    return list;
  };
  const rows = (JSON.parse(wire.candidates) as WireCandidate[]).map(
    ([candidateId, label, vacancyId, status, interviews, scorecards, strongNo, no, yes, strongYes, versionId, outcome, outcomeStage]): ComparisonRow => {
      const sums = new Array<number>(width).fill(0);
      const counts = new Array<number>(width).fill(0);
      const notAssessed = new Array<number>(width).fill(0);
      const own = cellsOf.get(candidateId);
      if (own) {
        const { columns, figures } = own;
        const n = columns.length;
        for (let j = 0; j < n; j++) {
          const column = columns[j]!;
          sums[column] = figures[j]!;
          counts[column] = figures[n + j]!;
          notAssessed[column] = figures[2 * n + j]!;
        }
      }
      const cells = { sums, counts, notAssessed };
      const versionTerms = termsOf(versionId);
      for (const term of versionTerms) term.mean = term.column < 0 ? null : meanAt(cells, term.column);
      return {
        candidateId,
        label,
        vacancyId,
        vacancy: wire.vacancies[vacancyId] ?? "",
        status,
        outcome,
        outcomeStage,
        interviews,
        scorecards,
        weightedScore: weightedScore(versionTerms),
        sums,
        counts,
        notAssessed,
        recommendations: { STRONG_NO: strongNo, NO: no, YES: yes, STRONG_YES: strongYes },
      };
    },
  );
  const strands = wire.strands ? withStrands(rows, wire.strands) : undefined;
  rows.sort(byWeightedScoreThenLabel);
  return { competencies: wire.competencies, rows, withheld: wire.withheld, ...(strands ? { strands } : {}) };
}

/** The same order as localeCompare, without building a collator for every one of 2,000 rows' comparisons. */
const labelOrder = new Intl.Collator();

function byWeightedScoreThenLabel(a: ComparisonRow, b: ComparisonRow): number {
  if (a.weightedScore !== b.weightedScore) {
    if (a.weightedScore === null) return 1;
    if (b.weightedScore === null) return -1;
    return b.weightedScore - a.weightedScore;
  }
  return labelOrder.compare(a.label, b.label) || a.candidateId.localeCompare(b.candidateId);
}

/**
 * Puts each row's strand figures beside it and, under a declared policy, scores it by the strands' weights
 * (see @/lib/strands/strand-math): the ranking then follows the policy, as the decision's does.
 */
function withStrands(rows: ComparisonRow[], wire: ComparisonStrandsWire): ComparisonStrandSummary {
  for (const row of rows) {
    const own = wire.byCandidate[row.candidateId];
    if (!own) continue;
    const pooled = row.weightedScore;
    row.strands = { scores: own.scores, scorecards: own.scorecards, pooled, spread: strandSpread(own.scores) };
    if (wire.policy.length > 0) row.weightedScore = combineStrands(wire.policy, own.scores);
  }
  const preferred = preferredByStrand(rows.flatMap((r) => (r.strands ? [{ candidateId: r.candidateId, scores: r.strands.scores }] : [])));
  return { stageName: wire.stageName, policy: wire.policy, preferred, agreeOnTop: strandsAgreeOnTop(preferred) };
}

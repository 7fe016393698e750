// How the strands of an involvement panel (staff, external assessors, service users) combine, and how far
// they agree. Pure, so the server's decision, the comparison in the browser and the tests share one formula.
//
// With a stage's strand policy declared, the weighted score is Σ over WEIGHTED strands of weight% × that
// strand's weighted score (each strand's figure from its own counting scorecards), divided by the weights of
// the strands that have a figure: a weighted strand with no submitted scorecard is left out and the others
// are re-normalised (75/25 with no service-user scorecard yet is the staff strand alone). ADVISORY strands
// are reported beside it and never enter it. No policy: every counting scorecard pools as one panel.
export const STRANDS = ["STAFF", "EXTERNAL", "SERVICE_USER"] as const;
export type Strand = (typeof STRANDS)[number];
export type StrandModeName = "WEIGHTED" | "ADVISORY";
export type StrandPolicyRow = { strand: Strand; mode: StrandModeName; weight: number };
/** One candidate's weighted score per strand (null or absent: no submitted scorecard of that strand). */
export type StrandScores = Partial<Record<Strand, number | null>>;

/** The policy's combined weighted score, or null when no weighted strand has a figure (or there is no policy). */
export function combineStrands(policy: readonly StrandPolicyRow[], scores: StrandScores): number | null {
  let sum = 0;
  let weights = 0;
  for (const row of policy) {
    if (row.mode !== "WEIGHTED" || row.weight <= 0) continue;
    const score = scores[row.strand];
    if (score === null || score === undefined || !Number.isFinite(score)) continue;
    sum += row.weight * score;
    weights += row.weight;
  }
  return weights === 0 ? null : sum / weights;
}

/** The weighted strands with no figure for the candidate: left out of their score, the others re-normalised. */
export function strandsLeftOut(policy: readonly StrandPolicyRow[], scores: StrandScores): Strand[] {
  return policy.filter((r) => r.mode === "WEIGHTED" && r.weight > 0 && (scores[r.strand] ?? null) === null).map((r) => r.strand);
}

/** Why a declared policy can't stand, or null: every strand declared once, weighted ones 1..100 summing to 100. */
export function policyProblem(policy: readonly StrandPolicyRow[]): string | null {
  const seen = new Set(policy.map((r) => r.strand));
  if (seen.size !== policy.length) return "duplicate";
  const weighted = policy.filter((r) => r.mode === "WEIGHTED");
  if (weighted.length === 0) return "noWeighted";
  if (weighted.some((r) => !Number.isInteger(r.weight) || r.weight < 1 || r.weight > 100)) return "weightRange";
  if (weighted.reduce((s, r) => s + r.weight, 0) !== 100) return "sum";
  return null;
}

/** How far one candidate's strands agree: the gap between their highest and lowest strand score (null below two). */
export function strandSpread(scores: StrandScores): number | null {
  const values = STRANDS.map((s) => scores[s]).filter((v): v is number => typeof v === "number");
  if (values.length < 2) return null;
  return Math.max(...values) - Math.min(...values);
}

/** Scores equal to this many decimals are a tie (as the mechanical ranking rounds). */
const TIE = 1e-9;

/** Each strand's preferred candidates: those with its highest score among the candidates given (ties share). */
export function preferredByStrand(candidates: ReadonlyArray<{ candidateId: string; scores: StrandScores }>): Partial<Record<Strand, string[]>> {
  const result: Partial<Record<Strand, string[]>> = {};
  for (const strand of STRANDS) {
    const scored = candidates.flatMap((c) => (typeof c.scores[strand] === "number" ? [{ id: c.candidateId, score: c.scores[strand]! }] : []));
    if (scored.length === 0) continue;
    const top = Math.max(...scored.map((c) => c.score));
    result[strand] = scored.filter((c) => top - c.score < TIE).map((c) => c.id).sort();
  }
  return result;
}

/** Whether every strand with figures prefers the same candidate(s); null with fewer than two strands scored. */
export function strandsAgreeOnTop(preferred: Partial<Record<Strand, string[]>>): boolean | null {
  const tops = Object.values(preferred).filter((ids): ids is string[] => Array.isArray(ids) && ids.length > 0);
  if (tops.length < 2) return null;
  const first = tops[0]!.join(",");
  return tops.every((ids) => ids.join(",") === first);
}

export type DecidedAtStage = { candidateId: string; favourable: boolean; serviceUserScore: number | null };

/**
 * Whether deciding `current` departs from the service-user strand's preferred candidate. The preferred
 * candidates are those with the highest service-user strand score among the candidates decided at the stage,
 * this one included (ties all preferred); favourable outcomes are ADVANCE and APPOINT. The decision departs
 * when it favours a candidate who is not preferred while a preferred one was turned down (reserve or
 * reject), or when it turns down a preferred candidate while one who is not preferred was favoured. With no
 * service-user score among them, nothing departs.
 */
export function departsFromServiceUsers(current: DecidedAtStage, others: readonly DecidedAtStage[]): boolean {
  const all = [...others.filter((o) => o.candidateId !== current.candidateId), current];
  const scored = all.filter((c) => c.serviceUserScore !== null);
  if (scored.length === 0) return false;
  const top = Math.max(...scored.map((c) => c.serviceUserScore!));
  const preferred = (c: DecidedAtStage) => c.serviceUserScore !== null && top - c.serviceUserScore < TIE;
  const rest = all.filter((c) => c !== current);
  if (current.favourable) return !preferred(current) && rest.some((c) => preferred(c) && !c.favourable);
  return preferred(current) && rest.some((c) => !preferred(c) && c.favourable);
}

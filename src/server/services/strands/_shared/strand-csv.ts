// The strands' columns of the CSV exports (issue 23), appended after the existing ones so a spreadsheet
// built on the old columns keeps working: on the ratings, the strand of the panelist's seat and whether a
// supporter entered the ratings (assisted scoring, with the supporter's name); on a comparison at a stage
// with strands, each strand's weighted score, the pooled score and the spread between strands.
import { guardCell } from "@/lib/csv/guard-cell";
import type { ComparisonRow } from "@/lib/insights/comparison-wire";

export const STRAND_RATING_COLUMNS = ["panelist_strand", "scorecard_assisted", "supporter_name"];

export function strandRatingCells(row: { strand: string; assisted: boolean; supporterName: string | null }): string[] {
  return [row.strand, row.assisted ? "yes" : "no", guardCell(row.assisted ? (row.supporterName ?? "") : "")];
}

export const STRAND_COMPARISON_COLUMNS = ["pooled_weighted_score", "staff_score", "external_score", "service_user_score", "strand_spread"];

const number2 = (value: number | null | undefined) => (value === null || value === undefined ? "" : value.toFixed(2));

export function strandComparisonCells(row: ComparisonRow): string[] {
  const s = row.strands;
  if (!s) return STRAND_COMPARISON_COLUMNS.map(() => "");
  return [number2(s.pooled), number2(s.scores.STAFF), number2(s.scores.EXTERNAL), number2(s.scores.SERVICE_USER), number2(s.spread)];
}

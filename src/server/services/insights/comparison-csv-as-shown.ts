// The comparison table as a spreadsheet shows it to a person: the screen's column names and words (Active,
// Strong yes), means to 1 decimal and the weighted score to 2, as on the page. The raw files (the
// comparison's `comparisonCsv`, the ratings) keep codes, ISO dates and full precision for other programs.
import { stringify } from "csv-stringify/sync";
import { guardCell } from "@/lib/csv/guard-cell";
import { cellAt } from "@/lib/insights/comparison-cells";
import { RECOMMENDATION_LEVELS } from "@/lib/rating-scale";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { compareCandidates, type CompareInput } from "./compare-candidates";
import { sortLikeTheTable, type TableOrder } from "./export-csv";

const STATUS_WORDS: Record<string, string> = { ACTIVE: "Active", HIRED: "Hired", REJECTED: "Rejected", WITHDRAWN: "Withdrawn" };
// Strongest yes first, as the page lists recommendations.
const RECOMMENDATIONS_SHOWN = [...RECOMMENDATION_LEVELS].reverse();

/** A number as the page prints it; blank (not an en dash) where there is none, so spreadsheets see an empty cell. */
const fixed = (value: number | null | undefined, digits: number) => (value == null || Number.isNaN(value) ? "" : value.toFixed(digits));

export async function comparisonCsvAsShown(db: Db, actor: Actor, input: CompareInput, order?: TableOrder): Promise<string> {
  const { competencies, rows: ranked } = await compareCandidates(db, actor, input);
  const rows = order ? sortLikeTheTable(ranked, order, competencies) : ranked;
  const header = [
    "Candidate",
    "Position",
    "Weighted score",
    ...RECOMMENDATIONS_SHOWN.map((r) => r.label),
    "Status",
    ...competencies.flatMap((c) => {
      const name = c.weight != null ? `${c.name} (weight ${c.weight}%)` : c.name;
      return [`${name} mean`, `${name} n`].map(guardCell);
    }),
    "Scorecards",
    "Interviews",
  ];
  const records = rows.map((row) => [
    guardCell(row.label),
    guardCell(row.position),
    fixed(row.weightedScore, 2),
    ...RECOMMENDATIONS_SHOWN.map((r) => String(row.recommendations[r.value])),
    STATUS_WORDS[row.status] ?? row.status,
    ...competencies.flatMap((_, i) => {
      const cell = cellAt(row, i);
      return [fixed(cell.mean, 1), String(cell.n)];
    }),
    String(row.scorecards),
    String(row.interviews),
  ]);
  return stringify([header, ...records]);
}

/** Download names that say which file is which, dated today (UTC). */
export function exportFileNameFor(kind: "comparison-as-shown" | "ratings-raw", now = new Date()): string {
  return `panelkit-${kind}-${now.toISOString().slice(0, 10)}.csv`;
}

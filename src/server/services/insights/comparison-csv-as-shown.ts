// The comparison table as a spreadsheet shows it to a person: the screen's column names and words (Active,
// Strong yes, Appointed (Panel interview)), means to 1 decimal and the weighted score to 2, as on the page,
// and after the figures the latest decision's reasons. The raw files (the comparison's `comparisonCsv`, the
// ratings) keep codes, ISO dates and full precision for other programs.
import { stringify } from "csv-stringify/sync";
import { guardCell } from "@/lib/csv/guard-cell";
import { cellAt, type CellArrays } from "@/lib/insights/comparison-cells";
import type { ComparisonRow } from "@/lib/insights/comparison-wire";
import { latestOutcomeText } from "@/lib/insights/latest-outcome";
import { RECOMMENDATION_LEVELS } from "@/lib/recommendations";
import type { Locale } from "@/i18n/config";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { compareCandidates, type CompareInput } from "./compare-candidates";
import type { LatestDecision } from "./_shared/latest-decisions";
import { latestDecisionsOf, sortLikeTheTable, type TableOrder } from "./export-csv";
import { headerWords, type HeaderWords } from "../_shared/csv-header-words";

const STATUS_WORDS: Record<string, string> = {
  ACTIVE: "Active",
  HIRED: "Hired",
  RESERVE: "Reserve list",
  REJECTED: "Rejected",
  WITHDRAWN: "Withdrawn",
};
// Strongest yes first, as the page lists recommendations.
const RECOMMENDATIONS_SHOWN = [...RECOMMENDATION_LEVELS].reverse();

/** A number as the page prints it; blank (not an en dash) where there is none, so spreadsheets see an empty cell. */
const fixed = (value: number | null | undefined, digits: number) => (value == null || Number.isNaN(value) ? "" : value.toFixed(digits));

export async function comparisonCsvAsShown(db: Db, actor: Actor, input: CompareInput, order?: TableOrder, locale?: Locale): Promise<string> {
  const { competencies, rows: ranked } = await compareCandidates(db, actor, input);
  const rows = order ? sortLikeTheTable(ranked, order, competencies) : ranked;
  const decisions = await latestDecisionsOf(db, actor, rows, input.blind);
  const records = rows.map((row) => asShownRecord(row, competencies.length, decisions.get(row.candidateId)));
  return stringify([asShownHeader(competencies, headerWords(locale)), ...records]);
}

/**
 * The file's header: the screen's column names in the reader's language (English by default), each
 * competency's mean and n (with its weight when known).
 */
export function asShownHeader(competencies: ReadonlyArray<{ name: string; weight?: number | null }>, words: HeaderWords = headerWords()): string[] {
  const t = (key: string, values?: Record<string, string | number>) => words(`shown.${key}`, values);
  return [
    t("candidate"),
    t("vacancy"),
    t("weightedScore"),
    ...RECOMMENDATIONS_SHOWN.map((r) => t(`recommendations.${r.value}`)),
    t("status"),
    t("latestOutcome"),
    ...competencies.flatMap((c) => {
      const name = c.weight != null ? t("competencyWeighted", { name: c.name, weight: c.weight }) : c.name;
      return [t("competencyMean", { name }), t("competencyN", { name })].map(guardCell);
    }),
    t("scorecards"),
    t("interviews"),
    t("advancedTo"),
    t("rationale"),
    t("override"),
    t("justification"),
    t("decidedBy"),
    t("decidedOn"),
  ];
}

type ShownRow = Pick<
  ComparisonRow,
  "label" | "vacancy" | "weightedScore" | "recommendations" | "status" | "outcome" | "outcomeStage" | "scorecards" | "interviews"
> &
  CellArrays;

/** One candidate's line, its figures in the header's `columns` competency columns. */
export function asShownRecord(row: ShownRow, columns: number, decision: LatestDecision | undefined): string[] {
  return [
    guardCell(row.label),
    guardCell(row.vacancy),
    fixed(row.weightedScore, 2),
    ...RECOMMENDATIONS_SHOWN.map((r) => String(row.recommendations[r.value])),
    STATUS_WORDS[row.status] ?? row.status,
    guardCell(latestOutcomeText(row.outcome, row.outcomeStage)),
    ...Array.from({ length: columns }, (_, i) => {
      const cell = cellAt(row, i);
      return [fixed(cell.mean, 1), String(cell.n)];
    }).flat(),
    String(row.scorecards),
    String(row.interviews),
    guardCell(decision?.nextStage ?? ""),
    guardCell(decision?.rationale ?? ""),
    decision ? (decision.isOverride ? "Yes" : "No") : "",
    guardCell(decision?.overrideJustification ?? ""),
    guardCell(decision?.decidedBy ?? ""),
    decision ? decision.decidedAt.toISOString().slice(0, 10) : "",
  ];
}

/** Download names that say which file is which, dated today (UTC). */
export function exportFileNameFor(kind: "comparison-as-shown" | "ratings-raw", now = new Date()): string {
  return `panelkit-${kind}-${now.toISOString().slice(0, 10)}.csv`;
}

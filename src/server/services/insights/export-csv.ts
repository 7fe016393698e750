// CSV exports of the comparison and of every rating behind it, for spreadsheets. Same scope, filters and
// blind labels as the tRPC procedures; text cells are guarded against formula injection. The comparison
// carries each candidate's latest decision with its reasons (the decision rule of the access module).
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { checkedRows } from "../_shared/checked-rows";
import { guardCell } from "@/lib/csv/guard-cell";
import { cellAt, meanAt } from "@/lib/insights/comparison-cells";
import { latestOutcomeText } from "@/lib/insights/latest-outcome";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { loadLatestDecisions, type LatestDecision } from "./_shared/latest-decisions";
import { loadBlindLabels, redactCandidate } from "./blind-labels";
import { compareCandidates, RECOMMENDATION_ORDER, type CompareInput } from "./compare-candidates";
import { scopedScorecards } from "./insight-scope";
import { STRAND_COMPARISON_COLUMNS, STRAND_RATING_COLUMNS, strandComparisonCells, strandRatingCells } from "@/server/services/strands/_shared/strand-csv";
import type { Locale } from "@/i18n/config";
import { headerWords, rawHeader } from "../_shared/csv-header-words";

export { guardCell };

const number2 = (value: number | null) => (value === null ? "" : value.toFixed(2));

export type TableOrder = { key: string; dir: "asc" | "desc" };
type Comparison = Awaited<ReturnType<typeof compareCandidates>>;
type CompareRow = Comparison["rows"][number];

const STATUS_LABELS: Record<string, string> = {
  ACTIVE: "Active",
  HIRED: "Hired",
  RESERVE: "Reserve list",
  REJECTED: "Rejected",
  WITHDRAWN: "Withdrawn",
};

/** The latest decisions of the rows, their reasons written with blind labels in a blind review. */
export function latestDecisionsOf(db: Db, actor: Actor, rows: readonly CompareRow[], blind: boolean): Promise<Map<string, LatestDecision>> {
  const labels = blind ? new Map(rows.map((r) => [r.candidateId, r.label])) : null;
  return loadLatestDecisions(db, actor, rows.map((r) => r.candidateId), labels);
}

/**
 * Orders rows as the comparison table does for the same column: a competency id (its mean), label, status,
 * outcome (the latest outcome's words), weightedScore, recommendations (net support, strong votes counting
 * twice) or scorecards. Rows without a value go last either way; ties keep the ranked order (the sort is
 * stable), as in the table.
 */
export function sortLikeTheTable(
  rows: readonly CompareRow[],
  order: TableOrder,
  competencies: Comparison["competencies"] = [],
): CompareRow[] {
  const column = competencies.findIndex((c) => c.id === order.key);
  const valueOf = (row: CompareRow): string | number | null => {
    switch (order.key) {
      case "label":
        return row.label;
      case "status":
        return STATUS_LABELS[row.status] ?? row.status;
      case "outcome":
        return latestOutcomeText(row.outcome, row.outcomeStage) || null;
      case "weightedScore":
        return row.weightedScore;
      case "scorecards":
        return row.scorecards;
      case "recommendations": {
        const r = row.recommendations;
        return 2 * r.STRONG_YES + r.YES - r.NO - 2 * r.STRONG_NO;
      }
      default:
        return column === -1 ? null : meanAt(row, column);
    }
  };
  const sign = order.dir === "desc" ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = valueOf(a);
    const y = valueOf(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const compared = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "en", { numeric: true });
    return sign * compared;
  });
}

/** `locale`: the header row's language (issue 23); the cells are the same in every language. */
export async function comparisonCsv(db: Db, actor: Actor, input: CompareInput, order?: TableOrder, locale?: Locale): Promise<string> {
  const { competencies, rows: ranked, strands } = await compareCandidates(db, actor, input);
  // The file holds the rows the user was shown, in the order shown: the page sends its table's sort.
  const rows = order ? sortLikeTheTable(ranked, order, competencies) : ranked;
  const decisions = await latestDecisionsOf(db, actor, rows, input.blind);
  const words = headerWords(locale);
  const header = [
    ...rawHeader(words, ["candidate", "vacancy", "status", "latest_outcome", "latest_outcome_stage", "interviews", "scorecards", "weighted_score"]),
    ...competencies.flatMap((c) => [words("raw.competencyMean", { name: c.name }), words("raw.competencyN", { name: c.name })].map(guardCell)),
    ...rawHeader(words, ["strong_no", "no", "yes", "strong_yes", ...DECISION_COLUMNS]),
  ];
  const records = rows.map((row) => [
    guardCell(row.label),
    guardCell(row.vacancy),
    row.status,
    row.outcome ?? "",
    guardCell(row.outcomeStage ?? ""),
    String(row.interviews),
    String(row.scorecards),
    number2(row.weightedScore),
    ...competencies.flatMap((_, i) => {
      const cell = cellAt(row, i);
      return [number2(cell.mean), String(cell.n)];
    }),
    ...RECOMMENDATION_ORDER.map((r) => String(row.recommendations[r])),
    ...decisionCells(decisions.get(row.candidateId)),
    ...(strands ? strandComparisonCells(row) : []),
  ]);
  return stringify([strands ? [...header, ...rawHeader(words, STRAND_COMPARISON_COLUMNS)] : header, ...records]);
}

/** The latest decision's reasons, after the figures: codes, ISO times. */
const DECISION_COLUMNS = [
  "decision_next_stage",
  "decision_rationale",
  "decision_is_override",
  "decision_override_justification",
  "decided_by",
  "decided_at",
];

function decisionCells(decision: LatestDecision | undefined): string[] {
  if (!decision) return DECISION_COLUMNS.map(() => "");
  return [
    guardCell(decision.nextStage ?? ""),
    guardCell(decision.rationale),
    decision.isOverride ? "yes" : "no",
    guardCell(decision.overrideJustification ?? ""),
    guardCell(decision.decidedBy ?? ""),
    decision.decidedAt.toISOString(),
  ];
}

const ratingExportRowSchema = z.object({
  candidateId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  interviewDate: z.date(),
  panelist: z.string(),
  number: z.number().int(),
  question: z.string(),
  competency: z.string(),
  score: z.number().int().nullable(),
  notAssessed: z.boolean(),
  note: z.string().nullable(),
  strand: z.string(),
  assisted: z.boolean(),
  supporterName: z.string().nullable(),
});

export const RATINGS_HEADER = [
  "candidate",
  "interview_date",
  "panelist",
  "question_number",
  "question",
  "competency",
  "score",
  "not_assessed",
  "note",
  // The candidate's latest decision (the same on each of their rows), so a pivot of the ratings can be cut by it.
  "decision_outcome",
  "decision_stage",
  ...DECISION_COLUMNS,
  // Issue 23: the strand of the panelist's seat, and whether a supporter entered the ratings (and who).
  ...STRAND_RATING_COLUMNS,
];

/** One row per submitted rating in scope, with the panelist's note on that question; the header in `locale`. */
export async function ratingsCsv(db: Db, actor: Actor, input: CompareInput, locale?: Locale): Promise<string> {
  requirePermission(actor, "insights:read");
  const raw = await db.$queryRaw`
    ${scopedScorecards(actor, input, { candidatesInScope: true })},
    versions AS (SELECT DISTINCT "scriptVersionId" FROM scoped),
    numbered AS (
      SELECT it."id", it."text",
        ROW_NUMBER() OVER (PARTITION BY sec."versionId" ORDER BY sec."position", sec."id", it."position", it."id")::int AS "number"
      FROM versions vv
      JOIN "ScriptSection" sec ON sec."versionId" = vv."scriptVersionId"
      JOIN "ScriptItem" it ON it."sectionId" = sec."id"
    )
    SELECT c."id" AS "candidateId", c."name", c."email", c."phone", s."scheduledAt" AS "interviewDate",
      u."name" AS "panelist", n."number", n."text" AS "question", comp."name" AS "competency",
      r."score", r."notAssessed", note."body" AS "note",
      coalesce(spm."strand"::text, 'STAFF') AS "strand", sca."assisted", sca."supporterName"
    FROM scoped s
    JOIN "Scorecard" sca ON sca."id" = s."scorecardId"
    LEFT JOIN "PanelMember" spm ON spm."interviewId" = s."interviewId" AND spm."userId" = s."panelistId"
    JOIN "Candidate" c ON c."id" = s."candidateId"
    JOIN "Vacancy" vac ON vac."id" = c."vacancyId"
    JOIN "User" u ON u."id" = s."panelistId"
    JOIN "Rating" r ON r."scorecardId" = s."scorecardId"
    JOIN numbered n ON n."id" = r."itemId"
    JOIN "Competency" comp ON comp."id" = r."competencyId"
    LEFT JOIN "ScorecardNote" note ON note."scorecardId" = s."scorecardId" AND note."itemId" = r."itemId"
    ORDER BY vac."title", c."vacancyId", c."createdAt", c."id", s."scheduledAt", s."interviewId", n."number", u."name", s."panelistId", comp."sortOrder", comp."name"`;
  const rows = checkedRows(ratingExportRowSchema, raw);

  const candidateIds = [...new Set(rows.map((r) => r.candidateId))];
  const labels = input.blind ? await loadBlindLabels(db, actor.orgId, candidateIds) : null;
  const decisions = await loadLatestDecisions(db, actor, candidateIds, labels);
  const records = rows.map((row) => {
    const decision = decisions.get(row.candidateId);
    const label = labels ? (labels.get(row.candidateId) ?? "Candidate") : row.name;
    const note = row.note ?? "";
    return [
      guardCell(label),
      row.interviewDate.toISOString(),
      guardCell(row.panelist),
      String(row.number),
      guardCell(row.question),
      guardCell(row.competency),
      row.score === null ? "" : String(row.score),
      row.notAssessed ? "yes" : "no",
      guardCell(labels ? redactCandidate(note, row, label) : note),
      decision?.outcome ?? "",
      guardCell(decision?.stage ?? ""),
      ...decisionCells(decision),
      ...strandRatingCells(row),
    ];
  });
  return stringify([rawHeader(headerWords(locale), RATINGS_HEADER), ...records]);
}

/** The download's file name, dated today (UTC). */
export function exportFileName(kind: "comparison" | "ratings", now = new Date()): string {
  return `panelkit-${kind}-${now.toISOString().slice(0, 10)}.csv`;
}

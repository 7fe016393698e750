// The organisation-wide comparison as a CSV file, streamed: the columns of the table as shown
// (comparison-csv-as-shown.ts), written a keyset batch at a time in the page's order, so the file for
// 40,000 candidates is never held in memory whole. Audited as the other exports are: who, which filters
// and order, never a figure.
import { stringify } from "csv-stringify/sync";
import type { Locale } from "@/i18n/config";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { loadLatestDecisions } from "./_shared/latest-decisions";
import { loadBlindLabels } from "./blind-labels";
import { asShownHeader, asShownRecord } from "./comparison-csv-as-shown";
import { headerWords } from "../_shared/csv-header-words";
import {
  alignRows,
  comparisonCompetencyIds,
  competencyColumns,
  pendingCandidates,
  readComparisonPage,
  type ComparisonPageQuery,
} from "./list-comparison-page";

/** Rows per statement: large enough that the file costs few round trips, small enough to stay light. */
export const CSV_BATCH = 1000;

export type ComparisonCsvQuery = Omit<ComparisonPageQuery, "after" | "before" | "pageSize">;

/** The file as text chunks: the header (in `locale`), then one chunk per batch of rows. */
export async function* streamComparisonCsv(
  db: Db,
  actor: Actor,
  query: ComparisonCsvQuery,
  batch = CSV_BATCH,
  locale?: Locale,
): AsyncGenerator<string> {
  requirePermission(actor, "insights:read");
  const pending = await pendingCandidates(db, actor);
  const competencies = await competencyColumns(db, actor, new Set(await comparisonCompetencyIds(db, actor, query, pending)));
  await recordActorEvent(db, actor, "insights.comparison_exported", ["Organization", actor.orgId], {
    vacancyId: query.vacancyId ?? null,
    stageId: query.stageId ?? null,
    status: query.status ?? null,
    sort: query.sort,
    dir: query.dir,
    blind: query.blind,
  });
  yield stringify([asShownHeader(competencies, headerWords(locale))]);
  let after: string | undefined;
  for (;;) {
    const page = await readComparisonPage(db, actor, { ...query, after, pageSize: batch }, pending);
    const ids = page.rows.map((r) => r.candidateId);
    const labels = query.blind ? await loadBlindLabels(db, actor.orgId, ids) : null;
    const rows = alignRows(page.rows, competencies, labels);
    const decisions = await loadLatestDecisions(db, actor, ids, labels);
    if (rows.length) yield stringify(rows.map((row) => asShownRecord(row, competencies.length, decisions.get(row.candidateId))));
    if (!page.next) return;
    after = page.next;
  }
}

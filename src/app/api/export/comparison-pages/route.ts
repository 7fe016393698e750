import { comparisonSortSchema } from "@/lib/schemas/comparison-pages";
import { exportFileNameFor } from "@/server/services/insights/comparison-csv-as-shown";
import { CSV_BATCH, streamComparisonCsv } from "@/server/services/insights/stream-comparison-csv";
import { exportStreamResponse } from "../export-request";

export const dynamic = "force-dynamic";

// The organisation-wide comparison, every page, in the order the pages show (sort=score|name|date|competency,
// competency=<id>, dir=asc|desc): the table's columns, streamed in keyset batches.
export function GET(request: Request) {
  return exportStreamResponse(request, exportFileNameFor("comparison-as-shown"), (db, actor, filters, url, locale) => {
    const sort = comparisonSortSchema.catch("score").parse(url.searchParams.get("sort") ?? undefined);
    const competencyId = url.searchParams.get("competency")?.trim().slice(0, 64) || undefined;
    const dir = url.searchParams.get("dir") === "asc" ? "asc" : "desc";
    return streamComparisonCsv(db, actor, { ...filters, sort, competencyId, dir }, CSV_BATCH, locale);
  });
}

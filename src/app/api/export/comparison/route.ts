import { comparisonCsvAsShown, exportFileNameFor } from "@/server/services/insights/comparison-csv-as-shown";
import { comparisonCsv, exportFileName } from "@/server/services/insights/export-csv";
import { exportResponse } from "../export-request";

export const dynamic = "force-dynamic";

// The table as the page shows it (words, rounded figures); `format=raw` gives codes and full precision.
export function GET(request: Request) {
  if (new URL(request.url).searchParams.get("format") === "raw") {
    return exportResponse(request, exportFileName("comparison"), comparisonCsv);
  }
  return exportResponse(request, exportFileNameFor("comparison-as-shown"), comparisonCsvAsShown);
}

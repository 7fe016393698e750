import { comparisonCsv, exportFileName } from "@/server/services/insights/export-csv";
import { exportResponse } from "../export-request";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return exportResponse(request, exportFileName("comparison"), comparisonCsv);
}

import { exportFileNameFor } from "@/server/services/insights/comparison-csv-as-shown";
import { ratingsCsv } from "@/server/services/insights/export-csv";
import { exportResponse } from "../export-request";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return exportResponse(request, exportFileNameFor("ratings-raw"), (db, actor, filters, _order, locale) => ratingsCsv(db, actor, filters, locale));
}

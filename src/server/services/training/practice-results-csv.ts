import { stringify } from "csv-stringify/sync";
import { guardCell } from "@/lib/csv/guard-cell";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { getPracticeResults } from "./get-practice-results";

const number2 = (value: number | null) => (value === null ? "" : value.toFixed(2));

/** The practice results page as a CSV file (same rows, HR and admins only); text cells guarded against formulas. */
export async function practiceResultsCsv(db: Db, actor: Actor): Promise<{ fileName: string; csv: string }> {
  const results = await getPracticeResults(db, actor);
  const header = [
    "Panelist",
    "Script",
    "Finished sessions",
    "Last practice",
    "Readiness",
    "Mean absolute difference (last)",
    "Bias (last; + lenient, - severe)",
    "Separation (last; correlation with the reference)",
    "Trend of the mean absolute difference (last 5, oldest first)",
  ];
  const rows = results.rows.map((r) => [
    guardCell(r.name),
    guardCell(r.scriptTitle),
    String(r.sessions),
    r.lastPracticeAt.toISOString().slice(0, 10),
    guardCell(r.readiness ?? "Not required"),
    number2(r.meanAbsDiff),
    number2(r.bias),
    number2(r.separation),
    r.trend.map((v) => v.toFixed(2)).join(" "),
  ]);
  const day = new Date().toISOString().slice(0, 10);
  return { fileName: `practice-results-${day}.csv`, csv: stringify([header, ...rows]) };
}

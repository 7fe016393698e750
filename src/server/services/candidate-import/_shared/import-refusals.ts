// The import's refusals for a file still at fault: the first problem of the mapping, or of the first row not
// skipped, worded by errors.json (the same messages the preview page shows from candidateImport.json).
import type { ImportProblem, MappingProblem } from "@/lib/schemas/candidate-import";
import { appError } from "@/server/errors";

export const mappingRefusal = (problem: MappingProblem) => appError("BAD_REQUEST", `candidateImport.mapping.${problem.key}`, problem.values, "mapping");

export function rowRefusal(rowNumber: number, problem: ImportProblem) {
  return appError("BAD_REQUEST", "candidateImport.rowProblem", {
    row: String(rowNumber),
    problem: { key: `candidateImport.problems.${problem.key}`, values: problem.values },
  });
}

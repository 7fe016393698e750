"use client";
// The preview's rows: each problem with its row and field, the people already in the organisation with the
// same email (and what to do about them), and a few ready rows to check the columns by. File text is shown as
// text (React escapes it); nothing from the file becomes markup.
import { SelectField } from "@/components/ui/field";
import { IMPORT_FIELD_LABELS, type DuplicateChoice, type ImportRow } from "@/lib/schemas/candidate-import";

export const DUPLICATE_LABELS: Record<DuplicateChoice, string> = {
  skip: "Skip: leave the existing candidate as it is",
  update: "Update the existing candidate from the file",
  keepBoth: "Keep both: add a new candidate",
};
const SHORT_LABELS: Record<DuplicateChoice, string> = { skip: "skip", update: "update", keepBoth: "keep both" };

type Props = {
  rows: ImportRow[];
  skipRows: ReadonlySet<number>;
  onSkip: (rowNumber: number, skip: boolean) => void;
  choices: ReadonlyMap<number, DuplicateChoice>;
  allChoice: DuplicateChoice;
  onChoose: (rowNumber: number, choice: DuplicateChoice | null) => void;
};

export function PreviewRows({ rows, skipRows, onSkip, choices, allChoice, onChoose }: Props) {
  return (
    <ol className="mt-3 space-y-3" aria-label="Rows">
      {rows.map((row) => {
        const skipped = skipRows.has(row.rowNumber);
        return (
          <li key={row.rowNumber} className={`card ${row.problems.length && !skipped ? "border-red-300" : ""}`}>
            <h3 className="font-semibold">
              Row {row.rowNumber}: {row.name || "(no name)"}
            </h3>
            <p className="text-sm break-words text-slate-700">{[row.email, row.phone, row.vacancy].filter(Boolean).join(" · ") || "No other details"}</p>
            {row.problems.length > 0 && (
              <>
                <ul className="mt-2 list-disc pl-5 text-sm text-red-800">
                  {row.problems.map((problem) => (
                    <li key={`${problem.field}-${problem.message}`}>
                      {problem.field === "row" ? "" : `${IMPORT_FIELD_LABELS[problem.field]}: `}
                      {problem.message}
                    </li>
                  ))}
                </ul>
                <label className="mt-2 flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={skipped} onChange={(e) => onSkip(row.rowNumber, e.target.checked)} />
                  Leave out row {row.rowNumber}
                </label>
              </>
            )}
            {row.problems.length === 0 && row.existing.length > 0 && (
              <div className="mt-2 space-y-2 text-sm">
                <p>
                  Already in your organisation:{" "}
                  {row.existing.map((existing) => `${existing.name} (${existing.vacancyTitle})`).join(", ")}.
                </p>
                <SelectField
                  id={`duplicate-row-${row.rowNumber}`}
                  name={`duplicate-${row.rowNumber}`}
                  label={`Row ${row.rowNumber}: what to do`}
                  value={choices.get(row.rowNumber) ?? ""}
                  onChange={(e) => onChoose(row.rowNumber, (e.target.value || null) as DuplicateChoice | null)}
                  options={[
                    { value: "", label: `As for all duplicates (${SHORT_LABELS[allChoice]})` },
                    ...(Object.keys(DUPLICATE_LABELS) as DuplicateChoice[]).map((value) => ({ value, label: DUPLICATE_LABELS[value] })),
                  ]}
                />
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

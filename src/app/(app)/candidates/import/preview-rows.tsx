"use client";
// The preview's rows: each problem with its row and field, the people already in the organisation with the
// same email, or for a row without one the same name and phone in its vacancy (and what to do about them),
// and a few ready rows to check the columns by. The server sends each
// problem as a key and values, worded here in the reader's language. File text is shown as text (React
// escapes it); nothing from the file becomes markup.
import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/field";
import { duplicateChoiceSchema, type DuplicateChoice, type ImportRow } from "@/lib/schemas/candidate-import";

type Props = {
  rows: ImportRow[];
  skipRows: ReadonlySet<number>;
  onSkip: (rowNumber: number, skip: boolean) => void;
  choices: ReadonlyMap<number, DuplicateChoice>;
  allChoice: DuplicateChoice;
  onChoose: (rowNumber: number, choice: DuplicateChoice | null) => void;
};

export function PreviewRows({ rows, skipRows, onSkip, choices, allChoice, onChoose }: Props) {
  const t = useTranslations("candidateImport");
  return (
    <ol className="mt-3 space-y-3" aria-label={t("rows.label")}>
      {rows.map((row) => {
        const skipped = skipRows.has(row.rowNumber);
        return (
          <li key={row.rowNumber} className={`card ${row.problems.length && !skipped ? "border-red-300" : ""}`}>
            <h3 className="font-semibold">
              {t("rows.heading", { row: row.rowNumber, name: row.name || t("rows.noName") })}
            </h3>
            <p className="text-sm break-words text-slate-700">{[row.email, row.phone, row.vacancy].filter(Boolean).join(" · ") || t("rows.noDetails")}</p>
            {row.problems.length > 0 && (
              <>
                <ul className="mt-2 list-disc pl-5 text-sm text-red-800">
                  {row.problems.map((problem) => (
                    <li key={`${problem.field}-${problem.key}`}>
                      {problem.field === "row" ? "" : `${t(`fields.${problem.field}`)}: `}
                      {t(`problems.${problem.key}`, problem.values)}
                    </li>
                  ))}
                </ul>
                <label className="mt-2 flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={skipped} onChange={(e) => onSkip(row.rowNumber, e.target.checked)} />
                  {t("rows.leaveOut", { row: row.rowNumber })}
                </label>
              </>
            )}
            {row.problems.length === 0 && row.existing.length > 0 && (
              <div className="mt-2 space-y-2 text-sm">
                <p>
                  {t(row.matchedBy === "namePhone" ? "rows.existingByNamePhone" : "rows.existing", {
                    people: row.existing.map((existing) => `${existing.name} (${existing.vacancyTitle})`).join(", "),
                  })}
                </p>
                <SelectField
                  id={`duplicate-row-${row.rowNumber}`}
                  name={`duplicate-${row.rowNumber}`}
                  label={t("rows.choice", { row: row.rowNumber })}
                  value={choices.get(row.rowNumber) ?? ""}
                  onChange={(e) => onChoose(row.rowNumber, (e.target.value || null) as DuplicateChoice | null)}
                  options={[
                    { value: "", label: t("rows.asForAll", { choice: t(`duplicatesShort.${allChoice}`) }) },
                    ...duplicateChoiceSchema.options.map((value) => ({ value, label: t(`duplicates.${value}`) })),
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

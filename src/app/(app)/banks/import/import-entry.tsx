"use client";
// One entry of the import preview: its problems, editable question text and competencies, the guidance
// (collapsed unless something is missing), and whether to include it.
import { useId, useState } from "react";
import { GUIDANCE, type ImportEntryValues } from "@/lib/bank-article/import-request";
import type { ImportProblem } from "@/lib/schemas/banks";
import { CompetencyPicker, type CompetencyOption } from "../_components/competency-picker";

type Props = {
  entry: ImportEntryValues;
  problems: ImportProblem[];
  competencies: readonly CompetencyOption[];
  /** What the entry's number counts: a line of the article, or a spreadsheet's row. */
  lineWord?: "line" | "row";
  onChange: (patch: Partial<ImportEntryValues>) => void;
};

export function ImportEntry({ entry, problems, competencies, lineWord = "line", onChange }: Props) {
  const id = useId();
  const missingGuidance = GUIDANCE.some((g) => !entry[g.key].trim());
  // Open at first when something is missing; afterwards the person decides.
  const [guidanceOpen] = useState(missingGuidance);
  const headingId = `${id}-heading`;
  const problemsId = `${id}-problems`;
  const textErrorId = `${id}-text-error`;
  const textShort = entry.text.trim().length < 5;
  const forEntry = <span className="sr-only"> for entry {entry.index}</span>;

  return (
    <li id={`entry-${entry.index}`} aria-labelledby={headingId} className={`card ${entry.include ? "" : "bg-slate-50"}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="font-semibold">
          Entry {entry.index} <span className="font-normal text-slate-600">· {lineWord} {entry.line}</span>
        </h3>
        <div className="flex min-h-11 items-center gap-2">
          <input
            id={`${id}-include`}
            type="checkbox"
            className="size-5 accent-brand-700"
            checked={entry.include}
            onChange={(e) => onChange({ include: e.target.checked })}
          />
          <label htmlFor={`${id}-include`} className="text-sm font-medium">
            Include{forEntry}
          </label>
        </div>
      </div>

      {problems.length > 0 && (
        <ul id={problemsId} className="mt-2 space-y-1 text-sm">
          {problems.map((p, i) => (
            <li key={i} className={p.severity === "error" ? "text-red-800" : "text-amber-900"}>
              <span className="font-semibold">
                {p.severity === "error" ? "Error" : "Warning"}, {p.where ?? `line ${p.line}`}:
              </span>{" "}
              {p.message}
            </li>
          ))}
        </ul>
      )}

      {!entry.include ? (
        <p className="mt-2 text-sm text-slate-700">Dropped: this entry will not be imported.</p>
      ) : (
        <div className="mt-3 space-y-4">
          <div>
            <label htmlFor={`${id}-text`} className="field-label">
              Question text{forEntry}
            </label>
            <textarea
              id={`${id}-text`}
              className="field-input py-2"
              rows={2}
              maxLength={2000}
              value={entry.text}
              onChange={(e) => onChange({ text: e.target.value })}
              aria-invalid={textShort || undefined}
              aria-describedby={[problems.length ? problemsId : "", textErrorId].filter(Boolean).join(" ")}
            />
            {textShort ? (
              <p id={textErrorId} className="mt-1 text-sm font-medium text-red-700">
                {entry.text.trim() ? "The question needs at least 5 characters." : "Write the question to ask, or uncheck Include."}
              </p>
            ) : (
              <span id={textErrorId} />
            )}
            {!entry.hadText && !textShort && (
              <p className="mt-1 text-xs text-slate-600">Marked as written for this entry: the article has no question sentence.</p>
            )}
          </div>
          <CompetencyPicker
            competencies={competencies}
            value={entry.competencies}
            onChange={(competencies) => onChange({ competencies })}
            legend={`Competencies for entry ${entry.index}`}
            showEmpty
          />
          <details open={guidanceOpen} className="rounded-md border border-slate-200 p-3">
            <summary className="cursor-pointer text-sm font-semibold">
              What it assesses, what a good answer covers, example answer
              {missingGuidance ? <span className="text-red-800"> (something is missing)</span> : null}
            </summary>
            <div className="mt-3 space-y-3">
              {GUIDANCE.map((field) => (
                <div key={field.key}>
                  <label htmlFor={`${id}-${field.key}`} className="field-label">
                    {field.label}
                    {forEntry}
                  </label>
                  <textarea
                    id={`${id}-${field.key}`}
                    className="field-input py-2"
                    rows={field.rows}
                    value={entry[field.key]}
                    onChange={(e) => onChange({ [field.key]: e.target.value })}
                    aria-invalid={!entry[field.key].trim() || undefined}
                    aria-describedby={problems.length ? problemsId : undefined}
                  />
                </div>
              ))}
            </div>
          </details>
        </div>
      )}
    </li>
  );
}

"use client";
// One entry of the import preview: its problems, editable question text and competencies, the guidance
// (collapsed unless something is missing), and whether to include it.
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { GUIDANCE, type ImportEntryValues } from "@/lib/bank-article/import-request";
import type { ImportProblem } from "@/lib/schemas/banks";
import { CompetencyPicker, type CompetencyOption } from "../_components/competency-picker";
import { wordLineProblem, wordProblemPlace } from "@/lib/bank-article/line-problem";

type Props = {
  entry: ImportEntryValues;
  problems: ImportProblem[];
  competencies: readonly CompetencyOption[];
  /** What the entry's number counts: a line of the article, or a spreadsheet's row. */
  lineWord?: "line" | "row";
  onChange: (patch: Partial<ImportEntryValues>) => void;
};

export function ImportEntry({ entry, problems, competencies, lineWord = "line", onChange }: Props) {
  const t = useTranslations("banks");
  const id = useId();
  const missingGuidance = GUIDANCE.some((g) => !entry[g.key].trim());
  // Open at first when something is missing; afterwards the person decides.
  const [guidanceOpen] = useState(missingGuidance);
  const headingId = `${id}-heading`;
  const problemsId = `${id}-problems`;
  const textErrorId = `${id}-text-error`;
  const textShort = entry.text.trim().length < 5;
  const forEntry = <span className="sr-only"> {t("entry.forEntry", { index: entry.index })}</span>;

  return (
    <li id={`entry-${entry.index}`} aria-labelledby={headingId} className={`card ${entry.include ? "" : "bg-slate-50"}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="font-semibold">
          {t("entry.heading", { index: entry.index })}{" "}
          <span className="font-normal text-slate-600">· {t("entry.where", { unit: lineWord, line: entry.line })}</span>
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
            {t("entry.include")}
            {forEntry}
          </label>
        </div>
      </div>

      {problems.length > 0 && (
        <ul id={problemsId} className="mt-2 space-y-1 text-sm">
          {problems.map((p, i) => (
            <li key={i} className={p.severity === "error" ? "text-red-800" : "text-amber-900"}>
              <span className="font-semibold">
                {t("entry.problem", { severity: p.severity, where: wordProblemPlace(t, p, t("entry.line", { line: p.line })) })}
              </span>{" "}
              {wordLineProblem(t, p)}
            </li>
          ))}
        </ul>
      )}

      {!entry.include ? (
        <p className="mt-2 text-sm text-slate-700">{t("entry.dropped")}</p>
      ) : (
        <div className="mt-3 space-y-4">
          <div>
            <label htmlFor={`${id}-text`} className="field-label">
              {t("entry.text")}
              {forEntry}
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
                {entry.text.trim() ? t("entry.tooShort") : t("entry.noText")}
              </p>
            ) : (
              <span id={textErrorId} />
            )}
            {!entry.hadText && !textShort && (
              <p className="mt-1 text-xs text-slate-600">{t("entry.written")}</p>
            )}
          </div>
          <CompetencyPicker
            competencies={competencies}
            value={entry.competencies}
            onChange={(competencies) => onChange({ competencies })}
            legend={t("entry.competencies", { index: entry.index })}
            showEmpty
          />
          <details open={guidanceOpen} className="rounded-md border border-slate-200 p-3">
            <summary className="cursor-pointer text-sm font-semibold">
              {t("entry.guidance")}
              {missingGuidance ? <span className="text-red-800"> {t("entry.missing")}</span> : null}
            </summary>
            <div className="mt-3 space-y-3">
              {GUIDANCE.map((field) => (
                <div key={field.key}>
                  <label htmlFor={`${id}-${field.key}`} className="field-label">
                    {t(`question.${field.key}`)}
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

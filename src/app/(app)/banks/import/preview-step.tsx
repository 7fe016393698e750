"use client";
// The import's second step: what the article became (its problems, each entry to fix or drop), where the
// questions go, and Import. Mounted afresh for every preview, so entries and the submission start anew.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { useSubmissionKey } from "@/components/use-submission-key";
import {
  confirmRequest,
  entriesFromPreview,
  entryOfField,
  importBlockers,
  wordBlocker,
  type ImportEntryValues,
  type ImportTargetChoice,
} from "@/lib/bank-article/import-request";
import { confirmImportInput, type PreviewImportOutput } from "@/lib/schemas/banks";
import { useTRPC } from "@/trpc/react";
import type { CompetencyOption } from "../_components/competency-picker";
import { ImportEntry } from "./import-entry";
import { wordLineProblem, wordProblemPlace } from "@/lib/bank-article/line-problem";

type Props = {
  preview: PreviewImportOutput;
  /** A spreadsheet's column mapping, remembered for the organisation when the import is confirmed. */
  mapping?: NonNullable<PreviewImportOutput["columns"]>["mapping"];
  competencies: CompetencyOption[];
  myBanks: { id: string; name: string; questionCount: number }[];
  target: ImportTargetChoice;
  onTargetChange: (patch: Partial<ImportTargetChoice>) => void;
};

export function PreviewStep({ preview, mapping, competencies, myBanks, target, onTargetChange }: Props) {
  const validateForm = useValidateForm();
  const trpc = useTRPC();
  const t = useTranslations("banks");
  const router = useRouter();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [entries, setEntries] = useState<ImportEntryValues[]>(() => entriesFromPreview(preview.questions, preview.problems));
  const [localProblem, setLocalProblem] = useState<FieldProblem | null>(null);
  const confirmImport = useMutation(trpc.bankAdmin.confirmImport.mutationOptions());
  const submission = useSubmissionKey();

  useEffect(() => {
    const frame = requestAnimationFrame(() => heading.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  const included = entries.filter((e) => e.include);

  const problem = localProblem ?? fieldErrorFrom(confirmImport.error);
  const failedEntry = entryOfField(problem?.field, entries);
  const errors = preview.problems.filter((p) => p.severity === "error").length;
  const warnings = preview.problems.length - errors;

  const rows = preview.format === "csv" || preview.format === "xlsx";
  const blockers = importBlockers(entries, target, rows ? "row" : "line").map((b) => wordBlocker(t, b));
  // Changing an entry's words or competencies counts as correcting what the preview found; (un)checking Include does not.
  const updateEntry = (index: number, patch: Partial<ImportEntryValues>) =>
    setEntries((all) =>
      all.map((e) => (e.index === index ? { ...e, ...patch, edited: e.edited || Object.keys(patch).some((k) => k !== "include") } : e)),
    );

  function onImport(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (blockers.length > 0) return;
    const checked = validateForm(confirmImportInput, confirmRequest(entries, target, preview.title, mapping));
    setLocalProblem(checked.ok ? null : checked.problem);
    if (!checked.ok) return;
    confirmImport.mutate(
      { ...checked.data, idempotencyKey: submission.current() },
      { onSuccess: (result) => router.push(`/banks/manage/${result.bankId}?imported=${result.imported}`) },
    );
  }

  return (
    <section aria-labelledby={`${id}-preview`} className="mt-8">
      <h2 id={`${id}-preview`} ref={heading} tabIndex={-1} className="text-xl font-semibold">
        {preview.title ? t("previewStep.headingTitled", { title: preview.title }) : t("import.preview")}
      </h2>
      <p className="mt-1 text-slate-700">{t("previewStep.summary", { entries: entries.length, errors, warnings })}</p>
      {preview.lineNote && (
        <p className="mt-1 text-sm text-slate-600">
          {/* The server's note is English; its format says which note, worded here. */}
          {!preview.format || preview.format === "text" || preview.format === "markdown" ? preview.lineNote : t(`lineNotes.${preview.format}`)}
        </p>
      )}

      {preview.problems.length > 0 && (
        <div className="card mt-4">
          <h3 className="font-semibold">{t("previewStep.problems")}</h3>
          <ul className="mt-2 space-y-1 text-sm" aria-label={t("previewStep.problemsLabel")}>
            {preview.problems.map((p, i) => (
              <li key={i} className={p.severity === "error" ? "text-red-800" : "text-amber-900"}>
                <span className="font-semibold">
                  {t("previewStep.severity", { severity: p.severity })},{" "}
                  {p.entryIndex ? (
                    <a href={`#entry-${p.entryIndex}`} className="underline">
                      {wordProblemPlace(t, p, t("entry.line", { line: p.line }))}
                    </a>
                  ) : (
                    wordProblemPlace(t, p, t("entry.line", { line: p.line }))
                  )}
                  :
                </span>{" "}
                {wordLineProblem(t, p)}
              </li>
            ))}
          </ul>
        </div>
      )}

      {entries.length === 0 ? (
        <p className="card mt-4 text-slate-700">{t("previewStep.none")}</p>
      ) : (
        <form onSubmit={onImport} onChange={submission.renew} noValidate>
          <ol className="mt-4 space-y-4" aria-label={t("previewStep.entries")}>
            {entries.map((entry) => (
              <ImportEntry
                key={entry.index}
                entry={entry}
                problems={preview.problems.filter((p) => p.entryIndex === entry.index)}
                competencies={competencies}
                lineWord={rows ? "row" : "line"}
                onChange={(patch) => updateEntry(entry.index, patch)}
              />
            ))}
          </ol>

          <fieldset className="card mt-6 space-y-3">
            <legend className="px-1 text-lg font-semibold">{t("previewStep.into")}</legend>
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              <div className="flex min-h-11 items-center gap-2">
                <input
                  id={`${id}-target-new`}
                  type="radio"
                  name="target"
                  className="size-4 accent-brand-700"
                  checked={target.kind === "new"}
                  onChange={() => onTargetChange({ kind: "new" })}
                />
                <label htmlFor={`${id}-target-new`}>{t("previewStep.newBank")}</label>
              </div>
              <div className="flex min-h-11 items-center gap-2">
                <input
                  id={`${id}-target-existing`}
                  type="radio"
                  name="target"
                  className="size-4 accent-brand-700"
                  checked={target.kind === "existing"}
                  disabled={myBanks.length === 0}
                  onChange={() => onTargetChange({ kind: "existing" })}
                  aria-describedby={myBanks.length === 0 ? `${id}-no-banks` : undefined}
                />
                <label htmlFor={`${id}-target-existing`}>{t("previewStep.existing")}</label>
                {myBanks.length === 0 && (
                  <span id={`${id}-no-banks`} className="text-sm text-slate-600">
                    {t("previewStep.noBanks")}
                  </span>
                )}
              </div>
            </div>
            {target.kind === "new" ? (
              <div className="grid gap-3 md:grid-cols-2">
                <TextField
                  name="newBankName"
                  errorKey="target.newBank.name"
                  label={t("previewStep.newBankName")}
                  problem={problem}
                  maxLength={120}
                  value={target.newName}
                  onChange={(e) => onTargetChange({ newName: e.target.value })}
                />
                <TextField
                  name="newBankRole"
                  errorKey="target.newBank.role"
                  label={t("details.role")}
                  problem={problem}
                  maxLength={120}
                  value={target.newRole}
                  onChange={(e) => onTargetChange({ newRole: e.target.value })}
                />
              </div>
            ) : (
              <SelectField
                name="bankId"
                errorKey="target.bankId"
                label={t("previewStep.bankToAdd")}
                hint={t("previewStep.bankToAddHint")}
                problem={problem}
                options={myBanks.map((b) => ({ value: b.id, label: `${b.name} (${b.questionCount})` }))}
                value={target.existingId}
                onChange={(e) => onTargetChange({ existingId: e.target.value })}
              />
            )}
          </fieldset>

          <div className="mt-6 space-y-3">
            {blockers.length > 0 && (
              <div id={`${id}-blockers`} className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
                <p className="font-semibold">{t("previewStep.before")}</p>
                <ul className="mt-1 list-disc space-y-0.5 pl-5">
                  {blockers.map((b) => (
                    <li key={b}>{b}</li>
                  ))}
                </ul>
              </div>
            )}
            {problem && !problem.field?.startsWith("target.") && (
              <Alert>
                {failedEntry ? t("previewStep.entryPrefix", { index: failedEntry.index }) : ""}
                {problem.message} {t("previewStep.nothingImported")}
              </Alert>
            )}
            <button
              type="submit"
              className="btn-primary"
              disabled={blockers.length > 0 || confirmImport.isPending || confirmImport.isSuccess}
              aria-describedby={blockers.length > 0 ? `${id}-blockers` : undefined}
            >
              {confirmImport.isPending || confirmImport.isSuccess ? t("previewStep.importing") : t("previewStep.import", { count: included.length })}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

"use client";
// The import in three steps on one page: choose the file, map its columns (and see every row's problems),
// then choose what happens to duplicates and import. Each preview sends the file again; the server keeps no upload.
import Link from "next/link";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/field";
import { useSubmissionKey } from "@/components/use-submission-key";
import { duplicateChoiceSchema, type DuplicateChoice, type ImportMapping } from "@/lib/schemas/candidate-import";
import { useTRPC } from "@/trpc/react";
import { MappingStep } from "./mapping-step";
import { PreviewRows } from "./preview-rows";
import { readFileBase64, uploadRefusal, type FileRefusal, type UploadedFile } from "./read-file-base64";

export function CandidateImportWizard() {
  const t = useTranslations("candidateImport");
  const id = useId();
  const trpc = useTRPC();
  const vacancies = useQuery(trpc.candidates.vacancyOptions.queryOptions());
  const preview = useMutation(trpc.candidateImport.preview.mutationOptions());
  const confirm = useMutation(trpc.candidateImport.confirm.mutationOptions());
  const submission = useSubmissionKey();
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [fileProblem, setFileProblem] = useState<FileRefusal | { key: "noFile"; values?: undefined } | null>(null);
  const [defaultVacancyId, setDefaultVacancyId] = useState("");
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [skipRows, setSkipRows] = useState<ReadonlySet<number>>(new Set());
  const [choices, setChoices] = useState<ReadonlyMap<number, "skip" | "update" | "keepBoth">>(new Map());
  const [allChoice, setAllChoice] = useState<DuplicateChoice>("skip");
  const vacancyOptions = (vacancies.data ?? []).filter((v) => v.status === "OPEN" || v.status === "ON_HOLD").map((v) => ({ value: v.id, label: v.title }));

  function changed() {
    submission.renew();
    confirm.reset();
  }

  // Once the import has succeeded, its preview's choices are fixed: they described the organisation before the
  // import, and changing one used to clear "Imported" and offer Import again with a new key, for the same
  // rows. Importing again starts from a fresh preview (read the file again, or preview other columns), which
  // lists what this import added as duplicates (by email; rows without one by name and phone in the vacancy).
  const imported = confirm.isSuccess;
  /** While the import runs nothing changes its choices either: a change would offer Import again beside it. */
  const fixed = imported || confirm.isPending;

  async function onChooseFile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = (new FormData(event.currentTarget).get("file") as File | null) ?? null;
    changed();
    if (!chosen || !chosen.name) return setFileProblem({ key: "noFile" });
    const refusal = uploadRefusal(chosen);
    setFileProblem(refusal);
    if (refusal) return;
    const uploaded = await readFileBase64(chosen);
    if (!uploaded) return setFileProblem({ key: "unreadable", values: { name: chosen.name } });
    setFile(uploaded);
    setSkipRows(new Set());
    setChoices(new Map());
    const result = await preview.mutateAsync({ file: uploaded, defaultVacancyId: defaultVacancyId || undefined }).catch(() => null);
    setMapping(result?.mapping ?? null);
  }

  async function applyMapping(next: ImportMapping, vacancyId: string) {
    if (!file) return;
    changed();
    setMapping(next);
    setDefaultVacancyId(vacancyId);
    await preview.mutateAsync({ file, mapping: next, defaultVacancyId: vacancyId || undefined }).catch(() => null);
  }

  const shown = preview.data;
  const problemRows = shown?.rows.filter((row) => row.problems.length > 0) ?? [];
  const unresolved = problemRows.filter((row) => !skipRows.has(row.rowNumber));
  const hiddenProblems = shown ? shown.counts.withProblems - problemRows.length : 0;
  const blocked = !shown || shown.mappingProblems.length > 0 || unresolved.length > 0 || hiddenProblems > 0;

  async function onImport() {
    if (!file || !mapping || blocked) return;
    await confirm
      .mutateAsync({
        file,
        mapping,
        defaultVacancyId: defaultVacancyId || undefined,
        duplicates: { all: allChoice, rows: [...choices].map(([rowNumber, choice]) => ({ rowNumber, choice })) },
        skipRows: [...skipRows],
        idempotencyKey: submission.current(),
      })
      .catch(() => null);
  }

  return (
    <div className="space-y-6">
      <form onSubmit={(e) => void onChooseFile(e)} className="card mt-6 space-y-3" aria-labelledby={`${id}-file`} noValidate>
        <h2 id={`${id}-file`} className="text-lg font-semibold">
          {t("file.title")}
        </h2>
        <div>
          <label htmlFor={`${id}-input`} className="field-label">
            {t("file.label")}
          </label>
          <input
            id={`${id}-input`}
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="field-input"
            aria-describedby={`${id}-file-problem`}
          />
          <p id={`${id}-file-problem`} className="text-sm text-red-800" role={fileProblem ? "alert" : undefined}>
            {fileProblem && t(`file.${fileProblem.key}`, fileProblem.values)}
          </p>
        </div>
        <button type="submit" className="btn-primary" disabled={preview.isPending || confirm.isPending}>
          {preview.isPending ? t("file.reading") : t("file.read")}
        </button>
        <ErrorAlert error={preview.error} variant="boxed" />
      </form>

      {shown && file && (
        <>
          <MappingStep
            key={JSON.stringify([shown.mapping, defaultVacancyId, file.name])}
            preview={shown}
            vacancyOptions={vacancyOptions}
            defaultVacancyId={defaultVacancyId}
            pending={preview.isPending || confirm.isPending}
            onApply={(next, vacancyId) => void applyMapping(next, vacancyId)}
          />
          <section className="card space-y-3" aria-labelledby={`${id}-preview`}>
            <h2 id={`${id}-preview`} className="text-lg font-semibold">
              {t("preview.title")}
            </h2>
            <p role="status">{t("preview.counts", {
                rows: shown.counts.rows,
                ready: shown.counts.ready,
                withProblems: shown.counts.withProblems,
                duplicates: shown.counts.duplicates,
              })}</p>
            <fieldset disabled={fixed} className="space-y-3">
              {problemRows.length > 0 && (
                <button
                  type="button"
                  className="btn-secondary"
                  onClick={() => {
                    changed();
                    setSkipRows(new Set([...skipRows, ...problemRows.map((row) => row.rowNumber)]));
                  }}
                >
                  {t("preview.leaveOutAll", { count: problemRows.length })}
                </button>
              )}
              {shown.counts.duplicates > 0 && (
                <SelectField
                  id={`${id}-all-duplicates`}
                  name="allDuplicates"
                  label={t("preview.allDuplicates")}
                  value={allChoice}
                  onChange={(e) => {
                    changed();
                    setAllChoice(e.target.value as DuplicateChoice);
                  }}
                  options={duplicateChoiceSchema.options.map((value) => ({ value, label: t(`duplicates.${value}`) }))}
                />
              )}
              <PreviewRows
                rows={shown.rows}
                skipRows={skipRows}
                onSkip={(rowNumber, skip) => {
                  changed();
                  const next = new Set(skipRows);
                  if (skip) next.add(rowNumber);
                  else next.delete(rowNumber);
                  setSkipRows(next);
                }}
                choices={choices}
                allChoice={allChoice}
                onChoose={(rowNumber, choice) => {
                  changed();
                  const next = new Map(choices);
                  if (choice) next.set(rowNumber, choice);
                  else next.delete(rowNumber);
                  setChoices(next);
                }}
              />
              {shown.rowsNotListed > 0 && <p className="text-sm text-slate-700">{t("preview.notListed", { count: shown.rowsNotListed })}</p>}
            </fieldset>
          </section>
          <section className="card space-y-3" aria-labelledby={`${id}-import`}>
            <h2 id={`${id}-import`} className="text-lg font-semibold">
              {t("import.title")}
            </h2>
            {unresolved.length > 0 && (
              <Alert tone="warning">
                {unresolved.length === 1 ? t("import.oneUnresolved", { row: unresolved[0]!.rowNumber }) : t("import.unresolved", { count: unresolved.length })}
              </Alert>
            )}
            {hiddenProblems > 0 && <Alert tone="warning">{t("import.hiddenProblems", { count: hiddenProblems })}</Alert>}
            <button type="button" className="btn-primary" disabled={blocked || confirm.isPending || imported} onClick={() => void onImport()}>
              {confirm.isPending ? t("import.importing") : t("import.submit")}
            </button>
            <ErrorAlert error={confirm.error} variant="boxed" />
            {confirm.data && (
              <Alert tone="success">
                {t("import.done", { created: confirm.data.created, updated: confirm.data.updated, skipped: confirm.data.skipped })}{" "}
                <Link href="/candidates" className="font-semibold underline">
                  {t("import.seeCandidates")}
                </Link>
              </Alert>
            )}
            {imported && <p className="text-sm text-slate-700">{t("import.again")}</p>}
          </section>
        </>
      )}
    </div>
  );
}

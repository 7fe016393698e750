"use client";
// The import in three steps on one page: choose the file, map its columns (and see every row's problems),
// then choose what happens to duplicates and import. Each preview sends the file again; the server keeps no upload.
import Link from "next/link";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/field";
import { useSubmissionKey } from "@/components/use-submission-key";
import type { DuplicateChoice, ImportMapping } from "@/lib/schemas/candidate-import";
import { useTRPC } from "@/trpc/react";
import { MappingStep } from "./mapping-step";
import { DUPLICATE_LABELS, PreviewRows } from "./preview-rows";
import { readFileBase64, uploadRefusal, type UploadedFile } from "./read-file-base64";

export function CandidateImportWizard() {
  const id = useId();
  const trpc = useTRPC();
  const vacancies = useQuery(trpc.candidates.vacancyOptions.queryOptions());
  const preview = useMutation(trpc.candidateImport.preview.mutationOptions());
  const confirm = useMutation(trpc.candidateImport.confirm.mutationOptions());
  const submission = useSubmissionKey();
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
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

  async function onChooseFile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = (new FormData(event.currentTarget).get("file") as File | null) ?? null;
    changed();
    if (!chosen || !chosen.name) return setFileProblem("Choose a CSV file or an Excel workbook first.");
    const refusal = uploadRefusal(chosen);
    setFileProblem(refusal);
    if (refusal) return;
    const uploaded = await readFileBase64(chosen).catch((error: Error) => (setFileProblem(error.message), null));
    if (!uploaded) return;
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
          File
        </h2>
        <div>
          <label htmlFor={`${id}-input`} className="field-label">
            CSV file or Excel workbook (.xlsx)
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
            {fileProblem}
          </p>
        </div>
        <button type="submit" className="btn-primary" disabled={preview.isPending}>
          {preview.isPending ? "Reading…" : "Read the file"}
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
            pending={preview.isPending}
            onApply={(next, vacancyId) => void applyMapping(next, vacancyId)}
          />
          <section className="card space-y-3" aria-labelledby={`${id}-preview`}>
            <h2 id={`${id}-preview`} className="text-lg font-semibold">
              Preview
            </h2>
            <p role="status">
              {shown.counts.rows} rows: {shown.counts.ready} ready, {shown.counts.withProblems} with problems, {shown.counts.duplicates} already in
              your organisation (same email).
            </p>
            {problemRows.length > 0 && (
              <button
                type="button"
                className="btn-secondary"
                onClick={() => {
                  changed();
                  setSkipRows(new Set([...skipRows, ...problemRows.map((row) => row.rowNumber)]));
                }}
              >
                Leave out all {problemRows.length} rows with problems
              </button>
            )}
            {shown.counts.duplicates > 0 && (
              <SelectField
                id={`${id}-all-duplicates`}
                name="allDuplicates"
                label="For candidates already in your organisation"
                value={allChoice}
                onChange={(e) => {
                  changed();
                  setAllChoice(e.target.value as DuplicateChoice);
                }}
                options={(Object.keys(DUPLICATE_LABELS) as DuplicateChoice[]).map((value) => ({ value, label: DUPLICATE_LABELS[value] }))}
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
            {shown.rowsNotListed > 0 && <p className="text-sm text-slate-700">{shown.rowsNotListed} more ready rows are not listed.</p>}
          </section>
          <section className="card space-y-3" aria-labelledby={`${id}-import`}>
            <h2 id={`${id}-import`} className="text-lg font-semibold">
              Import
            </h2>
            {unresolved.length > 0 && (
              <Alert tone="warning">
                {unresolved.length === 1 ? `Row ${unresolved[0]!.rowNumber} has a problem` : `${unresolved.length} rows have problems`}: correct the file
                and read it again, choose other columns, or leave the rows out.
              </Alert>
            )}
            {hiddenProblems > 0 && <Alert tone="warning">{hiddenProblems} more rows have problems than are listed: correct the file first.</Alert>}
            <button type="button" className="btn-primary" disabled={blocked || confirm.isPending || confirm.isSuccess} onClick={() => void onImport()}>
              {confirm.isPending ? "Importing…" : "Import"}
            </button>
            <ErrorAlert error={confirm.error} variant="boxed" />
            {confirm.data && (
              <Alert tone="success">
                Imported: {confirm.data.created} new, {confirm.data.updated} updated, {confirm.data.skipped} skipped.{" "}
                <Link href="/candidates" className="font-semibold underline">
                  See the candidates
                </Link>
              </Alert>
            )}
          </section>
        </>
      )}
    </div>
  );
}

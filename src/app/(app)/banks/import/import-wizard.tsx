"use client";
// Paste or upload an article, preview what it becomes, fix or drop entries, then import them in one go.
import { useSubmissionKey } from "@/components/use-submission-key";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { FieldError, fieldErrorFrom } from "@/components/field-error";
import { useTRPC } from "@/trpc/react";
import type { CompetencyOption } from "../_components/competency-picker";
import { ImportEntry, entryBlockers, type ImportEntryValues, type ImportProblem } from "./import-entry";

const MAX_FILE_BYTES = 1024 * 1024;
const MAX_SOURCE_CHARS = 300_000;
const ACCEPTED_TYPES = ["text/plain", "text/markdown"];

type Props = {
  competencies: CompetencyOption[];
  myBanks: { id: string; name: string; questionCount: number }[];
};

type Preview = { title: string | null; role: string | null; problems: ImportProblem[] };

export function ImportWizard({ competencies, myBanks }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const previewHeading = useRef<HTMLHeadingElement>(null);

  const [source, setSource] = useState("");
  const [sourceProblem, setSourceProblem] = useState<string | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewedSource, setPreviewedSource] = useState<string | null>(null);
  /** Bumped on every preview, so the entries' own state (what is open) starts afresh. */
  const [generation, setGeneration] = useState(0);
  const [entries, setEntries] = useState<ImportEntryValues[]>([]);
  const [targetKind, setTargetKind] = useState<"new" | "existing">("new");
  const [newName, setNewName] = useState("");
  const [newRole, setNewRole] = useState("");
  const [existingId, setExistingId] = useState(myBanks[0]?.id ?? "");

  const previewImport = useMutation(trpc.bankAdmin.previewImport.mutationOptions());
  const confirmImport = useMutation(trpc.bankAdmin.confirmImport.mutationOptions());
  const submission = useSubmissionKey();

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    setFileProblem(null);
    setFileNote(null);
    if (!file) return;
    const refuse = (message: string) => {
      setFileProblem(message);
      input.value = "";
    };
    if (!/\.(txt|md)$/i.test(file.name) && !ACCEPTED_TYPES.includes(file.type)) {
      return refuse(`“${file.name}” is not a .txt or .md file. Save the article as plain text and upload that, or paste it.`);
    }
    if (file.size > MAX_FILE_BYTES) {
      return refuse(`“${file.name}” is ${(file.size / MAX_FILE_BYTES).toFixed(1)} MB; a file can be at most 1 MB.`);
    }
    const text = await file.text();
    if (text.includes("\u0000")) return refuse(`“${file.name}” does not contain plain text.`);
    setSource(text);
    setSourceProblem(null);
    setFileNote(`Loaded ${file.name} (${text.split(/\r\n|\r|\n/).length} lines) into the text box. Press Preview.`);
  }

  function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!source.trim()) return setSourceProblem("Paste the article’s text or upload its file first.");
    if (source.length > MAX_SOURCE_CHARS) return setSourceProblem("The article is too long: at most 300,000 characters.");
    setSourceProblem(null);
    previewImport.mutate(
      { source },
      {
        onSuccess: (result) => {
          setPreview({ title: result.title, role: result.role, problems: result.problems });
          setPreviewedSource(source);
          setGeneration((g) => g + 1);
          setEntries(
            result.questions.map((q) => ({
              index: q.index,
              line: q.line,
              include: true,
              hadText: q.text !== null,
              text: q.text ?? "",
              competencies: q.competencies,
              assesses: q.assesses,
              howToAnswer: q.howToAnswer,
              exampleAnswer: q.exampleAnswer,
            })),
          );
          setNewName(result.role ?? "");
          setNewRole(result.role ?? "");
          confirmImport.reset();
          submission.renew();
          requestAnimationFrame(() => previewHeading.current?.focus());
        },
      },
    );
  }

  const included = entries.filter((e) => e.include);
  const blockers = [
    ...entries.flatMap((e) => {
      const missing = entryBlockers(e);
      return missing.length ? [`Entry ${e.index} (line ${e.line}): ${missing.join(", ")}; or uncheck Include.`] : [];
    }),
    ...(included.length === 0 ? ["Include at least one entry."] : []),
    ...(targetKind === "new" && newName.trim().length < 2 ? ["Name the new bank (at least 2 characters)."] : []),
    ...(targetKind === "existing" && !existingId ? ["Choose the bank to add to."] : []),
  ];
  const confirmProblem = fieldErrorFrom(confirmImport.error);
  const entryOfField = /^questions\.(\d+)/.exec(confirmProblem?.field ?? "");
  const failedEntry = entryOfField ? included[Number(entryOfField[1])] : undefined;

  function onImport(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (blockers.length > 0) return;
    confirmImport.mutate(
      {
        target:
          targetKind === "new"
            ? { newBank: { name: newName.trim(), role: newRole.trim() || undefined } }
            : { bankId: existingId },
        source: preview?.title ?? undefined,
        idempotencyKey: submission.current(),
        questions: included.map((e) => ({
          text: e.text.trim(),
          assesses: e.assesses.trim(),
          howToAnswer: e.howToAnswer.trim(),
          exampleAnswer: e.exampleAnswer.trim(),
          competencySlugs: e.competencies,
          entry: e.index,
          textReconstructed: !e.hadText,
        })),
      },
      { onSuccess: (result) => router.push(`/banks/manage/${result.bankId}?imported=${result.imported}`) },
    );
  }

  const updateEntry = (index: number, patch: Partial<ImportEntryValues>) =>
    setEntries((all) => all.map((e) => (e.index === index ? { ...e, ...patch } : e)));
  const errors = preview?.problems.filter((p) => p.severity === "error").length ?? 0;
  const warnings = (preview?.problems.length ?? 0) - errors;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

  return (
    <>
      <form onSubmit={onPreview} className="card mt-6 space-y-4" noValidate>
        <div>
          <label htmlFor={`${id}-file`} className="field-label">Upload a .txt or .md file</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".txt,.md,text/plain,text/markdown"
            className="block w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:font-semibold"
            onChange={onFile}
            aria-describedby={`${id}-file-hint ${id}-file-error`}
          />
          <p id={`${id}-file-hint`} className="mt-1 text-sm text-slate-600">Plain text, at most 1 MB. Or paste the text below.</p>
          {fileProblem ? (
            <p id={`${id}-file-error`} role="alert" className="mt-1 text-sm font-medium text-red-700">
              {fileProblem}
            </p>
          ) : (
            <span id={`${id}-file-error`} />
          )}
          <p role="status" className="mt-1 text-sm text-green-800">
            {fileNote}
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-source`} className="field-label">Article text</label>
          <textarea
            id={`${id}-source`}
            className="field-input py-2 font-mono text-sm"
            rows={10}
            value={source}
            onChange={(e) => setSource(e.target.value)}
            aria-invalid={sourceProblem ? true : undefined}
            aria-describedby={`${id}-source-error`}
          />
          {sourceProblem || previewImport.error ? (
            <p id={`${id}-source-error`} role="alert" className="mt-1 text-sm font-medium text-red-700">
              {sourceProblem ?? previewImport.error?.message}
            </p>
          ) : (
            <span id={`${id}-source-error`} />
          )}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn-primary" disabled={previewImport.isPending}>
            {previewImport.isPending ? "Reading the article…" : "Preview"}
          </button>
          {preview && previewedSource !== source && (
            <p className="text-sm text-amber-900">The text changed since the preview: press Preview again to see it (your edits below are replaced).</p>
          )}
        </div>
      </form>

      {preview && (
        <section aria-labelledby={`${id}-preview`} className="mt-8">
          <h2 id={`${id}-preview`} ref={previewHeading} tabIndex={-1} className="text-xl font-semibold">
            Preview{preview.title ? `: ${preview.title}` : ""}
          </h2>
          <p className="mt-1 text-slate-700">
            {entries.length} {entries.length === 1 ? "entry" : "entries"} found · {count(errors, "error")} · {count(warnings, "warning")}
          </p>

          {preview.problems.length > 0 && (
            <div className="card mt-4">
              <h3 className="font-semibold">Problems</h3>
              <ul className="mt-2 space-y-1 text-sm" aria-label="Problems in the article">
                {preview.problems.map((p, i) => (
                  <li key={i} className={p.severity === "error" ? "text-red-800" : "text-amber-900"}>
                    <span className="font-semibold">
                      {p.severity === "error" ? "Error" : "Warning"},{" "}
                      {p.entryIndex ? (
                        <a href={`#entry-${p.entryIndex}`} className="underline">
                          line {p.line}
                        </a>
                      ) : (
                        `line ${p.line}`
                      )}
                      :
                    </span>{" "}
                    {p.message}
                  </li>
                ))}
              </ul>
            </div>
          )}

          {entries.length === 0 ? (
            <p className="card mt-4 text-slate-700">No questions were found in this text, so there is nothing to import.</p>
          ) : (
            <form onSubmit={onImport} noValidate>
              <ol className="mt-4 space-y-4" aria-label="Entries to import">
                {entries.map((entry) => (
                  <ImportEntry
                    key={`${generation}-${entry.index}`}
                    entry={entry}
                    problems={preview.problems.filter((p) => p.entryIndex === entry.index)}
                    competencies={competencies}
                    onChange={(patch) => updateEntry(entry.index, patch)}
                  />
                ))}
              </ol>

              <fieldset className="card mt-6 space-y-3">
                <legend className="px-1 text-lg font-semibold">Import into</legend>
                <div className="flex flex-wrap gap-x-6 gap-y-2">
                  <div className="flex min-h-11 items-center gap-2">
                    <input
                      id={`${id}-target-new`}
                      type="radio"
                      name="target"
                      className="size-4 accent-brand-700"
                      checked={targetKind === "new"}
                      onChange={() => setTargetKind("new")}
                    />
                    <label htmlFor={`${id}-target-new`}>A new bank</label>
                  </div>
                  <div className="flex min-h-11 items-center gap-2">
                    <input
                      id={`${id}-target-existing`}
                      type="radio"
                      name="target"
                      className="size-4 accent-brand-700"
                      checked={targetKind === "existing"}
                      disabled={myBanks.length === 0}
                      onChange={() => setTargetKind("existing")}
                      aria-describedby={myBanks.length === 0 ? `${id}-no-banks` : undefined}
                    />
                    <label htmlFor={`${id}-target-existing`}>One of your banks</label>
                    {myBanks.length === 0 && (
                      <span id={`${id}-no-banks`} className="text-sm text-slate-600">
                        (your organisation has none yet)
                      </span>
                    )}
                  </div>
                </div>
                {targetKind === "new" ? (
                  <div className="grid gap-3 md:grid-cols-2">
                    <div>
                      <label htmlFor={`${id}-name`} className="field-label">New bank name</label>
                      <input
                        id={`${id}-name`}
                        className="field-input"
                        maxLength={120}
                        value={newName}
                        onChange={(e) => setNewName(e.target.value)}
                        aria-describedby={`${id}-name-error`}
                      />
                      <FieldError id={`${id}-name-error`} problem={confirmProblem} field="target.newBank.name" />
                    </div>
                    <div>
                      <label htmlFor={`${id}-role`} className="field-label">Role it hires for (optional)</label>
                      <input
                        id={`${id}-role`}
                        className="field-input"
                        maxLength={120}
                        value={newRole}
                        onChange={(e) => setNewRole(e.target.value)}
                      />
                    </div>
                  </div>
                ) : (
                  <div>
                    <label htmlFor={`${id}-bank`} className="field-label">Bank to add to</label>
                    <select
                      id={`${id}-bank`}
                      className="field-input"
                      value={existingId}
                      onChange={(e) => setExistingId(e.target.value)}
                      aria-describedby={`${id}-bank-hint ${id}-bank-error`}
                    >
                      {myBanks.map((b) => (
                        <option key={b.id} value={b.id}>
                          {b.name} ({b.questionCount})
                        </option>
                      ))}
                    </select>
                    <p id={`${id}-bank-hint`} className="mt-1 text-sm text-slate-600">The questions go after the bank&apos;s last question.</p>
                    <FieldError id={`${id}-bank-error`} problem={confirmProblem} field="target.bankId" />
                  </div>
                )}
              </fieldset>

              <div className="mt-6 space-y-3">
                {blockers.length > 0 && (
                  <div id={`${id}-blockers`} className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
                    <p className="font-semibold">Before you can import:</p>
                    <ul className="mt-1 list-disc space-y-0.5 pl-5">
                      {blockers.map((b) => (
                        <li key={b}>{b}</li>
                      ))}
                    </ul>
                  </div>
                )}
                {confirmProblem && !confirmProblem.field?.startsWith("target.") && (
                  <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
                    {failedEntry ? `Entry ${failedEntry.index}: ` : ""}
                    {confirmProblem.message} Nothing was imported.
                  </p>
                )}
                <button
                  type="submit"
                  className="btn-primary"
                  disabled={blockers.length > 0 || confirmImport.isPending || confirmImport.isSuccess}
                  aria-describedby={blockers.length > 0 ? `${id}-blockers` : undefined}
                >
                  {confirmImport.isPending || confirmImport.isSuccess ? "Importing…" : `Import ${count(included.length, "question")}`}
                </button>
              </div>
            </form>
          )}
        </section>
      )}
    </>
  );
}

"use client";
// The import's first step: the article's text, pasted or loaded from a .txt or .md file, and Preview.
import { useState, type ChangeEvent, type FormEvent } from "react";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Field } from "@/components/ui/field";
import { fileRefusal, fileTextRefusal, loadedNote } from "@/lib/bank-article/import-request";

type Props = {
  source: string;
  /** The person typed in the text box. */
  onSourceChange: (source: string) => void;
  /** A file's text was loaded into the text box. */
  onFileLoaded: (text: string) => void;
  /** What to do before previewing (from the page's own check), shown under the text box. */
  sourceProblem: string | null;
  /** The preview request's refusal, if it failed. */
  previewError: unknown;
  pending: boolean;
  /** The text differs from what the preview below shows. */
  stale: boolean;
  onPreview: () => void;
};

export function SourceStep({ source, onSourceChange, onFileLoaded, sourceProblem, previewError, pending, stale, onPreview }: Props) {
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [fileNote, setFileNote] = useState<string | null>(null);
  const sourceMessage = sourceProblem ?? fieldErrorFrom(previewError)?.message ?? null;
  const problem: FieldProblem | null = fileProblem
    ? { field: "file", message: fileProblem }
    : sourceMessage
      ? { field: "source", message: sourceMessage }
      : null;

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
    const refusal = fileRefusal(file);
    if (refusal) return refuse(refusal);
    const text = await file.text();
    const textRefusal = fileTextRefusal(file.name, text);
    if (textRefusal) return refuse(textRefusal);
    onFileLoaded(text);
    setFileNote(loadedNote(file.name, text));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onPreview();
  }

  return (
    <form onSubmit={submit} className="card mt-6 space-y-4" noValidate>
      <div>
        <Field name="file" label="Upload a .txt or .md file" hint="Plain text, at most 1 MB. Or paste the text below." problem={problem}>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".txt,.md,text/plain,text/markdown"
              className="block w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:font-semibold"
              onChange={(event) => void onFile(event)}
            />
          )}
        </Field>
        <p role="status" className="mt-1 text-sm text-green-800">
          {fileNote}
        </p>
      </div>
      <Field name="source" label="Article text" problem={problem}>
        {(control) => (
          <textarea
            {...control}
            className="field-input py-2 font-mono text-sm"
            rows={10}
            value={source}
            onChange={(e) => onSourceChange(e.target.value)}
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Reading the article…" : "Preview"}
        </button>
        {stale && (
          <p className="text-sm text-amber-900">The text changed since the preview: press Preview again to see it (your edits below are replaced).</p>
        )}
      </div>
    </form>
  );
}

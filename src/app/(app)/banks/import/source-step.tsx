"use client";
// The import's first step: the article's text, pasted (rich text from a browser or Word keeps its HTML) or
// loaded from a .txt or .md file, or a file the server reads (HTML, Word, CSV, Excel), and Preview.
import { useRef, useState, type ChangeEvent, type ClipboardEvent, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Field } from "@/components/ui/field";
import {
  ACCEPTED_FILES,
  chosenNote,
  fileRefusal,
  fileTextRefusal,
  loadedNote,
  loadsIntoTextBox,
  type ImportRequestText,
} from "@/lib/bank-article/import-request";

/** What Preview reads: the text box (with the HTML of a rich-text paste), or a chosen file. */
export type ImportSource = { kind: "text"; text: string; pastedHtml: string | null } | { kind: "file"; file: File };

type Props = {
  source: ImportSource;
  onSourceChange: (source: ImportSource) => void;
  /** What to do before previewing (from the page's own check), shown under the text box. */
  sourceProblem: string | null;
  /** The preview request's refusal, if it failed. */
  previewError: unknown;
  pending: boolean;
  /** The text or file differs from what the preview below shows. */
  stale: boolean;
  onPreview: () => void;
};

export function SourceStep({ source, onSourceChange, sourceProblem, previewError, pending, stale, onPreview }: Props) {
  const t = useTranslations("banks");
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [fileNote, setFileNote] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const refusal = fieldErrorFrom(previewError);
  const fileMessage = fileProblem ?? (source.kind === "file" ? (sourceProblem ?? refusal?.message ?? null) : null);
  const sourceMessage = source.kind === "text" ? (sourceProblem ?? refusal?.message ?? null) : null;
  const problem: FieldProblem | null = fileMessage
    ? { field: "file", message: fileMessage }
    : sourceMessage
      ? { field: "source", message: sourceMessage }
      : null;
  const text = source.kind === "text" ? source.text : "";

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
    const say = ({ key, values }: ImportRequestText) => t(key, values);
    const refused = fileRefusal(file);
    if (refused) return refuse(say(refused));
    if (!loadsIntoTextBox(file)) {
      onSourceChange({ kind: "file", file });
      setFileNote(say(chosenNote(file.name)));
      return;
    }
    const loaded = await file.text();
    const textRefusal = fileTextRefusal(file.name, loaded);
    if (textRefusal) return refuse(say(textRefusal));
    onSourceChange({ kind: "text", text: loaded, pastedHtml: null });
    setFileNote(say(loadedNote(file.name, loaded)));
  }

  /** Typing in the text box makes it what Preview reads; a chosen file is let go. */
  function onText(next: string, pastedHtml: string | null = null) {
    if (source.kind === "file" && fileInput.current) fileInput.current.value = "";
    if (source.kind === "file") setFileNote(null);
    onSourceChange({ kind: "text", text: next, pastedHtml });
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const html = event.clipboardData.getData("text/html");
    const plain = event.clipboardData.getData("text/plain");
    if (!html.trim() || !plain.trim()) return; // plain text pastes as usual
    // Rich text: the box shows its words, and the preview reads its HTML, where headings and bold labels survive.
    event.preventDefault();
    const box = event.currentTarget;
    const next = text.slice(0, box.selectionStart) + plain + text.slice(box.selectionEnd);
    onText(next, text.trim() === "" || (box.selectionStart === 0 && box.selectionEnd === text.length) ? html : null);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onPreview();
  }

  return (
    <form onSubmit={submit} className="card mt-6 space-y-4" noValidate>
      <div>
        <Field
          name="file"
          label={t("import.upload")}
          hint={t("import.uploadHint")}
          problem={problem}
        >
          {(control) => (
            <input
              {...control}
              ref={fileInput}
              type="file"
              accept={ACCEPTED_FILES}
              className="block w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:font-semibold"
              onChange={(event) => void onFile(event)}
            />
          )}
        </Field>
        <p role="status" className="mt-1 text-sm text-green-800">
          {fileNote}
        </p>
      </div>
      <Field
        name="source"
        label={t("import.articleText")}
        hint={source.kind === "text" && source.pastedHtml ? t("import.richText") : undefined}
        problem={problem}
      >
        {(control) => (
          <textarea
            {...control}
            className="field-input py-2 font-mono text-sm"
            rows={10}
            value={text}
            onChange={(e) => onText(e.target.value)}
            onPaste={onPaste}
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? t("import.reading") : t("import.preview")}
        </button>
        {stale && (
          <p className="text-sm text-amber-900">{t("import.stale")}</p>
        )}
      </div>
    </form>
  );
}

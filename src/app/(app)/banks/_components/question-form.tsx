"use client";
// Writing a question of an organisation's bank: its wording, guidance for the panel and 1–3 competencies.
// Used to add a question and to edit one; the server validates again and names the field at fault.
import { useId, useState, type FormEvent } from "react";
import { FieldError, fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { CompetencyPicker, competencyProblem, type CompetencyOption } from "./competency-picker";

export type QuestionValues = {
  text: string;
  assesses: string;
  howToAnswer: string;
  exampleAnswer: string;
  competencySlugs: string[];
};

export const EMPTY_QUESTION: QuestionValues = { text: "", assesses: "", howToAnswer: "", exampleAnswer: "", competencySlugs: [] };

type Props = {
  competencies: readonly CompetencyOption[];
  initial?: QuestionValues;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The last error from the server (a tRPC error carrying `data.field`). */
  error: unknown;
  /** Resolves true when saved; the form then empties itself if `resetAfterSave`. */
  onSubmit: (values: QuestionValues) => Promise<boolean>;
  resetAfterSave?: boolean;
};

const TEXT_FIELDS = [
  { key: "assesses", label: "What it assesses", rows: 3, max: 5000 },
  { key: "howToAnswer", label: "What a good answer covers", rows: 4, max: 5000 },
  { key: "exampleAnswer", label: "Example answer", rows: 5, max: 10_000 },
] as const;

export function QuestionForm({ competencies, initial = EMPTY_QUESTION, submitLabel, pendingLabel, pending, error, onSubmit, resetAfterSave }: Props) {
  const id = useId();
  const [values, setValues] = useState<QuestionValues>(initial);
  const [attempted, setAttempted] = useState(false);
  const serverProblem = fieldErrorFrom(error);
  const textTooShort = values.text.trim().length < 5;
  const localProblem: FieldProblem | null =
    attempted && textTooShort ? { field: "text", message: "Write the question (at least 5 characters)." } : null;
  const problem = localProblem ?? serverProblem;
  const set = (key: keyof QuestionValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    if (textTooShort || competencyProblem(values.competencySlugs)) return;
    const saved = await onSubmit({
      ...values,
      text: values.text.trim(),
      assesses: values.assesses.trim(),
      howToAnswer: values.howToAnswer.trim(),
      exampleAnswer: values.exampleAnswer.trim(),
    });
    if (saved && resetAfterSave) {
      setValues(EMPTY_QUESTION);
      setAttempted(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <div>
        <label htmlFor={`${id}-text`} className="field-label">Question</label>
        <textarea
          id={`${id}-text`}
          className="field-input py-2"
          rows={2}
          maxLength={2000}
          value={values.text}
          onChange={(e) => set("text")(e.target.value)}
          aria-invalid={problem?.field === "text" || undefined}
          aria-describedby={`${id}-text-error`}
        />
        <FieldError id={`${id}-text-error`} problem={problem} field="text" />
      </div>
      {TEXT_FIELDS.map((field) => (
        <div key={field.key}>
          <label htmlFor={`${id}-${field.key}`} className="field-label">{field.label}</label>
          <textarea
            id={`${id}-${field.key}`}
            className="field-input py-2"
            rows={field.rows}
            maxLength={field.max}
            value={values[field.key]}
            onChange={(e) => set(field.key)(e.target.value)}
            aria-describedby={`${id}-${field.key}-error`}
          />
          <FieldError id={`${id}-${field.key}-error`} problem={problem} field={field.key} />
        </div>
      ))}
      <CompetencyPicker
        competencies={competencies}
        value={values.competencySlugs}
        onChange={(competencySlugs) => setValues((v) => ({ ...v, competencySlugs }))}
        legend="Competencies"
        showEmpty={attempted}
        serverMessage={problem?.field === "competencySlugs" ? problem.message : null}
      />
      {problem && !["text", "assesses", "howToAnswer", "exampleAnswer", "competencySlugs"].includes(problem.field ?? "") && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {problem.message}
        </p>
      )}
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}

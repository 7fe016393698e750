"use client";
// Writing a question of an organisation's bank: its wording, guidance for the panel and 1–3 competencies.
// Used to add a question and to edit one; the server validates again and names the field at fault.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { fieldErrorFrom } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { questionFieldsSchema, type QuestionFields } from "@/lib/schemas/banks";
import { CompetencyPicker, type CompetencyOption } from "./competency-picker";

export type QuestionValues = QuestionFields;

export const EMPTY_QUESTION: QuestionValues = { text: "", assesses: "", howToAnswer: "", exampleAnswer: "", competencySlugs: [] };

type Props = {
  competencies: readonly CompetencyOption[];
  initial?: QuestionValues;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The last error from the server (a tRPC error carrying `data.field`). */
  error: unknown;
  /** Resolves true when saved; the form then empties the fields still holding what was sent if `resetAfterSave`. */
  onSubmit: (values: QuestionValues) => Promise<boolean>;
  resetAfterSave?: boolean;
};

const TEXT_FIELDS = [
  { key: "text", label: "form.text", rows: 2, max: 2000 },
  { key: "assesses", label: "question.assesses", rows: 3, max: 5000 },
  { key: "howToAnswer", label: "question.howToAnswer", rows: 4, max: 5000 },
  { key: "exampleAnswer", label: "question.exampleAnswer", rows: 5, max: 10_000 },
] as const;

/** Each field still holding what was sent emptied; a field changed since the send keeps its newer value. */
function clearSent(now: QuestionValues, sent: QuestionValues): QuestionValues {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((slug, i) => slug === b[i]);
  return {
    text: now.text === sent.text ? "" : now.text,
    assesses: now.assesses === sent.assesses ? "" : now.assesses,
    howToAnswer: now.howToAnswer === sent.howToAnswer ? "" : now.howToAnswer,
    exampleAnswer: now.exampleAnswer === sent.exampleAnswer ? "" : now.exampleAnswer,
    competencySlugs: same(now.competencySlugs, sent.competencySlugs) ? [] : now.competencySlugs,
  };
}

export function QuestionForm({ competencies, initial = EMPTY_QUESTION, submitLabel, pendingLabel, pending, error, onSubmit, resetAfterSave }: Props) {
  const validateForm = useValidateForm();
  const t = useTranslations("banks");
  const [values, setValues] = useState<QuestionValues>(initial);
  const [attempted, setAttempted] = useState(false);
  const checked = validateForm(questionFieldsSchema, values);
  const problem = (attempted && !checked.ok ? checked.problem : null) ?? fieldErrorFrom(error);
  const set = (key: keyof QuestionValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    if (!checked.ok) return;
    const sent = values;
    const saved = await onSubmit(checked.data);
    if (saved && resetAfterSave) {
      // Only what was sent is cleared: the fields stay editable while the add is on its way (making them
      // read-only would drop keys pressed then, and a person starts the next question at once), so a field
      // typed into meanwhile keeps that newer text, and the unsaved-changes guard still asks about it.
      setValues((now) => clearSent(now, sent));
      setAttempted(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-4" noValidate>
      {TEXT_FIELDS.map((field) => (
        <Field key={field.key} name={field.key} label={t(field.label)} problem={problem}>
          {(control) => (
            <textarea
              {...control}
              className="field-input py-2"
              rows={field.rows}
              maxLength={field.max}
              value={values[field.key]}
              onChange={(e) => set(field.key)(e.target.value)}
            />
          )}
        </Field>
      ))}
      <CompetencyPicker
        competencies={competencies}
        value={values.competencySlugs}
        onChange={(competencySlugs) => setValues((v) => ({ ...v, competencySlugs }))}
        legend={t("browser.competencies")}
        showEmpty={attempted}
        serverMessage={problem?.field === "competencySlugs" ? problem.message : null}
      />
      {problem && !["text", "assesses", "howToAnswer", "exampleAnswer", "competencySlugs"].includes(problem.field ?? "") && (
        <Alert>{problem.message}</Alert>
      )}
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}

"use client";
// The practice answer's text, with a live warning for contact details still in it (the server also checks the
// candidate's name when the text came from their interview's notes, and refuses listing every match).
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { LimitedTextField } from "@/components/ui/limited-text-field";
import type { FieldProblem } from "@/components/field-error";
import { PRACTICE_TEXT_MAX } from "@/lib/schemas/training";
import { identifyingMatches } from "@/lib/training/identifying-text";

export function AnswerTextField({ value, onChange, problem, hint }: { value: string; onChange: (value: string) => void; problem: FieldProblem | null; hint?: string }) {
  const t = useTranslations("training");
  const contact = identifyingMatches(value, []);
  return (
    <div>
      <Field name="text" label={t("answerText.label")} hint={hint ?? t("answerText.hint")} problem={problem}>
        {(control) => (
          <LimitedTextField {...control} multiline rows={10} limit={PRACTICE_TEXT_MAX} className="field-input py-2" value={value} onValueChange={onChange} data-testid="practice-answer-input" />
        )}
      </Field>
      {contact.length > 0 && (
        <p role="status" className="mt-1 text-sm text-amber-900" data-testid="identifying-warning">
          {t("answerText.stillIn", { matches: contact.map((m) => t("answerText.quoted", { text: m })).join(", ") })}
        </p>
      )}
    </div>
  );
}

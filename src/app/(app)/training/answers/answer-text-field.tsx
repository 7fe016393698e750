"use client";
// The practice answer's text, with a live warning for contact details still in it (the server also checks the
// candidate's name when the text came from their interview's notes, and refuses listing every match).
import { Field } from "@/components/ui/field";
import { LimitedTextField } from "@/components/ui/limited-text-field";
import type { FieldProblem } from "@/components/field-error";
import { PRACTICE_TEXT_MAX } from "@/lib/schemas/training";
import { identifyingMatches } from "@/lib/training/identifying-text";

export function AnswerTextField({ value, onChange, problem, hint }: { value: string; onChange: (value: string) => void; problem: FieldProblem | null; hint?: string }) {
  const contact = identifyingMatches(value, []);
  return (
    <div>
      <Field name="text" label="The answer" hint={hint ?? "Write it as a candidate would say it. Name no one and give no contact details."} problem={problem}>
        {(control) => (
          <LimitedTextField {...control} multiline rows={10} limit={PRACTICE_TEXT_MAX} className="field-input py-2" value={value} onValueChange={onChange} data-testid="practice-answer-input" />
        )}
      </Field>
      {contact.length > 0 && (
        <p role="status" className="mt-1 text-sm text-amber-900" data-testid="identifying-warning">
          Still in the text: {contact.map((m) => `“${m}”`).join(", ")}. Take these out before saving.
        </p>
      )}
    </div>
  );
}

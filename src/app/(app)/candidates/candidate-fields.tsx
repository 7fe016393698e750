"use client";
// The candidate form fields shared by the create and edit forms.
import { useState } from "react";
import { FieldError, type FieldProblem } from "@/components/field-error";
import { LimitedTextField } from "@/components/ui/limited-text-field";

type Values = { name?: string; email?: string | null; phone?: string | null; position?: string; notes?: string | null };

export function CandidateFields({ idPrefix, problem, values = {}, positions = [] }: { idPrefix: string; problem: FieldProblem | null; values?: Values; positions?: string[] }) {
  const field = (name: string) => ({ id: `${idPrefix}-${name}`, errorId: `${idPrefix}-${name}-error` });
  const [notes, setNotes] = useState(values.notes ?? "");
  return (
    <>
      <div>
        <label htmlFor={field("name").id} className="field-label">Name</label>
        <input id={field("name").id} name="name" required maxLength={120} defaultValue={values.name} className="field-input" aria-describedby={field("name").errorId} />
        <FieldError id={field("name").errorId} problem={problem} field="name" />
      </div>
      <div>
        <label htmlFor={field("position").id} className="field-label">Position</label>
        <input
          id={field("position").id}
          name="position"
          required
          defaultValue={values.position}
          list={`${idPrefix}-positions`}
          className="field-input"
          aria-describedby={field("position").errorId}
        />
        <datalist id={`${idPrefix}-positions`}>
          {positions.map((p) => <option key={p} value={p} />)}
        </datalist>
        <FieldError id={field("position").errorId} problem={problem} field="position" />
      </div>
      <div>
        <label htmlFor={field("email").id} className="field-label">Email (optional)</label>
        <input id={field("email").id} name="email" type="email" defaultValue={values.email ?? ""} className="field-input" aria-describedby={field("email").errorId} />
        <FieldError id={field("email").errorId} problem={problem} field="email" />
      </div>
      <div>
        <label htmlFor={field("phone").id} className="field-label">Phone (optional)</label>
        <input id={field("phone").id} name="phone" type="tel" defaultValue={values.phone ?? ""} className="field-input" aria-describedby={field("phone").errorId} />
        <FieldError id={field("phone").errorId} problem={problem} field="phone" />
      </div>
      <div>
        <label htmlFor={field("notes").id} className="field-label">Notes (optional)</label>
        <LimitedTextField
          multiline
          id={field("notes").id}
          name="notes"
          rows={3}
          limit={5000}
          value={notes}
          onValueChange={setNotes}
          className="field-input py-2"
          aria-describedby={field("notes").errorId}
        />
        <FieldError id={field("notes").errorId} problem={problem} field="notes" />
      </div>
    </>
  );
}

export function candidateFormValues(form: FormData) {
  return {
    name: String(form.get("name") ?? ""),
    position: String(form.get("position") ?? ""),
    email: String(form.get("email") ?? ""),
    phone: String(form.get("phone") ?? ""),
    notes: String(form.get("notes") ?? ""),
  };
}

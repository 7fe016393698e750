"use client";
// A bank's name, the role it hires for and a description: for a new bank and for renaming one.
import { useId, useState, type FormEvent } from "react";
import { FieldError, fieldErrorFrom, type FieldProblem } from "@/components/field-error";

export type BankDetails = { name: string; role: string; description: string };

type Props = {
  initial?: BankDetails;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: BankDetails) => void;
  /** Shown after a save, in a status region. */
  savedMessage?: string | null;
};

export function BankDetailsForm({ initial, submitLabel, pendingLabel, pending, error, onSubmit, savedMessage }: Props) {
  const id = useId();
  const [values, setValues] = useState<BankDetails>(initial ?? { name: "", role: "", description: "" });
  const [attempted, setAttempted] = useState(false);
  const tooShort = values.name.trim().length < 2;
  const problem: FieldProblem | null =
    attempted && tooShort ? { field: "name", message: "Give the bank a name of at least 2 characters." } : fieldErrorFrom(error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    if (tooShort) return;
    onSubmit({ name: values.name.trim(), role: values.role.trim(), description: values.description.trim() });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <div>
        <label htmlFor={`${id}-name`} className="field-label">Bank name</label>
        <input
          id={`${id}-name`}
          className="field-input"
          maxLength={120}
          value={values.name}
          onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
          aria-invalid={problem?.field === "name" || undefined}
          aria-describedby={`${id}-name-error`}
        />
        <FieldError id={`${id}-name-error`} problem={problem} field="name" />
      </div>
      <div>
        <label htmlFor={`${id}-role`} className="field-label">Role it hires for (optional)</label>
        <input
          id={`${id}-role`}
          className="field-input"
          maxLength={120}
          placeholder="e.g. Peer Support Worker"
          value={values.role}
          onChange={(e) => setValues((v) => ({ ...v, role: e.target.value }))}
          aria-describedby={`${id}-role-error`}
        />
        <FieldError id={`${id}-role-error`} problem={problem} field="role" />
      </div>
      <div>
        <label htmlFor={`${id}-description`} className="field-label">Description (optional)</label>
        <textarea
          id={`${id}-description`}
          className="field-input py-2"
          rows={3}
          maxLength={2000}
          value={values.description}
          onChange={(e) => setValues((v) => ({ ...v, description: e.target.value }))}
          aria-describedby={`${id}-description-error`}
        />
        <FieldError id={`${id}-description-error`} problem={problem} field="description" />
      </div>
      {problem && !["name", "role", "description"].includes(problem.field ?? "") && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {problem.message}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
        <p role="status" className="text-sm text-green-800">
          {savedMessage}
        </p>
      </div>
    </form>
  );
}

"use client";
// A bank's name, the role it hires for and a description: for a new bank and for renaming one. Checked
// with the procedure's own schema before sending; the server checks again and names the field at fault.
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { fieldErrorFrom } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { Field, TextField } from "@/components/ui/field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { bankDetailsSchema } from "@/lib/schemas/banks";

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

const FIELDS = ["name", "role", "description"];

export function BankDetailsForm({ initial, submitLabel, pendingLabel, pending, error, onSubmit, savedMessage }: Props) {
  const validateForm = useValidateForm();
  const t = useTranslations("banks");
  const [values, setValues] = useState<BankDetails>(initial ?? { name: "", role: "", description: "" });
  const [attempted, setAttempted] = useState(false);
  const checked = validateForm(bankDetailsSchema, values);
  const problem = attempted && !checked.ok ? checked.problem : fieldErrorFrom(error);
  const set = (key: keyof BankDetails) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    if (!checked.ok) return;
    onSubmit({ name: checked.data.name, role: checked.data.role ?? "", description: checked.data.description ?? "" });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <TextField name="name" label={t("details.name")} problem={problem} maxLength={120} value={values.name} onChange={(e) => set("name")(e.target.value)} />
      <TextField
        name="role"
        label={t("details.role")}
        problem={problem}
        maxLength={120}
        placeholder={t("details.rolePlaceholder")}
        value={values.role}
        onChange={(e) => set("role")(e.target.value)}
      />
      <Field name="description" label={t("details.description")} problem={problem}>
        {(control) => (
          <textarea
            {...control}
            className="field-input py-2"
            rows={3}
            maxLength={2000}
            value={values.description}
            onChange={(e) => set("description")(e.target.value)}
          />
        )}
      </Field>
      {problem && !FIELDS.includes(problem.field ?? "") && <Alert>{problem.message}</Alert>}
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

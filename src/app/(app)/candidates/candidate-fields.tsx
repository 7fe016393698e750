"use client";
// The candidate form fields shared by the create and edit forms. Their names are the keys of the domain's
// candidateFieldsSchema, which the forms check the values with before sending. (The vacancy is chosen by
// the create form only: a candidacy keeps its vacancy.)
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { FieldProblem } from "@/components/field-error";
import { Field, TextField } from "@/components/ui/field";
import { LimitedTextField } from "@/components/ui/limited-text-field";
import { candidateFieldsSchema, type CandidateFieldsInput, type CandidateVacancyOption } from "@/lib/schemas/candidates";

type Values = Partial<Record<keyof CandidateFieldsInput, string | null>>;

export function CandidateFields({ idPrefix, problem, values = {} }: { idPrefix: string; problem: FieldProblem | null; values?: Values }) {
  const t = useTranslations("candidates.fields");
  const id = (name: keyof CandidateFieldsInput) => `${idPrefix}-${name}`;
  const [notes, setNotes] = useState(values.notes ?? "");
  return (
    <>
      <TextField id={id("name")} name="name" label={t("name")} problem={problem} required maxLength={120} defaultValue={values.name ?? undefined} />
      <TextField id={id("email")} name="email" label={t("email")} problem={problem} type="email" defaultValue={values.email ?? ""} />
      <TextField id={id("phone")} name="phone" label={t("phone")} problem={problem} type="tel" defaultValue={values.phone ?? ""} />
      <Field id={id("notes")} name="notes" label={t("notes")} problem={problem}>
        {(control) => <LimitedTextField multiline {...control} rows={3} limit={5000} value={notes} onValueChange={setNotes} className="field-input py-2" />}
      </Field>
    </>
  );
}

/** A vacancy select's options: the vacancies that take candidates (open or on hold); `onHold` words a held one's title. */
export function vacancyChoices(vacancies: ReadonlyArray<CandidateVacancyOption> = [], placeholder: string, onHold: (title: string) => string) {
  const open = vacancies.filter((v) => v.status === "OPEN" || v.status === "ON_HOLD");
  return [{ value: "", label: placeholder }, ...open.map((v) => ({ value: v.id, label: v.status === "ON_HOLD" ? onHold(v.title) : v.title }))];
}

/** The form's values by the schema's field names, as the fields hold them. */
export function candidateFormValues(form: FormData) {
  const keys = Object.keys(candidateFieldsSchema.shape) as Array<keyof CandidateFieldsInput>;
  return Object.fromEntries(keys.map((key) => [key, String(form.get(key) ?? "")])) as Record<keyof CandidateFieldsInput, string>;
}

"use client";
// The vacancy form's fields, shared by the create and edit forms. Their names are the keys of the domain's
// vacancy schemas, which the forms check the values with before sending.
import type { FieldProblem } from "@/components/field-error";
import { optionsFrom, SelectField, TextField } from "@/components/ui/field";
import { VACANCY_STATUS_LABELS, vacancyFieldNames, type VacancyFieldsInput } from "@/lib/schemas/vacancies";

const STATUS_OPTIONS = optionsFrom(VACANCY_STATUS_LABELS);

type Values = { title?: string; department?: string; location?: string; posts?: number; status?: string; opensOn?: string | null; closesOn?: string | null };

export function VacancyFields({ idPrefix, problem, values = {} }: { idPrefix: string; problem: FieldProblem | null; values?: Values }) {
  const id = (name: keyof VacancyFieldsInput) => `${idPrefix}-${name}`;
  return (
    <>
      <TextField id={id("title")} name="title" label="Title" problem={problem} required maxLength={120} defaultValue={values.title} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id={id("department")} name="department" label="Department (optional)" problem={problem} maxLength={120} defaultValue={values.department ?? ""} />
        <TextField id={id("location")} name="location" label="Location (optional)" problem={problem} maxLength={120} defaultValue={values.location ?? ""} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id={id("posts")} name="posts" label="Number of posts" problem={problem} type="number" inputMode="numeric" min={1} max={999} defaultValue={values.posts ?? 1} />
        <SelectField id={id("status")} name="status" label="Status" problem={problem} defaultValue={values.status ?? "OPEN"} options={STATUS_OPTIONS} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id={id("opensOn")} name="opensOn" label="Opens on (optional)" problem={problem} type="date" defaultValue={values.opensOn ?? ""} />
        <TextField id={id("closesOn")} name="closesOn" label="Closes on (optional)" problem={problem} type="date" defaultValue={values.closesOn ?? ""} />
      </div>
    </>
  );
}

/** The form's values by the schema's field names, as the fields hold them. */
export function vacancyFormValues(form: FormData): Record<keyof VacancyFieldsInput, string> {
  return Object.fromEntries(vacancyFieldNames.map((key) => [key, String(form.get(key) ?? "")])) as Record<keyof VacancyFieldsInput, string>;
}

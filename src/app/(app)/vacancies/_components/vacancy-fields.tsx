"use client";
// The vacancy form's fields, shared by the create and edit forms. Their names are the keys of the domain's
// vacancy schemas, which the forms check the values with before sending.
import { useTranslations } from "next-intl";
import type { FieldProblem } from "@/components/field-error";
import { SelectField, TextField } from "@/components/ui/field";
import { VACANCY_STATUS_LABELS, vacancyFieldNames, type VacancyFieldsInput, type VacancyStatusValue } from "@/lib/schemas/vacancies";

const STATUSES = Object.keys(VACANCY_STATUS_LABELS) as VacancyStatusValue[];

type Values = { title?: string; department?: string; location?: string; posts?: number; status?: string; opensOn?: string | null; closesOn?: string | null };

export function VacancyFields({ idPrefix, problem, values = {} }: { idPrefix: string; problem: FieldProblem | null; values?: Values }) {
  const t = useTranslations("vacancies");
  const id = (name: keyof VacancyFieldsInput) => `${idPrefix}-${name}`;
  return (
    <>
      <TextField id={id("title")} name="title" label={t("fields.title")} problem={problem} required maxLength={120} defaultValue={values.title} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id={id("department")} name="department" label={t("fields.department")} problem={problem} maxLength={120} defaultValue={values.department ?? ""} />
        <TextField id={id("location")} name="location" label={t("fields.location")} problem={problem} maxLength={120} defaultValue={values.location ?? ""} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id={id("posts")} name="posts" label={t("fields.posts")} problem={problem} type="number" inputMode="numeric" min={1} max={999} defaultValue={values.posts ?? 1} />
        <SelectField id={id("status")} name="status" label={t("fields.status")} problem={problem} defaultValue={values.status ?? "OPEN"} options={STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id={id("opensOn")} name="opensOn" label={t("fields.opensOn")} problem={problem} type="date" defaultValue={values.opensOn ?? ""} />
        <TextField id={id("closesOn")} name="closesOn" label={t("fields.closesOn")} problem={problem} type="date" defaultValue={values.closesOn ?? ""} />
      </div>
    </>
  );
}

/** The form's values by the schema's field names, as the fields hold them. */
export function vacancyFormValues(form: FormData): Record<keyof VacancyFieldsInput, string> {
  return Object.fromEntries(vacancyFieldNames.map((key) => [key, String(form.get(key) ?? "")])) as Record<keyof VacancyFieldsInput, string>;
}

"use client";
// Which column holds each field, and the vacancy for rows without one; applied by previewing again.
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { SelectField, type Option } from "@/components/ui/field";
import { IMPORT_FIELDS, type CandidateImportPreview, type ImportMapping } from "@/lib/schemas/candidate-import";

type Props = {
  preview: CandidateImportPreview;
  vacancyOptions: Option[];
  defaultVacancyId: string;
  pending: boolean;
  onApply: (mapping: ImportMapping, defaultVacancyId: string) => void;
};

const NOT_IN_FILE = "";

export function MappingStep({ preview, vacancyOptions, defaultVacancyId, pending, onApply }: Props) {
  const t = useTranslations("candidateImport");
  const id = useId();
  const [mapping, setMapping] = useState<ImportMapping>(preview.mapping);
  const [vacancyId, setVacancyId] = useState(defaultVacancyId);
  const columns = [{ value: NOT_IN_FILE, label: t("mapping.notInFile") }, ...preview.headers.map((header) => ({ value: header, label: header }))];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(mapping, vacancyId);
  }

  return (
    <form onSubmit={submit} className="card mt-6 space-y-3" aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("mapping.title")}
      </h2>
      <p className="text-sm text-slate-700">
        {preview.mappingRemembered ? t("mapping.remembered") : t("mapping.guessed")}{" "}
        {preview.format === "xlsx"
          ? t("mapping.readAsXlsx", { sheet: preview.sheetName ?? "" })
          : t("mapping.readAsCsv", { encoding: preview.encoding === "windows-1252" ? "windows1252" : "utf8" })}
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        {IMPORT_FIELDS.map((field) => (
          <SelectField
            key={field}
            id={`${id}-column-${field}`}
            name={`column-${field}`}
            label={t("mapping.column", { field: t(`fields.${field}`) })}
            options={columns}
            value={mapping[field] ?? NOT_IN_FILE}
            onChange={(e) => setMapping((m) => ({ ...m, [field]: e.target.value || null }))}
          />
        ))}
        <SelectField
          id={`${id}-default-vacancy`}
          name="defaultVacancyId"
          label={t("mapping.defaultVacancy")}
          options={[{ value: "", label: t("mapping.noDefaultVacancy") }, ...vacancyOptions]}
          value={vacancyId}
          onChange={(e) => setVacancyId(e.target.value)}
        />
      </div>
      {preview.mappingProblems.map((problem) => (
        <Alert key={`${problem.key}-${JSON.stringify(problem.values)}`} tone="warning" role="alert">
          {t(`mappingProblems.${problem.key}`, problem.values)}
        </Alert>
      ))}
      <button type="submit" className="btn-secondary" disabled={pending}>
        {t("mapping.apply")}
      </button>
    </form>
  );
}

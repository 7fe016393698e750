"use client";
// A spreadsheet's columns for the import's fields: guessed from the headers (or as the organisation last
// mapped them), changed here and applied by previewing again. The mapping is remembered when the import is
// confirmed.
import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/field";
import { BANK_FIELDS } from "@/lib/bank-article/formats/bank-columns";
import type { PreviewImportOutput } from "@/lib/schemas/banks";

export type BankMapping = NonNullable<PreviewImportOutput["columns"]>["mapping"];

type Props = {
  columns: NonNullable<PreviewImportOutput["columns"]>;
  pending: boolean;
  onApply: (mapping: BankMapping) => void;
};

const NOT_IN_SHEET = "";

export function ColumnMapping({ columns, pending, onApply }: Props) {
  const t = useTranslations("banks");
  const id = useId();
  const [mapping, setMapping] = useState<BankMapping>(columns.mapping);
  const options = [
    { value: NOT_IN_SHEET, label: t("columns.notInSheet") },
    ...columns.headers.map((header) => ({ value: header, label: header })),
  ];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(mapping);
  }

  return (
    <form onSubmit={submit} className="card mt-6 space-y-3" aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("columns.heading")}
      </h2>
      <p className="text-sm text-slate-700">{t("columns.help")}</p>
      <div className="grid gap-3 md:grid-cols-2">
        {BANK_FIELDS.map((field) => (
          <SelectField
            key={field.key}
            name={`column-${field.key}`}
            label={t("columns.column", { field: t(`columns.field.${field.key}`) })}
            options={options}
            value={mapping[field.key] ?? NOT_IN_SHEET}
            onChange={(e) => setMapping((m) => ({ ...m, [field.key]: e.target.value || null }))}
          />
        ))}
      </div>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {t("columns.apply")}
      </button>
    </form>
  );
}

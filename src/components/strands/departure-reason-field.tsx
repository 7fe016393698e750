"use client";
// The chair's reason when the chosen outcome departs from the service-user strand's preferred candidate
// (the server says which outcomes do, and refuses the decision without it).
import { useTranslations } from "next-intl";
import type { FieldProblem } from "@/components/field-error";
import { Field } from "@/components/ui/labelled-field";
import { LimitedTextField } from "@/components/ui/limited-text-field";
import { DEPARTURE_REASON_MAX } from "@/lib/schemas/strands";

type Props = {
  value: string;
  onChange: (next: string) => void;
  problem: FieldProblem | null;
  idPrefix: string;
  /** Prefix of the field's name in error keys ("change." in the correction form). */
  prefix?: string;
};

export function DepartureReasonField({ value, onChange, problem, idPrefix, prefix = "" }: Props) {
  const t = useTranslations("strands");
  return (
    <Field name={`${prefix}strandDepartureReason`} id={`${idPrefix}-strand-departure`} label={t("departureLabel")} hint={t("departureHint")} problem={problem}>
      {(control) => <LimitedTextField {...control} multiline limit={DEPARTURE_REASON_MAX} rows={4} className="field-input py-2" value={value} onValueChange={onChange} />}
    </Field>
  );
}

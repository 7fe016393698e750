"use client";
// The script's details in the builder: title, the role it hires for, planned length and the panel's instructions.
import { useId } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { SCRIPT_TITLE_MAX } from "@/lib/schemas/scripts";
import type { ScriptDetails as Details } from "@/lib/scripts/script-document-reducer";
import { TextAreaField } from "./builder-fields";

type Props = {
  details: Details;
  readOnly: boolean;
  onChange: (patch: Partial<Details>) => void;
};

export function ScriptDetails({ details, readOnly, onChange }: Props) {
  const t = useTranslations("scripts");
  const id = useId();
  return (
    <section aria-labelledby={`${id}-details`} className="card">
      <h2 id={`${id}-details`} className="text-lg font-semibold">
        {t("details.heading")}
      </h2>
      <fieldset disabled={readOnly} className="mt-3 grid gap-3 sm:grid-cols-2">
        <TextField
          name="title"
          id={`${id}-title`}
          label={t("list.newTitle")}
          className="sm:col-span-2"
          value={details.title}
          maxLength={SCRIPT_TITLE_MAX}
          onChange={(e) => onChange({ title: e.target.value })}
        />
        <TextField
          name="role"
          id={`${id}-role`}
          label={t("list.newRole")}
          value={details.role}
          maxLength={120}
          onChange={(e) => onChange({ role: e.target.value })}
        />
        <TextField
          name="plannedMinutes"
          id={`${id}-planned`}
          label={t("list.newMinutes")}
          type="number"
          min={5}
          max={480}
          value={Number.isFinite(details.plannedMinutes) ? details.plannedMinutes : ""}
          onChange={(e) => onChange({ plannedMinutes: e.target.value === "" ? NaN : Math.round(Number(e.target.value)) })}
        />
        <TextAreaField
          name="instructions"
          id={`${id}-instructions`}
          label={t("print.instructions")}
          className="sm:col-span-2"
          height="min-h-20"
          value={details.instructions}
          limit={5000}
          onValueChange={(instructions) => onChange({ instructions })}
        />
      </fieldset>
    </section>
  );
}

"use client";
// Two controls the builder uses in several places: a labelled text area with a length limit, and a
// select that adds the option picked to a list (its label read by screen readers only).
import { Field } from "@/components/ui/field";
import type { Option } from "@/components/ui/field";
import { LimitedTextField } from "@/components/ui/limited-text-field";

type TextAreaFieldProps = {
  name: string;
  id: string;
  label: string;
  value: string;
  limit: number;
  onValueChange: (value: string) => void;
  /** The text area's height: "min-h-20" or "min-h-24". */
  height: "min-h-20" | "min-h-24";
  className?: string;
};

export function TextAreaField({ name, id, label, value, limit, onValueChange, height, className }: TextAreaFieldProps) {
  return (
    <Field name={name} id={id} label={label} className={className}>
      {(control) => (
        <LimitedTextField multiline {...control} className={`field-input ${height} py-2`} value={value} limit={limit} onValueChange={onValueChange} />
      )}
    </Field>
  );
}

type PickToAddProps = {
  id: string;
  label: string;
  placeholder: string;
  options: ReadonlyArray<Option>;
  onPick: (value: string) => void;
  className: string;
};

/** Shows its placeholder again after each pick: the option picked moves into the list beside it. */
export function PickToAdd({ id, label, placeholder, options, onPick, className }: PickToAddProps) {
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select id={id} className={className} value="" onChange={(e) => e.target.value && onPick(e.target.value)}>
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}

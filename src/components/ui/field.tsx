// The form fields most forms use: a text input and a select in a labelled Field (labelled-field.tsx), wired to
// their label, hint and error. A controlled one keeps what was chosen or typed before the page came to life
// (early-edits.ts).
import type { SelectHTMLAttributes, InputHTMLAttributes } from "react";
import { Field, type FieldProps } from "./labelled-field";
import { keepEarlyEdit } from "./early-edits";

export { Field, type ControlProps } from "./labelled-field";

type TextFieldProps = Omit<FieldProps, "children"> & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "className">;

/** A one-line text input in a Field. */
export function TextField({ name, label, hint, problem, id, errorKey, className, ...input }: TextFieldProps) {
  return (
    <Field name={name} label={label} hint={hint} problem={problem} id={id} errorKey={errorKey} className={className}>
      {(control) => <input ref={earlyEditRef(input)} {...input} {...control} className="field-input" />}
    </Field>
  );
}

export type Option<V extends string = string> = { value: V; label: string };

type SelectFieldProps = Omit<FieldProps, "children"> &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id" | "className" | "children"> & { options: ReadonlyArray<Option> };

/** A select in a Field, from a list of value/label options. */
export function SelectField({ name, label, hint, problem, id, errorKey, className, options, ...select }: SelectFieldProps) {
  return (
    <Field name={name} label={label} hint={hint} problem={problem} id={id} errorKey={errorKey} className={className}>
      {(control) => (
        <select ref={earlyEditRef(select)} {...select} {...control} className="field-input">
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Keeps an edit (a controlled field's) or a send made before the page came to life (early-edits.ts). */
function earlyEditRef({ value, onChange }: { value?: unknown; onChange?: unknown }) {
  return keepEarlyEdit(value !== undefined && onChange ? value : undefined);
}

/** Options from a label map ({ VALUE: "Label" }), in the map's order. */
export function optionsFrom<V extends string>(labels: Record<V, string>): Array<Option<V>> {
  return (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }));
}

// The labelled form field used by every form: label, the control, an optional hint, and the message the
// server (or the form's own check) gave for this field, wired together with ids so a screen reader reads
// the hint and the error with the control.
import { useId, type ReactNode, type SelectHTMLAttributes, type InputHTMLAttributes } from "react";
import { FieldError, messageFor, type FieldProblem } from "@/components/field-error";

/** What a control needs to be tied to its label, hint and error. */
export type ControlProps = { id: string; name: string; "aria-describedby": string; "aria-invalid"?: true };

type FieldProps = {
  /** The input's name; also the key of its message in the server's field errors. */
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  problem?: FieldProblem | null;
  /** A fixed id for the control, where tests or links point at it; otherwise one is made. */
  id?: string;
  /** Key of the message in the field errors when it differs from `name` (e.g. "sections.0.title"). */
  errorKey?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

export function Field({ name, label, hint, problem = null, id, errorKey, className, children }: FieldProps) {
  const generated = useId();
  const controlId = id ?? `${generated}-${name}`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const invalid = messageFor(problem, errorKey ?? name) !== null;
  const control: ControlProps = {
    id: controlId,
    name,
    "aria-describedby": hint ? `${hintId} ${errorId}` : errorId,
    ...(invalid ? { "aria-invalid": true as const } : {}),
  };
  return (
    <div className={className}>
      <label htmlFor={controlId} className="field-label">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="mb-1 text-sm text-slate-700">
          {hint}
        </p>
      )}
      {children(control)}
      <FieldError id={errorId} problem={problem} field={errorKey ?? name} />
    </div>
  );
}

type TextFieldProps = Omit<FieldProps, "children"> & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "className">;

/** A one-line text input in a Field. */
export function TextField({ name, label, hint, problem, id, errorKey, className, ...input }: TextFieldProps) {
  return (
    <Field name={name} label={label} hint={hint} problem={problem} id={id} errorKey={errorKey} className={className}>
      {(control) => <input {...input} {...control} className="field-input" />}
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
        <select {...select} {...control} className="field-input">
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

/** Options from a label map ({ VALUE: "Label" }), in the map's order. */
export function optionsFrom<V extends string>(labels: Record<V, string>): Array<Option<V>> {
  return (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }));
}

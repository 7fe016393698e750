// The labelled form field used by every form: label, the control, an optional hint, and the message the
// server (or the form's own check) gave for this field, wired together with ids so a screen reader reads
// the hint and the error with the control. Its own module, apart from the text and select fields built on it
// (field.tsx), so the scoring page, which uses only this, does not carry them (its first-load budget).
import { useId, type ReactNode } from "react";
import { FieldError, messageFor, type FieldProblem } from "@/components/field-error";

/** What a control needs to be tied to its label, hint and error. */
export type ControlProps = { id: string; name: string; "aria-describedby": string; "aria-invalid"?: true };

export type FieldProps = {
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

// The end of a settings form: a problem no field of the form shows (said here instead), the save button, and
// a polite "saved" for screen readers and eyes alike.
import type { FieldProblem } from "@/components/field-error";
import { Alert } from "./alert";

export function SettingsSaveRow(props: { what: string; problem: FieldProblem | null; fields: ReadonlySet<string>; pending: boolean; saved: boolean }) {
  const { what, problem, fields, pending, saved } = props;
  return (
    <>
      {problem && !fields.has(problem.field ?? "") && (
        <Alert variant="plain" className="text-sm">
          {problem.message}
        </Alert>
      )}
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Saving…" : `Save ${what}`}
        </button>
        <p aria-live="polite" className="text-sm">{saved ? `${what[0]!.toUpperCase()}${what.slice(1)} saved.` : ""}</p>
      </div>
    </>
  );
}

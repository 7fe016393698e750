// The foot of a settings form: the problem that belongs to no field (a field's own shows beside it), the save
// button ("Save <what>"), and a polite "<What> saved." once the save went through.
import type { FieldProblem } from "@/components/field-error";
import { Alert } from "./alert";

type Props = {
  /** What the form saves, in lower case: "calendar settings". */
  what: string;
  problem: FieldProblem | null;
  /** The fields that show their own problem; any other problem shows here. */
  fields: ReadonlySet<string>;
  pending: boolean;
  saved: boolean;
};

export function SettingsSaveRow({ what, problem, fields, pending, saved }: Props) {
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
        <p aria-live="polite" className="text-sm">{saved ? `${what.charAt(0).toUpperCase()}${what.slice(1)} saved.` : ""}</p>
      </div>
    </>
  );
}

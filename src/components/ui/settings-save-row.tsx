// The end of a settings form: a problem no field of the form shows (said here instead), the save button, and
// a polite "saved" for screen readers and eyes alike. The form gives both sentences in the reader's language
// (`labels`); `what` is the older English-only way ("Save <what>", "<What> saved.").
import { useTranslations } from "next-intl";
import type { FieldProblem } from "@/components/field-error";
import { Alert } from "./alert";

type Props = {
  what?: string;
  labels?: { save: string; saved: string };
  problem: FieldProblem | null;
  fields: ReadonlySet<string>;
  pending: boolean;
  saved: boolean;
};

export function SettingsSaveRow(props: Props) {
  const { what = "", problem, fields, pending, saved } = props;
  const common = useTranslations("common");
  const labels = props.labels ?? { save: `Save ${what}`, saved: `${what.charAt(0).toUpperCase()}${what.slice(1)} saved.` };
  return (
    <>
      {problem && !fields.has(problem.field ?? "") && (
        <Alert variant="plain" className="text-sm">
          {problem.message}
        </Alert>
      )}
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? common("saving") : labels.save}
        </button>
        <p aria-live="polite" className="text-sm">{saved ? labels.saved : ""}</p>
      </div>
    </>
  );
}

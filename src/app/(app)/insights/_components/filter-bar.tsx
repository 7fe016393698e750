// The filter bar the insights pages share: a search form of selects and day inputs whose values live in
// the URL (the page's query string is also the CSV export's).
import type { ReactNode } from "react";
import { keepEarlyEdit } from "@/components/ui/early-edits";
import { Field, type Option } from "@/components/ui/field";

export function FilterBar({ label, columns, children }: { label: string; columns: string; children: ReactNode }) {
  return (
    <form role="search" aria-label={label} className={`card grid gap-3 ${columns} print:hidden`} onSubmit={(e) => e.preventDefault()}>
      {children}
    </form>
  );
}

type FilterSelectProps = {
  id: string;
  name: string;
  label: string;
  value: string;
  /** The first option, meaning "no filter" (value ""). */
  all: string;
  options: ReadonlyArray<Option> | undefined;
  onChange: (value: string) => void;
  hint?: string;
  disabled?: boolean;
};

export function FilterSelect({ id, name, label, value, all, options, onChange, hint, disabled }: FilterSelectProps) {
  return (
    <Field id={id} name={name} label={label} hint={hint}>
      {(control) => (
        <select ref={keepEarlyEdit(value)} {...control} className="field-input" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
          <option value="">{all}</option>
          {options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A day (YYYY-MM-DD) for a date filter. */
export function FilterDate({ id, name, label, value, onChange }: { id: string; name: string; label: string; value: string; onChange: (value: string) => void }) {
  return (
    <Field id={id} name={name} label={label}>
      {(control) => <input ref={keepEarlyEdit(value)} {...control} type="date" className="field-input" value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

"use client";
// One to three competencies as checkboxes in a fieldset. The order of checking is kept: the first is the main one.
import { useId } from "react";
import { useTranslations } from "next-intl";

export type CompetencyOption = { slug: string; name: string };

export const MAX_COMPETENCIES = 3;

/** What is wrong with a choice of competencies (the message key in the banks namespace), or null. */
export function competencyProblem(chosen: readonly string[]): "picker.none" | "picker.tooMany" | null {
  if (chosen.length === 0) return "picker.none";
  if (chosen.length > MAX_COMPETENCIES) return "picker.tooMany";
  return null;
}

type Props = {
  competencies: readonly CompetencyOption[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  legend: string;
  /** Show "choose at least one" too (after a submit attempt); too many is always shown. */
  showEmpty?: boolean;
  /** A message from the server about this field. */
  serverMessage?: string | null;
  /** Extra ids for aria-describedby (say, the entry's problems in the import preview). */
  describedBy?: string;
};

export function CompetencyPicker({ competencies, value, onChange, legend, showEmpty = false, serverMessage, describedBy }: Props) {
  const t = useTranslations("banks");
  const id = useId();
  const problemKey = competencyProblem(value);
  const problem = problemKey && t(problemKey, { count: value.length });
  const shown = (problem && (value.length > 0 || showEmpty) ? problem : null) ?? serverMessage ?? null;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  function toggle(slug: string, checked: boolean) {
    onChange(checked ? [...value.filter((s) => s !== slug), slug] : value.filter((s) => s !== slug));
  }

  return (
    <fieldset aria-describedby={[hintId, errorId, describedBy].filter(Boolean).join(" ")}>
      <legend className="field-label">{legend}</legend>
      <p id={hintId} className="text-sm text-slate-600">
        {t("picker.hint")}
      </p>
      <div className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
        {competencies.map((c) => {
          const inputId = `${id}-${c.slug}`;
          const rank = value.indexOf(c.slug);
          return (
            <div key={c.slug} className="flex min-h-9 items-center gap-2">
              <input
                id={inputId}
                type="checkbox"
                className="size-4 accent-brand-700"
                checked={rank !== -1}
                onChange={(e) => toggle(c.slug, e.target.checked)}
              />
              <label htmlFor={inputId} className="text-sm">
                {c.name}
                {rank === 0 && value.length > 1 ? <span className="text-slate-600"> {t("picker.main")}</span> : null}
              </label>
            </div>
          );
        })}
      </div>
      {shown ? (
        <p id={errorId} role="alert" className="mt-1 text-sm font-medium text-red-700">
          {shown}
        </p>
      ) : (
        <span id={errorId} />
      )}
    </fieldset>
  );
}

"use client";
// One competency's rating on the scoring screen: the four anchors as large buttons (a radio group), "Not
// assessed" and "Clear". Shared by live interviews and practice sessions, so both rate on the same anchors
// with the same controls.
import type { ReactNode } from "react";
import { ratingLabel } from "@/lib/rating-scale";
import type { RatingValue } from "@/lib/scoring/save-queue";

export type RatableCompetency = { id: string; name: string; anchors: ReadonlyArray<{ level: number; description: string }> };

export const isRated = (value: RatingValue | undefined) => Boolean(value && (value.notAssessed || value.score !== null));

export function CompetencyRating({
  competency,
  value,
  active,
  disabled,
  onFocus,
  onRate,
  notAssessed = true,
  children,
}: {
  competency: RatableCompetency;
  value: RatingValue | undefined;
  /** The competency the 1–4 keys rate. */
  active: boolean;
  disabled: boolean;
  onFocus: () => void;
  onRate: (value: RatingValue) => void;
  /** Offer "Not assessed" (live interviews); practice answers are always rated. */
  notAssessed?: boolean;
  /** Shown under the controls (a practice answer's reference, once revealed). */
  children?: ReactNode;
}) {
  return (
    <fieldset className={`rounded-md border p-3 ${active && !disabled ? "border-brand-600" : "border-slate-200"}`} onFocus={onFocus}>
      <legend className="px-1 font-semibold">{competency.name}</legend>
      <div className="grid gap-2 sm:grid-cols-2 xl:grid-cols-4" role="radiogroup" aria-label={`Rating for ${competency.name}`}>
        {competency.anchors.map((anchor) => {
          const selected = value?.score === anchor.level && !value.notAssessed;
          return (
            <button
              key={anchor.level}
              type="button"
              role="radio"
              aria-checked={selected}
              disabled={disabled}
              onClick={() => onRate({ score: anchor.level, notAssessed: false })}
              className={`min-h-11 rounded-md border p-2 text-left text-sm ${
                selected ? "border-brand-700 bg-brand-50 ring-2 ring-brand-600" : "border-slate-300 bg-white hover:bg-slate-50"
              }`}
            >
              <span className="block font-semibold">
                {anchor.level} · {ratingLabel(anchor.level)}
              </span>
              <span className="mt-1 block text-slate-700">{anchor.description}</span>
            </button>
          );
        })}
      </div>
      {(notAssessed || (isRated(value) && !disabled)) && (
        <div className="mt-2 flex flex-wrap gap-2">
          {notAssessed && (
            <button
              type="button"
              role="radio"
              aria-checked={Boolean(value?.notAssessed)}
              disabled={disabled}
              onClick={() => onRate({ score: null, notAssessed: true })}
              className={`btn-secondary min-h-9 ${value?.notAssessed ? "ring-2 ring-brand-600" : ""}`}
            >
              Not assessed
            </button>
          )}
          {isRated(value) && !disabled && (
            <button type="button" className="btn-secondary min-h-9" onClick={() => onRate({ score: null, notAssessed: false })}>
              Clear<span className="sr-only"> the rating for {competency.name}</span>
            </button>
          )}
        </div>
      )}
      {children}
    </fieldset>
  );
}

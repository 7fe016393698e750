"use client";
// One competency's rating on the scoring screen: the four anchors as large buttons (a radio group), "Not
// assessed" and "Clear". Shared by live interviews and practice sessions, so both rate on the same anchors
// with the same controls. In easy-read mode (issue 23) the same controls are larger, one column, with the
// plain-language words for each level and, when chosen, a symbol beside each.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { lazyPart } from "@/components/lazy-part";
import type { RatingValue } from "@/lib/scoring/save-queue";

// The symbols' drawings come only when a panelist turns them on (off unless chosen in this browser), or
// with the scoring screen's other later parts (load-on-first-input.ts); not there (offline): no symbol, the
// level's words remain.
export const loadRatingSymbols = () => import("./rating-symbols");
const RatingSymbol = lazyPart(() => import("./rating-symbols").then((m) => m.RatingSymbol), { fallback: () => null });

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
  easyRead,
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
  /** Easy-read mode: the anchors given are the plain-language ones; symbols beside the levels when asked. */
  easyRead?: { symbols: boolean };
  /** Shown under the controls (a practice answer's reference, once revealed). */
  children?: ReactNode;
}) {
  const t = useTranslations("scoring");
  const levelLabel = (level: number) => (easyRead ? t(`easyRead.levels.${level}`) : t(`levels.${level}`));
  const small = easyRead ? "min-h-11 px-4 text-base" : "min-h-9";
  return (
    <fieldset
      className={`rounded-md border p-3 ${active && !disabled ? "border-brand-600" : "border-slate-200"}`}
      onFocus={onFocus}
      data-competency-id={competency.id}
    >
      <legend className={`px-1 font-semibold ${easyRead ? "text-xl" : ""}`}>{competency.name}</legend>
      <div
        className={easyRead ? "grid gap-3" : "grid gap-2 sm:grid-cols-2 xl:grid-cols-4"}
        role="radiogroup"
        aria-label={t("rating.groupLabel", { competency: competency.name })}
      >
        {competency.anchors.map((anchor) => {
          const selected = value?.score === anchor.level && !value.notAssessed;
          return (
            <button
              key={anchor.level}
              type="button"
              role="radio"
              aria-checked={selected}
              disabled={disabled}
              data-rate={anchor.level}
              onClick={() => onRate({ score: anchor.level, notAssessed: false })}
              className={`rounded-md border text-left ${easyRead ? "flex min-h-14 items-start gap-3 p-3 text-lg" : "min-h-11 p-2 text-sm"} ${
                selected ? "border-brand-700 bg-brand-50 ring-2 ring-brand-600" : "border-slate-300 bg-white hover:bg-slate-50"
              }`}
            >
              {easyRead?.symbols && <RatingSymbol level={anchor.level} />}
              <span className="block">
                <span className="block font-semibold">{t("rating.level", { level: anchor.level, label: levelLabel(anchor.level) })}</span>
                <span className="mt-1 block text-slate-700">{anchor.description}</span>
              </span>
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
              data-rate="na"
              onClick={() => onRate({ score: null, notAssessed: true })}
              className={`btn-secondary ${small} ${value?.notAssessed ? "ring-2 ring-brand-600" : ""}`}
            >
              {t("rating.notAssessed")}
            </button>
          )}
          {isRated(value) && !disabled && (
            <button type="button" className={`btn-secondary ${small}`} onClick={() => onRate({ score: null, notAssessed: false })}>
              {t("rating.clear")}
              <span className="sr-only">{t("rating.clearFor", { competency: competency.name })}</span>
            </button>
          )}
        </div>
      )}
      {children}
    </fieldset>
  );
}

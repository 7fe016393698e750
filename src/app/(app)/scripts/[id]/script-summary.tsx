"use client";
// Always in view while building: time against the planned length, which competencies the questions rate
// (and how often), their weights in the final score, and what still needs attention; and the same in one
// line (CompactSummary) that stays at the top of the screen.
import { useTranslations } from "next-intl";
import { useId } from "react";
import { coverage, itemCount, scriptWarnings, totalMinutes, weightTotal, type ScriptDocument } from "@/lib/scripts/script-document";
import { PickToAdd } from "./builder-fields";
import type { CompetencyInfo } from "./builder-types";

type Props = {
  doc: ScriptDocument;
  competencies: CompetencyInfo[];
  readOnly: boolean;
  autoTargets: boolean;
  onAutoTargets: (on: boolean) => void;
  onWeight: (competencyId: string, weight: number) => void;
  onAddTarget: (competencyId: string) => void;
  onRemoveTarget: (competencyId: string) => void;
  onSplitEqually: () => void;
};

const competencyName = (competencies: CompetencyInfo[], unknown: string) => (competencyId: string) =>
  competencies.find((c) => c.id === competencyId)?.name ?? unknown;

export function ScriptSummary(props: Props) {
  const { doc, competencies, readOnly } = props;
  const id = useId();
  const t = useTranslations("scriptBuilder");
  const nameOf = competencyName(competencies, t("unknownCompetency"));
  const minutes = totalMinutes(doc);
  const rows = coverage(doc);
  const total = weightTotal(doc);
  const warnings = scriptWarnings(doc, nameOf);
  const overTime = minutes > doc.plannedMinutes;
  const notInTable = competencies.filter((c) => !rows.some((r) => r.competencyId === c.id));

  return (
    <section aria-labelledby={`${id}-heading`} className="card space-y-4" data-testid="script-summary">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">{t("summary.heading")}</h2>

      <div>
        <p className="text-sm font-medium" data-testid="total-time">
          {t("summary.time", { minutes, planned: doc.plannedMinutes })}
        </p>
        <div className="mt-1 h-2.5 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
          <div
            className={`h-full ${overTime ? "bg-red-700" : "bg-brand-600"}`}
            style={{ width: `${Math.min(100, doc.plannedMinutes ? (minutes / doc.plannedMinutes) * 100 : 0)}%` }}
          />
        </div>
      </div>

      <div className="overflow-x-auto relative">
        <table className="w-full text-left text-sm" aria-label={t("summary.coverage")}>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-1.5 pr-2">{t("summary.competency")}</th>
              <th scope="col" className="py-1.5 pr-2 text-right">{t("summary.questions")}</th>
              <th scope="col" className="py-1.5 text-right">{t("summary.weight")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.competencyId} className="border-b border-slate-100">
                <th scope="row" className="py-1.5 pr-2 font-normal">
                  {nameOf(row.competencyId)}
                </th>
                <td className={`py-1.5 pr-2 text-right ${row.isTarget && row.items < 2 ? "font-semibold text-amber-800" : ""}`}>
                  {row.items}
                </td>
                <td className="py-1.5 text-right">
                  {row.isTarget ? (
                    <span className="inline-flex items-center gap-1">
                      <label htmlFor={`${id}-w-${row.competencyId}`} className="sr-only">
                        {t("summary.weightOf", { name: nameOf(row.competencyId) })}
                      </label>
                      <input
                        id={`${id}-w-${row.competencyId}`}
                        type="number"
                        min={0}
                        max={100}
                        className="w-16 rounded border border-slate-400 px-1 py-1 text-right"
                        value={row.weight ?? 0}
                        readOnly={readOnly}
                        onChange={(e) => props.onWeight(row.competencyId, Math.round(Number(e.target.value) || 0))}
                      />
                      %
                      {!readOnly && (
                        <button
                          type="button"
                          className="inline-flex size-7 items-center justify-center rounded hover:bg-slate-100"
                          aria-label={t("summary.stopTargeting", { name: nameOf(row.competencyId) })}
                          onClick={() => props.onRemoveTarget(row.competencyId)}
                        >
                          ×
                        </button>
                      )}
                    </span>
                  ) : (
                    <span className="inline-flex flex-wrap items-center justify-end gap-x-2 text-slate-700" data-testid="also-rated">
                      {t("summary.alsoRated")}
                      {!readOnly && (
                        <button type="button" className="text-brand-700 underline" onClick={() => props.onAddTarget(row.competencyId)}>
                          {t("summary.weigh")}<span className="sr-only"> {nameOf(row.competencyId)}</span>
                        </button>
                      )}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="py-1.5 pr-2">{t("summary.totalWeight")}</th>
              <td />
              <td className={`py-1.5 text-right font-semibold ${total === 100 || rows.length === 0 ? "" : "text-red-800"}`} data-testid="weight-total">
                {t("summary.percent", { value: total })}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>

      {!readOnly && (
        <div className="space-y-2 text-sm">
          <label className="flex items-start gap-2">
            <input type="checkbox" className="mt-0.5 size-5" checked={props.autoTargets} onChange={(e) => props.onAutoTargets(e.target.checked)} />
            <span>
              {t("summary.autoTargets")}
            </span>
          </label>
          {!props.autoTargets && (
            <div className="flex flex-wrap gap-2">
              <button type="button" className="btn-secondary min-h-9" onClick={props.onSplitEqually}>
                {t("summary.splitEqually")}
              </button>
              {notInTable.length > 0 && (
                <PickToAdd
                  id={`${id}-add-target`}
                  label={t("summary.addTarget")}
                  placeholder={t("summary.addTargetPlaceholder")}
                  className="rounded border border-slate-400 bg-white px-2"
                  options={notInTable.map((c) => ({ value: c.id, label: c.name }))}
                  onPick={props.onAddTarget}
                />
              )}
            </div>
          )}
        </div>
      )}

      {warnings.length > 0 ? (
        <ul className="space-y-1 text-sm text-amber-900" aria-label={t("summary.warningsLabel")} data-testid="script-warnings">
          {warnings.map((w) => (
            <li key={w.message} className="rounded bg-amber-50 px-2 py-1 ring-1 ring-amber-200">
              {t(`warnings.${w.kind}`, w.values)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-green-800">{t("summary.allGood")}</p>
      )}
    </section>
  );
}

/**
 * One line that stays at the top of the screen while scrolling through a long script. From the lg
 * breakpoint the full summary beside the script is itself sticky, so the line scrolls away there instead
 * of sitting on top of the summary's first lines.
 */
export function CompactSummary({ doc, competencies }: { doc: ScriptDocument; competencies: CompetencyInfo[] }) {
  const t = useTranslations("scriptBuilder");
  const minutes = totalMinutes(doc);
  const questions = itemCount(doc);
  const warnings = scriptWarnings(doc, competencyName(competencies, t("unknownCompetency")));
  return (
    <div
      className="sticky top-0 z-20 mt-4 flex lg:static flex-wrap gap-x-4 gap-y-1 rounded-md border border-slate-200 bg-white/95 px-3 py-2 text-sm shadow-sm backdrop-blur"
      aria-label={t("compact.label")}
      role="group"
    >
      <span className={minutes > doc.plannedMinutes ? "font-semibold text-red-800" : ""}>
        {t("compact.time", { minutes, planned: doc.plannedMinutes })}
      </span>
      <span>{t("compact.questions", { count: questions })}</span>
      <span>{t("compact.weights", { total: weightTotal(doc) })}</span>
      <span className={warnings.length ? "font-semibold text-amber-800" : "text-green-800"}>
        {warnings.length ? t("compact.toCheck", { count: warnings.length }) : t("compact.noWarnings")}
      </span>
    </div>
  );
}

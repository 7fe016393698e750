// The scorecards of an interview laid out one column per panelist, from what scorecards.forInterview returned
// (the server decides which the viewer may see). No data fetching here, so a server page can render it too:
// the interview page through InterviewScorecards, a lay panelist's scoring page once they have submitted.
import { useFormatter, useTranslations } from "next-intl";
import { AssistedChip } from "@/components/strands/assisted-chip";
import type { RouterOutputs } from "@/trpc/types";

type Scorecards = RouterOutputs["scorecards"]["forInterview"];

export function ScorecardsTable({ data }: { data: Scorecards }) {
  const t = useTranslations("common.ui");
  const format = useFormatter();
  const { scorecards, items, hiddenCount, hiddenReasonKey } = data;

  /** The rating level in a cell, "n/a" when not assessed, null when there is none. */
  const cell = (scorecardIndex: number, itemId: string, competencyId: string): number | "n/a" | null => {
    const rating = scorecards[scorecardIndex]?.ratings.find((r) => r.itemId === itemId && r.competencyId === competencyId);
    if (!rating) return null;
    return rating.notAssessed ? "n/a" : rating.score || null;
  };

  return (
    <section aria-labelledby="scorecards-heading" className="card">
      <h2 id="scorecards-heading" className="text-lg font-semibold">{t("scorecards.heading")}</h2>
      {hiddenCount > 0 && hiddenReasonKey && (
        <p className="mt-1 text-sm text-slate-700">
          {t("scorecards.hidden", { count: hiddenCount })} {t(`scorecards.hiddenReasons.${hiddenReasonKey}`)}
        </p>
      )}
      {scorecards.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t("scorecards.none")}</p>
      ) : (
        <div className="mt-3 overflow-x-auto relative">
          <table className="w-full text-left text-sm" data-testid="scorecards-table">
            <caption className="sr-only">{t("scorecards.caption")}</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1.5 pr-2">{t("scorecards.questionCompetency")}</th>
                {scorecards.map((s) => (
                  <th key={s.id} scope="col" className="py-1.5 pr-2">
                    {s.panelist.name}
                    <span className="block text-xs font-normal text-slate-600">
                      {s.status !== "SUBMITTED"
                        ? t("scorecards.yourDraft")
                        : s.recommendation
                          ? t(`recommendations.${s.recommendation}`)
                          : t("scorecards.submitted")}
                    </span>
                    <AssistedChip assisted={s.assisted} supporterName={s.supporterName} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.flatMap((item) =>
                item.competencies.map((c) => (
                  <tr key={`${item.itemId}-${c.id}`} className="border-b border-slate-100">
                    <th scope="row" className="py-1.5 pr-2 font-normal">
                      {t("scorecards.row", { number: item.number, competency: c.name })}
                    </th>
                    {scorecards.map((s, i) => {
                      const value = cell(i, item.itemId, c.id);
                      return (
                        <td key={s.id} className="py-1.5 pr-2" title={typeof value === "number" && LEVELS.has(value) ? t(`levels.${value}`) : undefined}>
                          {value === null ? "–" : value === "n/a" ? t("scorecards.notAssessed") : value}
                        </td>
                      );
                    })}
                  </tr>
                )),
              )}
            </tbody>
          </table>
          <div className="mt-3 space-y-2">
            {scorecards
              .filter((s) => s.summary || s.amendments.length > 0)
              .map((s) => (
                <div key={s.id} className="text-sm">
                  <p>
                    <strong>{s.panelist.name}:</strong> {s.summary}
                  </p>
                  {s.amendments.map((a, i) => (
                    <p key={i} className="text-slate-700">
                      {t("scorecards.amended", { at: format.dateTime(a.at, "dateTime"), actor: a.actorName, reason: a.reason })}
                    </p>
                  ))}
                </div>
              ))}
          </div>
        </div>
      )}
    </section>
  );
}

/** The levels of the 4-point scale, which have words (common.ui.levels). */
const LEVELS = new Set([1, 2, 3, 4]);

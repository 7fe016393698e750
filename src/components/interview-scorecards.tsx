"use client";
// The scorecards of an interview that the viewer may see: submitted ones, and their own. The server
// decides; this only lays them out, one column per panelist.
import { useQuery } from "@tanstack/react-query";
import { ratingLabel, recommendationLabel } from "@/lib/rating-scale";
import { AssistedChip } from "@/components/strands/assisted-chip";
import { useTRPC } from "@/trpc/react";

export function InterviewScorecards({ interviewId }: { interviewId: string }) {
  const trpc = useTRPC();
  const result = useQuery(trpc.scorecards.forInterview.queryOptions({ interviewId }));
  if (result.isPending) return <p className="text-sm text-slate-600">Loading scorecards…</p>;
  if (result.isError) return null;
  const { scorecards, items, hiddenCount, hiddenReason } = result.data;

  const cell = (scorecardIndex: number, itemId: string, competencyId: string) => {
    const rating = scorecards[scorecardIndex]?.ratings.find((r) => r.itemId === itemId && r.competencyId === competencyId);
    if (!rating) return "–";
    return rating.notAssessed ? "n/a" : rating.score ? String(rating.score) : "–";
  };

  return (
    <section aria-labelledby="scorecards-heading" className="card">
      <h2 id="scorecards-heading" className="text-lg font-semibold">Scorecards</h2>
      {hiddenCount > 0 && hiddenReason && (
        <p className="mt-1 text-sm text-slate-700">
          {hiddenCount} scorecard{hiddenCount === 1 ? "" : "s"} not shown. {hiddenReason}
        </p>
      )}
      {scorecards.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No scorecards to show yet.</p>
      ) : (
        <div className="mt-3 overflow-x-auto relative">
          <table className="w-full text-left text-sm" data-testid="scorecards-table">
            <caption className="sr-only">Ratings by panelist (1 does not meet to 4 exceeds; n/a not assessed)</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1.5 pr-2">Question · competency</th>
                {scorecards.map((s) => (
                  <th key={s.id} scope="col" className="py-1.5 pr-2">
                    {s.panelist.name}
                    <span className="block text-xs font-normal text-slate-600">
                      {s.status === "SUBMITTED" ? recommendationLabel(s.recommendation) ?? "submitted" : "your draft"}
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
                      {item.number}. {c.name}
                    </th>
                    {scorecards.map((s, i) => (
                      <td key={s.id} className="py-1.5 pr-2" title={cell(i, item.itemId, c.id) !== "–" && cell(i, item.itemId, c.id) !== "n/a" ? ratingLabel(Number(cell(i, item.itemId, c.id))) : undefined}>
                        {cell(i, item.itemId, c.id)}
                      </td>
                    ))}
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
                      Amended {a.at.toLocaleString()} by {a.actorName}: “{a.reason}”
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

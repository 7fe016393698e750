"use client";
// Which strand each panelist of the interview sits in (staff, external assessor, service user), for those
// who schedule. Kept beside the panel manager rather than inside it: a member's strand is set here, once
// they are on the panel; it stays once they start scoring (their ratings belong to it).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/ui/alert";
import { STRANDS } from "@/lib/strands/strand-math";
import { useTRPC } from "@/trpc/react";

export function PanelStrands({ interviewId }: { interviewId: string }) {
  const t = useTranslations("strands");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.strands.interview.queryOptions({ interviewId }));
  const set = useMutation(
    trpc.strands.setMemberStrand.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.strands.interview.queryKey({ interviewId }), data),
    }),
  );
  const panel = query.data?.panel.filter((p) => !p.shadow) ?? [];
  if (panel.length === 0) return null;
  return (
    <section aria-labelledby="panel-strands-heading" className="card mt-4" data-testid="panel-strands">
      <h2 id="panel-strands-heading" className="text-lg font-semibold">{t("panelStrandsHeading")}</h2>
      <p className="text-sm text-slate-700">{t("panelStrandsHint")}</p>
      <ErrorAlert error={set.error} variant="boxed" className="mt-2" />
      <ul className="mt-2 space-y-2">
        {panel.map((p) => (
          <li key={p.userId} className="flex flex-wrap items-center gap-2">
            <label htmlFor={`strand-${p.userId}`} className="min-w-40 font-medium">
              {p.name}
              <span className="sr-only">: {t("strandOf", { name: p.name })}</span>
            </label>
            <select
              id={`strand-${p.userId}`}
              className="field-input w-auto"
              value={p.strand}
              disabled={p.started || set.isPending}
              onChange={(e) => set.mutate({ interviewId, userId: p.userId, strand: e.target.value as (typeof STRANDS)[number] })}
            >
              {STRANDS.map((s) => (
                <option key={s} value={s}>
                  {t(`strandNames.${s}`)}
                </option>
              ))}
            </select>
            {p.started && <span className="text-sm text-slate-600">({t("startedScoring")})</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

// Issue 23 on the scoring screen: while the scorecard is a draft, assisted scoring (assistance-form.tsx);
// once submitted, the assisted note and, for the service-user strand's members, the reasons given where a
// decision at this stage departed from their preferred candidate. A server component: its data is read with
// the page (the strands procedures, whose services decide what a panelist may see) and the submitted parts
// are plain HTML, so the scoring page's first load fetches nothing more for them.
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import type { StrandDepartures } from "@/lib/schemas/strands";
import type { signedInServerApi } from "@/trpc/server";
import { AssistanceForm, type Assistance } from "./assistance-form";

type Api = Awaited<ReturnType<typeof signedInServerApi>>;
export type ScoringStrandsData = { assistance: Assistance; departures: StrandDepartures["departures"] };

/** The section's data, or null when the caller has no scorecard here (the screen works without it). */
export async function loadScoringStrands(api: Api, interviewId: string, submitted: boolean): Promise<ScoringStrandsData | null> {
  try {
    const [assistance, gone] = await Promise.all([
      api.strands.assistance({ interviewId }),
      submitted ? api.strands.departures({ interviewId }) : Promise.resolve({ departures: [] }),
    ]);
    return { assistance, departures: gone.departures };
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return null;
    throw error;
  }
}

export async function ScoringStrands({ data, submitted }: { data: ScoringStrandsData; submitted: boolean }) {
  const t = await getTranslations("strands");
  const { assistance, departures } = data;
  return (
    <>
      {!submitted && <AssistanceForm key={assistance.scorecardId} initial={assistance} />}
      {submitted && assistance.assisted && (
        <p className="card mt-4 text-sm" data-testid="assisted-note">
          {t("assistedSubmitted", { name: assistance.supporterName ?? "" })}
        </p>
      )}
      {departures.length > 0 && (
        <section className="card mt-4" aria-labelledby="strand-departures-heading" data-testid="strand-departures">
          <h2 id="strand-departures-heading" className="text-lg font-semibold">
            {t("departuresHeading")}
          </h2>
          <p className="text-sm text-slate-700">{t("departuresHint")}</p>
          <ul className="mt-2 space-y-2">
            {departures.map((d, i) => (
              <li key={i} className="text-sm">
                <p className="font-medium">
                  {d.candidateLabel || t("anotherCandidate")} · {t(`outcomes.${d.outcome as "ADVANCE"}`)}
                </p>
                <p className="whitespace-pre-wrap">{d.reason}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

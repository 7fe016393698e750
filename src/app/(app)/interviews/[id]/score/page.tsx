import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { ScorecardsTable } from "@/components/scorecards-table";
import { NONCE_HEADER } from "@/lib/security/content-security-policy";
import { signedInServerApi } from "@/trpc/server";
import { EARLY_TAPS_SCRIPT } from "./early-taps";
import { localizeItems } from "./localize-items";
import { ScoringScreen } from "./scoring-screen";
import { loadScoringStrands, ScoringStrands } from "./scoring-strands";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scoring");
  return { title: t("title") };
}

export default async function ScorePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const { id } = await params;
  const { q } = await searchParams;
  const api = await signedInServerApi();
  const scorecard = await api.scorecards.mine({ interviewId: id }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  });
  const submitted = scorecard.status === "SUBMITTED";
  const [panelScorecards, strands, locale, requestHeaders] = await Promise.all([
    submitted ? layPanelScorecards(api, id) : null,
    loadScoringStrands(api, id, submitted),
    getLocale(),
    headers(),
  ]);
  return (
    <ClientMessages namespaces={submitted ? ["scoring", "strands", "validation"] : ["scoring", "strands"]}>
      {/* Before the screen below: taps on its ratings before the page's scripts run are kept (early-taps.ts). */}
      {!submitted && <script nonce={requestHeaders.get(NONCE_HEADER) ?? undefined} dangerouslySetInnerHTML={{ __html: EARLY_TAPS_SCRIPT }} />}
      <ScoringScreen
        key={`${scorecard.id}-${scorecard.status}-${scorecard.version}`}
        interviewId={id}
        scorecard={{ ...scorecard, items: localizeItems(scorecard.items, locale) }}
        initialQuestion={Number(q)}
        strands={strands && <ScoringStrands data={strands} submitted={submitted} />}
      />
      {panelScorecards && (
        <div className="mt-4" data-testid="lay-panel-scorecards">
          <ScorecardsTable data={panelScorecards} />
        </div>
      )}
    </ClientMessages>
  );
}

/**
 * A panelist without an account has no interview page: once their own scorecard is submitted (never before:
 * independence), their scoring page shows the panel's scorecards as a member's interview page does. Rendered
 * here on the server, so the scoring page's JavaScript carries none of it; the server's visibility rule decides
 * what the list holds.
 */
async function layPanelScorecards(api: Awaited<ReturnType<typeof signedInServerApi>>, interviewId: string) {
  if (!(await api.layPanelists.session())) return null;
  return api.scorecards.forInterview({ interviewId });
}

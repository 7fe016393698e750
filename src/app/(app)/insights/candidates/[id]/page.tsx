import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { signedInServerApi } from "@/trpc/server";
import { When } from "../../../interviews/_components/when";
import { RECOMMENDATIONS, formatMean, formatWeight, type CandidateSummary } from "../../_components/insights-format";
import { PrintButton } from "../../_components/print-button";
import { WithheldNote } from "@/components/withheld-note";
import { ContactDetails } from "@/components/ui/contact-details";
import { StatTable, type StatColumn } from "../../_components/stat-table";
import { CandidateStrandsSection } from "@/components/strands/candidate-strands-section";
import { AssistedNote } from "@/components/strands/strand-figures";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("candidateSummary"))("metaTitle") };
}

type T = Awaited<ReturnType<typeof getTranslations<"candidateSummary">>>;
type Question = CandidateSummary["questions"][number];

const competencyColumns = (t: T): StatColumn[] => [
  { label: t("competencies.competency") },
  { label: t("competencies.mean"), numeric: true },
  { label: t("competencies.n"), numeric: true },
  { label: t("competencies.notAssessed"), numeric: true },
  { label: t("competencies.range"), numeric: true },
  { label: t("competencies.sd"), numeric: true },
  { label: t("competencies.weight"), numeric: true },
];

// A sign, not a word: the same in every language.
const WARNING_SIGN = "⚠ ";
const CANDIDATE_STATUSES = ["ACTIVE", "HIRED", "RESERVE", "REJECTED", "WITHDRAWN"] as const;
const levelLabel = (t: T, level: number) => (level >= 1 && level <= 4 ? t(`levels.${String(level) as "1"}`) : String(level));

export default async function CandidateSummaryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const blind = query.blind === "1";
  const [api, t, format] = await Promise.all([signedInServerApi(), getTranslations("candidateSummary"), getFormatter()]);
  const summary = await api.insights.candidateSummary({ candidateId: id, blind }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST", "FORBIDDEN"].includes(error.code)) notFound();
    throw error;
  });
  // The stages' decisions this viewer may read (the same access rule); none to show when the role may not list them.
  const history = await api.debriefs.listForCandidate({ candidateId: id }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN"].includes(error.code)) return null;
    throw error;
  });
  const decided = (history?.stages ?? []).flatMap((stage) => (stage.debrief?.decision ? [{ stage, decision: stage.debrief.decision }] : []));
  const { candidate, competencies, questions } = summary;
  const anchor = (q: Pick<Question, "interviewId" | "itemId">) => `q-${q.interviewId}-${q.itemId}`;
  const flagged = questions.filter((q) => q.competencies.some((c) => c.disagreement));
  const interviewCount = new Set(questions.map((q) => q.interviewId)).size;

  return (
    <>
      <p className="text-sm print:hidden">
        <Link href={`/insights/compare${blind ? "?blind=1" : ""}`} className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
        <div>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold" data-testid="candidate-label">
              {candidate.label}
            </h1>
            <span className="chip">{CANDIDATE_STATUSES.includes(candidate.status as "ACTIVE") ? t(`status.${candidate.status as "ACTIVE"}`) : candidate.status}</span>
          </div>
          <p className="mt-1 text-slate-700">
            {candidate.vacancy}
            {candidate.stage ? ` · ${candidate.stage}` : ""}
            {blind ? t("blind") : ""}
          </p>
          {(candidate.email || candidate.phone) && <ContactDetails email={candidate.email} phone={candidate.phone} className="mt-2" />}
        </div>
        <PrintButton />
      </div>

      <WithheldNote withheld={summary.withheld} />

      {summary.disagreements > 0 && (
        <section aria-labelledby="disagreements-heading" className="mt-4 rounded-lg border-2 border-amber-500 bg-amber-50 p-4">
          <h2 id="disagreements-heading" className="font-semibold text-amber-950">
            {t("disagreements.heading", { count: summary.disagreements })}
          </h2>
          <p className="mt-1 text-sm text-amber-950">{t("disagreements.intro")}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {flagged.map((q) => (
              <li key={anchor(q)}>
                <a href={`#${anchor(q)}`} className="text-brand-800 underline">
                  {t("disagreements.question", { number: q.number })}
                  {interviewCount > 1 ? (
                    <>
                      {" "}
                      {t.rich("disagreements.interviewOf", { when: () => <When date={q.interviewDate} dateOnly /> })}
                    </>
                  ) : null}
                  :{" "}
                  {q.competencies
                    .filter((c) => c.disagreement)
                    .map((c) => c.name)
                    .join(", ")}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="mt-6 grid gap-4 lg:grid-cols-[1fr_18rem]">
        <section aria-labelledby="competencies-heading" className="card min-w-0">
          <h2 id="competencies-heading" className="text-lg font-semibold">
            {t("competencies.heading")}
          </h2>
          {competencies.length === 0 ? (
            <p className="mt-2 text-slate-700">{t("competencies.none")}</p>
          ) : (
            <StatTable
              label={t("competencies.label")}
              caption={t("competencies.caption")}
              columns={competencyColumns(t)}
              testId="competency-table"
              footer={
                <tr>
                  <th scope="row" className="py-2 pr-3">{t("competencies.weightedScore")}</th>
                  <td className="py-2 pr-3 text-right font-semibold tabular-nums" data-testid="weighted-score">
                    {formatMean(summary.weightedScore, format, 2)}
                  </td>
                  <td colSpan={5} className="py-2 pr-3 text-xs text-slate-600">
                    {t("competencies.weightedHint")}
                  </td>
                </tr>
              }
            >
              {competencies.map((c) => (
                <tr key={c.id} className="border-b border-slate-100">
                  <th scope="row" className="py-1.5 pr-3 font-normal">{c.name}</th>
                  <td className="py-1.5 pr-3 text-right font-semibold tabular-nums">{formatMean(c.mean, format)}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{c.n}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{c.notAssessed}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{c.min == null || c.max == null ? "–" : `${c.min}–${c.max}`}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{formatMean(c.sd, format, 2)}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{formatWeight(c.weight, format) ?? "–"}</td>
                </tr>
              ))}
            </StatTable>
          )}
        </section>

        <section aria-labelledby="recommendations-heading" className="card h-fit">
          <h2 id="recommendations-heading" className="text-lg font-semibold">
            {t("recommendations.heading")}
          </h2>
          <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-sm">
            {RECOMMENDATIONS.map((r) => (
              <div key={r.key} className="contents">
                <dt>{t(`recommendations.${r.key}`)}</dt>
                <dd className="text-right font-semibold tabular-nums">{summary.recommendations[r.key]}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-xs text-slate-600">{t("recommendations.from", { count: summary.scorecards.length })}</p>
        </section>
      </div>

      {summary.scorecards.length > 0 && (
        <section aria-labelledby="scorecards-heading" className="card mt-4">
          <h2 id="scorecards-heading" className="text-lg font-semibold">
            {t("scorecards.heading")}
          </h2>
          <ul className="mt-2 space-y-3">
            {summary.scorecards.map((s) => (
              <li key={s.id} className="text-sm">
                <p>
                  <strong>{s.panelistName}</strong> ·{" "}
                  {s.recommendation && RECOMMENDATIONS.some((r) => r.key === s.recommendation)
                    ? t(`recommendations.${s.recommendation as "YES"}`)
                    : t("scorecards.noRecommendation")}
                  {s.submittedAt ? (
                    <span className="text-slate-600">
                      {" "}
                      {t.rich("scorecards.submitted", { when: () => <When date={s.submittedAt!} /> })}
                    </span>
                  ) : null}
                </p>
                <AssistedNote assisted={s.assisted} supporterName={s.supporterName} />
                {s.summary && <p className="mt-0.5 text-slate-800">{s.summary}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <CandidateStrandsSection candidateId={id} />

      {decided.length > 0 && (
        <section aria-labelledby="decisions-heading" className="card mt-4">
          <h2 id="decisions-heading" className="text-lg font-semibold">
            {t("decisions.heading")}
          </h2>
          {blind && <p className="mt-1 text-sm text-slate-700">{t("decisions.blind")}</p>}
          <ol className="mt-2 space-y-3 text-sm">
            {decided.map(({ stage, decision }) => (
              <li key={decision.id} data-testid="summary-decision">
                <p>
                  <strong>{stage.name}</strong>: {t(`decisions.outcomes.${decision.outcome}`)}
                  {decision.nextStage ? t("decisions.to", { stage: decision.nextStage.name }) : ""}
                  {decision.isOverride && <span className="chip ml-2 bg-amber-50 text-amber-950 ring-amber-200">{t("decisions.override")}</span>}
                  <span className="text-slate-600">
                    {" "}
                    · {decision.decidedBy ?? t("decisions.formerMember")}, <When date={decision.decidedAt} dateOnly />
                  </span>
                </p>
                {!blind && <p className="mt-0.5 text-slate-800">{decision.rationale}</p>}
                {!blind && decision.isOverride && decision.overrideJustification && (
                  <p className="mt-0.5 text-slate-800">
                    <span className="font-medium">{t("decisions.why")}</span> {decision.overrideJustification}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}

      {questions.length > 0 && (
        <section aria-labelledby="questions-heading" className="mt-6">
          <h2 id="questions-heading" className="text-lg font-semibold">
            {t("questions.heading")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t("questions.intro")}</p>
          <div className="mt-3 space-y-4">
            {questions.map((q) => (
              <QuestionCard key={anchor(q)} t={t} question={q} id={anchor(q)} showDate={interviewCount > 1} />
            ))}
          </div>
        </section>
      )}
    </>
  );
}

function QuestionCard({ t, question, id, showDate }: { t: T; question: Question; id: string; showDate: boolean }) {
  // Panelists in the order they first appear, so every row lines up under the same heading.
  const panelists: Array<{ id: string; name: string }> = [];
  for (const c of question.competencies) {
    for (const r of c.ratings) if (!panelists.some((p) => p.id === r.panelistId)) panelists.push({ id: r.panelistId, name: r.panelistName });
  }
  const headingId = `${id}-heading`;
  return (
    <section id={id} aria-labelledby={headingId} className="card scroll-mt-4 break-inside-avoid">
      <h3 id={headingId} className="font-semibold">
        {question.number}. {question.text}
      </h3>
      {showDate && (
        <p className="text-xs text-slate-600">
          {t.rich("questions.interviewOf", { when: () => <When date={question.interviewDate} dateOnly /> })}
        </p>
      )}
      <StatTable
        className="mt-2"
        label={t("questions.label", { number: question.number })}
        caption={t("questions.caption", { number: question.number })}
        columns={[{ label: t("questions.competency") }, ...panelists.map((p) => ({ key: p.id, label: p.name })), { key: "spread", label: t("questions.spread") }]}
      >
        {question.competencies.map((c) => (
          <tr key={c.id} className={`border-b border-slate-100 ${c.disagreement ? "bg-amber-50" : ""}`}>
            <th scope="row" className="py-1.5 pr-3 font-normal">{c.name}</th>
            {panelists.map((p) => {
              const rating = c.ratings.find((r) => r.panelistId === p.id);
              return (
                <td key={p.id} className="py-1.5 pr-3 tabular-nums">
                  {!rating ? (
                    "–"
                  ) : rating.notAssessed || rating.score == null ? (
                    <span title={t("questions.notAssessed")}>{t("questions.na")}</span>
                  ) : (
                    <>
                      <span className="font-semibold">{rating.score}</span>{" "}
                      <span className="text-xs text-slate-600">{levelLabel(t, rating.score)}</span>
                    </>
                  )}
                </td>
              );
            })}
            <td className="py-1.5 pr-3">
              {c.spread == null ? (
                "–"
              ) : c.disagreement ? (
                <strong className="text-amber-950">
                  <span aria-hidden="true">{WARNING_SIGN}</span>
                  {t("questions.disagree", { spread: c.spread })}
                </strong>
              ) : (
                <span className="tabular-nums">{c.spread}</span>
              )}
            </td>
          </tr>
        ))}
      </StatTable>
      {question.notes.length > 0 ? (
        <div className="mt-3">
          <h4 className="text-sm font-semibold">{t("questions.notes")}</h4>
          <ul className="mt-1 space-y-1 text-sm">
            {question.notes.map((n, i) => (
              <li key={i}>
                <span className="font-medium">{n.panelistName}:</span> {n.body}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="mt-2 text-xs text-slate-600">{t("questions.noNotes")}</p>
      )}
    </section>
  );
}

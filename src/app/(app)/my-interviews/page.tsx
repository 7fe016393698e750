import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import type { MyInterviewRow as Row } from "@/lib/schemas/interviews";
import { signedInServerApi } from "@/trpc/server";
import { When } from "../interviews/_components/when";
import { AddToCalendarLink } from "../interviews/_components/add-to-calendar-link";
import { CalendarFeedBox } from "./calendar-feed-box";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("myInterviews"))("title") };
}

type T = Awaited<ReturnType<typeof getTranslations<"myInterviews">>>;
type Labels = { t: T; statusLabel: (status: Row["scorecardStatus"]) => string };

export default async function MyInterviewsPage() {
  const api = await signedInServerApi();
  // The feed links are read here with the rest, so the page needs no client-side query on load.
  const [mine, feeds, t, it] = await Promise.all([api.interviews.mine(), api.calendar.feeds(), getTranslations("myInterviews"), getTranslations("interviews")]);
  const labels: Labels = { t, statusLabel: (status) => it(`scorecardStatus.${status}`) };
  const overdue = mine.toScore.filter((r) => r.overdue).length;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
      />
      {overdue > 0 && (
        <Alert tone="warning" className="mt-4">
          {t("overdue", { count: overdue })}
        </Alert>
      )}
      <InterviewSection id="to-score" title={t("toScore")} rows={mine.toScore} empty={t("toScoreEmpty")} labels={labels} scoreLinks />
      <InterviewSection id="upcoming" title={t("upcoming")} rows={mine.upcoming} empty={t("upcomingEmpty")} labels={labels} />
      <InterviewSection id="submitted" title={t("submitted")} rows={mine.submitted} empty={t("submittedEmpty")} labels={labels} />
      <ClientMessages namespaces={["myInterviews"]}>
        <CalendarFeedBox initialFeeds={feeds} />
      </ClientMessages>
    </>
  );
}

function InterviewSection(props: { id: string; title: string; rows: Row[]; empty: string; labels: Labels; scoreLinks?: boolean }) {
  const { id, title, rows, empty, scoreLinks = false } = props;
  const { t, statusLabel } = props.labels;
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-8">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title} <span className="text-sm font-normal text-slate-600">({rows.length})</span>
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-slate-700">{empty}</p>
      ) : (
        <ul className="mt-3 space-y-3" aria-label={title}>
          {rows.map((row) => (
            <li key={row.interviewId} className="card flex flex-wrap items-start justify-between gap-3" data-testid="my-interview">
              <div>
                <Link href={`/interviews/${row.interviewId}`} prefetch={false} className="text-base font-semibold underline-offset-2 hover:underline">
                  {row.candidateName}
                </Link>
                <p className="mt-1 text-sm text-slate-700">
                  {row.vacancyTitle}
                  {row.stageName ? ` · ${row.stageName}` : ""} · {row.scriptTitle}
                </p>
                <p className="mt-1 text-sm text-slate-700">
                  <When date={row.scheduledAt} />
                  {row.location ? ` · ${row.location}` : ""}
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-2">
                <span className="chip">{statusLabel(row.scorecardStatus)}</span>
                {row.shadow && <span className="chip">{t("shadow")}</span>}
                {row.overdue && (
                  <span className="inline-flex items-center rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-300">
                    {t("overdueChip")}
                  </span>
                )}
                {!scoreLinks && <AddToCalendarLink interviewId={row.interviewId} candidateName={row.candidateName} />}
                {row.debrief && (
                  <Link href={`/debriefs/${row.debrief.id}`} prefetch={false} className="btn-secondary">
                    {t.rich("debrief", { candidate: row.candidateName, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
                    <span className="ml-1 text-xs font-normal">({row.debrief.status === "OPEN" ? t("debriefOpen") : t("debriefDecided")})</span>
                  </Link>
                )}
                {scoreLinks && (
                  <Link href={`/interviews/${row.interviewId}/score`} prefetch={false} className="btn-secondary">
                    {row.scorecardStatus === "DRAFT" ? t("continueScoring") : t("score")}
                    <span className="sr-only"> {row.candidateName}</span>
                  </Link>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

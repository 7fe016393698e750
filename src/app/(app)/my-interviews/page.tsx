import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import type { MyInterviewRow as Row } from "@/lib/schemas/interviews";
import { signedInServerApi } from "@/trpc/server";
import { When } from "../interviews/_components/when";
import { SCORECARD_STATUS_LABELS } from "../interviews/_components/status-labels";
import { AddToCalendarLink } from "../interviews/_components/add-to-calendar-link";
import { CalendarFeedBox } from "./calendar-feed-box";

export const metadata: Metadata = { title: "My interviews" };

export default async function MyInterviewsPage() {
  const api = await signedInServerApi();
  // The feed links are read here with the rest, so the page needs no client-side query on load.
  const [mine, feeds] = await Promise.all([api.interviews.mine(), api.calendar.feeds()]);
  const overdue = mine.toScore.filter((r) => r.overdue).length;
  return (
    <>
      <PageHeader
        title="My interviews"
        description="The panels you sit on. Score each candidate on your own, soon after the interview, before you talk it over with the panel."
      />
      {overdue > 0 && (
        <Alert tone="warning" className="mt-4">
          {overdue === 1 ? "One scorecard is" : `${overdue} scorecards are`} overdue: please submit while your notes are fresh.
        </Alert>
      )}
      <InterviewSection id="to-score" title="To score" rows={mine.toScore} empty="Nothing to score right now." scoreLinks />
      <InterviewSection id="upcoming" title="Upcoming" rows={mine.upcoming} empty="No interviews coming up." />
      <InterviewSection id="submitted" title="Submitted" rows={mine.submitted} empty="No submitted scorecards yet." />
      <CalendarFeedBox initialFeeds={feeds} />
    </>
  );
}

function InterviewSection(props: { id: string; title: string; rows: Row[]; empty: string; scoreLinks?: boolean }) {
  const { id, title, rows, empty, scoreLinks = false } = props;
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
                <span className="chip">{SCORECARD_STATUS_LABELS[row.scorecardStatus]}</span>
                {row.shadow && <span className="chip">Shadow: to learn, never counted</span>}
                {row.overdue && (
                  <span className="inline-flex items-center rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-300">
                    Overdue: please submit
                  </span>
                )}
                {!scoreLinks && <AddToCalendarLink interviewId={row.interviewId} candidateName={row.candidateName} />}
                {row.debrief && (
                  <Link href={`/debriefs/${row.debrief.id}`} prefetch={false} className="btn-secondary">
                    Debrief<span className="sr-only"> of {row.candidateName}</span>
                    <span className="ml-1 text-xs font-normal">({row.debrief.status === "OPEN" ? "open" : "decided"})</span>
                  </Link>
                )}
                {scoreLinks && (
                  <Link href={`/interviews/${row.interviewId}/score`} prefetch={false} className="btn-secondary">
                    {row.scorecardStatus === "DRAFT" ? "Continue scoring" : "Score"}
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

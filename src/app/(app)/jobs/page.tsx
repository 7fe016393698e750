import type { Metadata } from "next";
import { pageAccess } from "@/trpc/server";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { STATE_LABELS } from "./job-labels";
import { JobsTable } from "./jobs-table";

export const metadata: Metadata = { title: "Background jobs" };

export default async function JobsPage() {
  const { api, viewer, allowed } = await pageAccess("audit:read");
  if (!allowed) {
    return <NotForYourRole title="Background jobs">Only admins see the background jobs.</NotForYourRole>;
  }
  const { jobs, counts } = await api.jobs.list();
  return (
    <>
      <PageHeader
        title="Background jobs"
        description={
          <span className="block max-w-3xl">
            Emails for {viewer.organization?.name} and the scheduled work (scoring reminders, retention) run in the background and
            are retried with growing pauses when they fail. Finished jobs leave this list; a job that failed its last attempt stays,
            with the reason.
          </span>
        }
      />
      <ul className="mt-4 flex flex-wrap gap-2" aria-label="Jobs by state">
        {(Object.keys(STATE_LABELS) as Array<keyof typeof STATE_LABELS>).map((state) => (
          <li key={state} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm">
            {STATE_LABELS[state]}: <strong>{counts[state] ?? 0}</strong>
          </li>
        ))}
      </ul>
      {jobs.length === 0 ? (
        <p className="mt-6 text-slate-700">Nothing is waiting: every job has finished.</p>
      ) : (
        <div className="mt-6">
          <JobsTable jobs={jobs} />
        </div>
      )}
    </>
  );
}

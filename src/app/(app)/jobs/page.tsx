import type { Metadata } from "next";
import { roleHas } from "@/server/auth/permissions";
import { signedInServerApi } from "@/trpc/server";

export const metadata: Metadata = { title: "Background jobs" };

const STATE_LABELS = {
  queued: "Queued",
  scheduled: "Scheduled",
  running: "Running",
  retrying: "Waiting to retry",
  failed: "Failed",
} as const;

const TASK_LABELS: Record<string, string> = {
  "send-email": "Email",
  "scoring-reminders": "Scoring reminders",
  "apply-retention": "Retention run",
};

const when = (date: Date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(date) + " UTC";

export default async function JobsPage() {
  const api = await signedInServerApi();
  const viewer = await api.org.viewer();
  const role = viewer.organization?.role;
  if (!role || !roleHas(role, "audit:read")) {
    return (
      <>
        <h1 className="text-2xl font-semibold">Background jobs</h1>
        <p className="mt-2 text-slate-700">Only admins see the background jobs.</p>
      </>
    );
  }
  const { jobs, counts } = await api.jobs.list();
  return (
    <>
      <h1 className="text-2xl font-semibold">Background jobs</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Emails for {viewer.organization?.name} and the scheduled work (scoring reminders, retention) run in the background and
        are retried with growing pauses when they fail. Finished jobs leave this list; a job that failed its last attempt stays,
        with the reason.
      </p>
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
        <div className="mt-6 overflow-x-auto">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">Background jobs, failed first, then by when they run</caption>
            <thead className="border-b border-slate-300 text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-3">Job</th>
                <th scope="col" className="py-2 pr-3">State</th>
                <th scope="col" className="py-2 pr-3">Attempts</th>
                <th scope="col" className="py-2 pr-3">Runs at</th>
                <th scope="col" className="py-2 pr-3">Last error</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id} className="border-b border-slate-200 align-top" data-testid="job-row">
                  <td className="py-2 pr-3">
                    {TASK_LABELS[job.task] ?? job.task}
                    {job.kind ? <span className="text-slate-600"> ({job.kind.replace(/-/g, " ")})</span> : null}
                    <span className="block text-xs text-slate-600">#{job.id} · {job.scope === "system" ? "all organisations" : "this organisation"}</span>
                  </td>
                  <td className="py-2 pr-3">{STATE_LABELS[job.state]}</td>
                  <td className="py-2 pr-3">
                    {job.attempts} of {job.maxAttempts}
                    {job.attempts > 1 ? <span className="block text-xs text-slate-600">retried {job.attempts - 1}×</span> : null}
                  </td>
                  <td className="py-2 pr-3">{when(job.runAt)}</td>
                  <td className="py-2 pr-3 break-words text-red-800">{job.lastError ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

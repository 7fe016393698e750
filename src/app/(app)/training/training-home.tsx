"use client";
// The training page: pick a published script to practise on (refused, with the reason, when its questions
// have no practice answers), your practice sessions and their figures, and the practice answers you were
// asked to give reference ratings for.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { useTRPC } from "@/trpc/react";
import { SessionList } from "./_components/session-list";

export function TrainingHome() {
  const trpc = useTRPC();
  const router = useRouter();
  const scripts = useQuery(trpc.training.scripts.queryOptions());
  const sessions = useQuery(trpc.training.sessions.queryOptions({}));
  const tasks = useQuery(trpc.training.referenceTasks.queryOptions());
  const start = useMutation(trpc.training.start.mutationOptions({ onSuccess: ({ id }) => router.push(`/training/sessions/${id}`) }));
  const waiting = (tasks.data ?? []).filter((t) => !t.submitted && t.status === "DRAFT");

  return (
    <div className="mt-6 space-y-8">
      {waiting.length > 0 && (
        <section aria-labelledby="tasks-heading" data-testid="reference-tasks">
          <h2 id="tasks-heading" className="text-lg font-semibold">
            Reference ratings asked of you
          </h2>
          <p className="mt-1 text-sm text-slate-700">Rate these on your own: you see the other raters&rsquo; ratings once you have given yours.</p>
          <ul className="mt-3 space-y-2">
            {waiting.map((t) => (
              <li key={t.answerId} className="card">
                <Link href={`/training/answers/${t.answerId}`} className="font-semibold underline-offset-2 hover:underline">
                  {t.questionText}
                </Link>
                <p className="mt-1 text-sm text-slate-700">{t.excerpt}</p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="practise-heading">
        <h2 id="practise-heading" className="text-lg font-semibold">
          Practise on a script
        </h2>
        <ErrorAlert error={scripts.error} className="mt-2" />
        {start.error && (
          <Alert className="mt-2" variant="boxed">
            {start.error.message}
          </Alert>
        )}
        {scripts.isPending && <p className="mt-2">Loading scripts…</p>}
        {scripts.data && scripts.data.length === 0 && <p className="card mt-3 text-slate-700">No published scripts yet.</p>}
        <ul className="mt-3 grid gap-3 md:grid-cols-2" data-testid="practice-scripts">
          {scripts.data?.map((s) => (
            <li key={s.versionId} className="card flex flex-col gap-2" data-testid="practice-script">
              <div>
                <p className="font-semibold">{s.title}</p>
                <p className="text-sm text-slate-700">
                  {s.role} · version {s.version}
                </p>
                <p className="mt-1 text-sm text-slate-700">
                  {s.answers > 0
                    ? `${s.answers} practice answer${s.answers === 1 ? "" : "s"} on ${s.questionsWithAnswers} of its ${s.questions} question${s.questions === 1 ? "" : "s"}`
                    : "No practice answers for its questions yet"}
                </p>
              </div>
              <div>
                <button
                  type="button"
                  className={s.answers > 0 ? "btn-primary" : "btn-secondary"}
                  disabled={start.isPending}
                  onClick={() => start.mutate({ scriptVersionId: s.versionId })}
                  aria-label={`Practise on ${s.title}, version ${s.version}`}
                  data-testid="start-practice"
                >
                  {start.isPending && start.variables?.scriptVersionId === s.versionId ? "Starting…" : "Practise"}
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Your practice
        </h2>
        <p className="mt-1 text-sm text-slate-700">Only you, HR and admins see your practice sessions and figures.</p>
        <ErrorAlert error={sessions.error} className="mt-2" />
        {sessions.data && <SessionList sessions={sessions.data.sessions} />}
      </section>
    </div>
  );
}

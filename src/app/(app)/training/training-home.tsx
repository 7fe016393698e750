"use client";
// The training page: pick a published script to practise on (refused, with the reason, when its questions
// have no practice answers), your practice sessions and their figures, and the practice answers you were
// asked to give reference ratings for. A refresher (your own from the last 30 days, or the competencies of a
// refresher email's `?competencies=` link) says which competencies it aims at and why, and lists first, marked,
// the scripts whose questions are rated on them.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { PracticeScriptOption } from "@/lib/schemas/training";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { useTRPC } from "@/trpc/react";
import { SessionList } from "./_components/session-list";

function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The scripts rated on any of the aimed competencies first (most of them first), the rest after, order kept otherwise. */
function refresherOrder(scripts: readonly PracticeScriptOption[], competencyIds: readonly string[]) {
  const aimed = new Set(competencyIds);
  const rows = scripts.map((script, index) => ({ script, index, matches: script.competencies.filter((c) => aimed.has(c.id)) }));
  return rows.sort((a, b) => Math.sign(b.matches.length) - Math.sign(a.matches.length) || b.matches.length - a.matches.length || a.index - b.index);
}

const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const NO_IDS: readonly string[] = [];

export function TrainingHome({ competencyIds: linked = NO_IDS }: { competencyIds?: readonly string[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const scripts = useQuery(trpc.training.scripts.queryOptions());
  const refresher = useQuery(trpc.training.refresher.queryOptions());
  // The link's competencies when it names any, else those of the member's own refresher.
  const competencyIds = useMemo(
    () => (linked.length > 0 ? linked : (refresher.data?.competencies.map((c) => c.id) ?? NO_IDS)),
    [linked, refresher.data],
  );
  const sessions = useQuery(trpc.training.sessions.queryOptions({}));
  const tasks = useQuery(trpc.training.referenceTasks.queryOptions());
  const start = useMutation(trpc.training.start.mutationOptions({ onSuccess: ({ id }) => router.push(`/training/sessions/${id}`) }));
  const waiting = (tasks.data ?? []).filter((t) => !t.submitted && t.status === "DRAFT");
  const ordered = useMemo(() => refresherOrder(scripts.data ?? [], competencyIds), [scripts.data, competencyIds]);
  // Names come from the organisation's own scripts; an id none of them rates is counted, not named.
  const aimedNames = competencyIds.flatMap((id) => {
    const found = scripts.data?.flatMap((s) => s.competencies).find((c) => c.id === id);
    return found ? [found.name] : [];
  });
  const unnamed = competencyIds.length - aimedNames.length;
  const matching = ordered.filter((row) => row.matches.length > 0);

  return (
    <div className="mt-6 space-y-8">
      {(competencyIds.length > 0 || refresher.data) && scripts.data && (
        <section aria-labelledby="refresher-heading" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="refresher-aim">
          <h2 id="refresher-heading" className="text-base font-semibold">
            A refresher{aimedNames.length > 0 ? ` on ${listOf(aimedNames)}` : ""}
          </h2>
          <p className="mt-1">
            {aimedNames.length > 0
              ? `Your live ratings on ${aimedNames.length === 1 ? "this competency" : "these competencies"} drifted from the panel's, so practise on a script that rates ${aimedNames.length === 1 ? "it" : "them"} and compare each rating with the reference. `
              : ""}
            {unnamed > 0 ? `${unnamed} of the competencies in your link ${unnamed === 1 ? "is" : "are"} not rated by any published script. ` : ""}
            {matching.length > 0
              ? `${matching.length === 1 ? "The script" : `The ${matching.length} scripts`} that rate${matching.length === 1 ? "s" : ""} ${aimedNames.length === 1 ? "it" : "them"} ${matching.length === 1 ? "is" : "are"} listed first and marked.`
              : "No published script rates them yet; any script below still practises the anchors."}
          </p>
          {refresher.data && (
            <p className="mt-1" data-testid="refresher-findings">
              Suggested {dateOnly.format(refresher.data.suggestedAt)}: {refresher.data.findings.join("; ")}.{" "}
              {refresher.data.practisedAt
                ? `You have finished a practice session since (${dateOnly.format(refresher.data.practisedAt)}); HR sees its accuracy beside your live ratings.`
                : "Only you, HR and admins see your practice results."}
            </p>
          )}
        </section>
      )}
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
          {ordered.map(({ script: s, matches }) => (
            <li
              key={s.versionId}
              className={`card flex flex-col gap-2${matches.length > 0 ? " border-2 border-amber-500" : ""}`}
              data-testid="practice-script"
              data-refresher={matches.length > 0 ? "true" : undefined}
            >
              <div>
                <p className="font-semibold">{s.title}</p>
                {matches.length > 0 && (
                  <p className="text-sm font-semibold text-amber-900">For your refresher: rates {listOf(matches.map((c) => c.name))}</p>
                )}
                <p className="text-sm text-slate-700">
                  {s.role} · version {s.version}
                </p>
                <p className="mt-1 text-sm text-slate-700">
                  {s.answers > 0
                    ? `${s.answers} practice answer${s.answers === 1 ? "" : "s"} on ${s.questionsWithAnswers} of its ${s.questions} question${s.questions === 1 ? "" : "s"}`
                    : "No practice answers for its questions yet"}
                </p>
              </div>
              <div className="flex flex-wrap gap-2">
                {matches.length > 0 && s.answers > 0 && (
                  <button
                    type="button"
                    className="btn-primary"
                    disabled={start.isPending}
                    onClick={() => start.mutate({ scriptVersionId: s.versionId, competencyIds: matches.map((c) => c.id) })}
                    aria-label={`Practise the refresher set on ${s.title}, version ${s.version}: only ${listOf(matches.map((c) => c.name))}`}
                    data-testid="start-refresher-set"
                  >
                    {start.isPending && start.variables?.competencyIds ? "Starting…" : "Practise the refresher set"}
                  </button>
                )}
                <button
                  type="button"
                  className={s.answers > 0 && matches.length === 0 ? "btn-primary" : "btn-secondary"}
                  disabled={start.isPending}
                  onClick={() => start.mutate({ scriptVersionId: s.versionId })}
                  aria-label={`Practise on ${s.title}, version ${s.version}`}
                  data-testid="start-practice"
                >
                  {start.isPending && start.variables?.scriptVersionId === s.versionId && !start.variables.competencyIds ? "Starting…" : "Practise"}
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

"use client";
// The training page: pick a published script to practise on (refused, with the reason, when its questions
// have no practice answers), your practice sessions and their figures, and the practice answers you were
// asked to give reference ratings for. A refresher (your own from the last 30 days, or the competencies of a
// refresher email's `?competencies=` link) says which competencies it aims at and why, and lists first, marked,
// the scripts whose questions are rated on them.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { PracticeScriptOption } from "@/lib/schemas/training";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { useTRPC } from "@/trpc/react";
import { driftWords } from "@/lib/training/drift-words";
import { SessionList } from "./_components/session-list";
import { useFigures } from "./_components/use-figures";

/** "A, B and C" in the reader's language (`and` joins the last two). */
function listOf(names: readonly string[], and: (first: string, last: string) => string): string {
  if (names.length <= 1) return names.join("");
  return and(names.slice(0, -1).join(", "), names[names.length - 1]!);
}

/** The scripts rated on any of the aimed competencies first (most of them first), the rest after, order kept otherwise. */
function refresherOrder(scripts: readonly PracticeScriptOption[], competencyIds: readonly string[]) {
  const aimed = new Set(competencyIds);
  const rows = scripts.map((script, index) => ({ script, index, matches: script.competencies.filter((c) => aimed.has(c.id)) }));
  return rows.sort((a, b) => Math.sign(b.matches.length) - Math.sign(a.matches.length) || b.matches.length - a.matches.length || a.index - b.index);
}

const NO_IDS: readonly string[] = [];

export function TrainingHome({ competencyIds: linked = NO_IDS }: { competencyIds?: readonly string[] }) {
  const t = useTranslations("training");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const list = (names: readonly string[]) => listOf(names, (first, last) => t("listAnd", { first, last }));
  const day = (date: Date) => format.dateTime(date, "date");
  const { two } = useFigures();
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
            {aimedNames.length > 0 ? t("home.refresherOn", { names: list(aimedNames) }) : t("home.refresher")}
          </h2>
          <p className="mt-1">
            {[
              aimedNames.length > 0 ? t("home.drifted", { count: aimedNames.length }) : "",
              unnamed > 0 ? t("home.unnamed", { count: unnamed }) : "",
              matching.length > 0 ? t("home.matching", { scripts: matching.length, aimed: aimedNames.length }) : t("home.noneMatching"),
            ]
              .filter(Boolean)
              .join(" ")}
          </p>
          {refresher.data && (
            <p className="mt-1" data-testid="refresher-findings">
              {t("home.suggested", { date: day(refresher.data.suggestedAt), findings: (refresher.data.drift ? driftWords(refresher.data.drift, "you", t, two) : refresher.data.findings).join("; "),
              })}{" "}
              {refresher.data.practisedAt ? t("home.practisedSince", { date: day(refresher.data.practisedAt) }) : t("home.resultsPrivate")}
            </p>
          )}
        </section>
      )}
      {waiting.length > 0 && (
        <section aria-labelledby="tasks-heading" data-testid="reference-tasks">
          <h2 id="tasks-heading" className="text-lg font-semibold">
            {t("home.tasksHeading")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t("home.tasksHint")}</p>
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
          {t("home.practiseHeading")}
        </h2>
        <ErrorAlert error={scripts.error} className="mt-2" />
        {start.error && (
          <Alert className="mt-2" variant="boxed">
            {start.error.message}
          </Alert>
        )}
        {scripts.isPending && <p className="mt-2">{t("home.loadingScripts")}</p>}
        {scripts.data && scripts.data.length === 0 && <p className="card mt-3 text-slate-700">{t("home.noScripts")}</p>}
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
                  <p className="text-sm font-semibold text-amber-900">{t("home.forRefresher", { names: list(matches.map((c) => c.name)) })}</p>
                )}
                <p className="text-sm text-slate-700">
                  {t("home.roleVersion", { role: s.role, version: s.version })}
                </p>
                <p className="mt-1 text-sm text-slate-700">
                  {s.answers > 0
                    ? t("home.answersOn", { answers: s.answers, withAnswers: s.questionsWithAnswers, questions: s.questions })
                    : t("home.noAnswers")}
                </p>
              </div>
              <div className="flex flex-wrap gap-2">
                {matches.length > 0 && s.answers > 0 && (
                  <button
                    type="button"
                    className="btn-primary"
                    disabled={start.isPending}
                    onClick={() => start.mutate({ scriptVersionId: s.versionId, competencyIds: matches.map((c) => c.id) })}
                    aria-label={t("home.practiseRefresherLabel", { title: s.title, version: s.version, names: list(matches.map((c) => c.name)) })}
                    data-testid="start-refresher-set"
                  >
                    {start.isPending && start.variables?.competencyIds ? t("home.starting") : t("home.practiseRefresher")}
                  </button>
                )}
                <button
                  type="button"
                  className={s.answers > 0 && matches.length === 0 ? "btn-primary" : "btn-secondary"}
                  disabled={start.isPending}
                  onClick={() => start.mutate({ scriptVersionId: s.versionId })}
                  aria-label={t("home.practiseLabel", { title: s.title, version: s.version })}
                  data-testid="start-practice"
                >
                  {start.isPending && start.variables?.scriptVersionId === s.versionId && !start.variables.competencyIds ? t("home.starting") : t("home.practise")}
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          {t("home.sessionsHeading")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("home.sessionsHint")}</p>
        <ErrorAlert error={sessions.error} className="mt-2" />
        {sessions.data && <SessionList sessions={sessions.data.sessions} />}
      </section>
    </div>
  );
}

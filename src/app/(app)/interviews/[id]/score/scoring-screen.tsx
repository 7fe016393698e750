"use client";
// The scoring screen, built for a tablet in the interview room: one question in focus with its guidance,
// timer and behavioural anchors; ratings and notes save themselves and survive going offline.
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { ratingLabel } from "@/lib/rating-scale";
import type { RatingValue } from "@/lib/scoring/save-queue";
import { PanelProgress } from "@/components/panel-progress";
import { LimitedTextField } from "@/components/ui/limited-text-field";
import { useHoldNavigation } from "@/components/use-hold-navigation";
import type { RouterOutputs } from "@/trpc/types";
import { useScorecardSync, type Cell, type NoteCell, type SyncStatus } from "./use-scorecard-sync";
import { QuestionTimer } from "./question-timer";
import { OfflineSupport } from "./offline-support";
import { questionIndexFrom, rememberQuestion } from "./question-in-url";
import { SubmitPanel } from "./submit-panel";
import { CompetencyRating, isRated } from "./competency-rating";
import { QuestionNav, QuestionPager } from "./question-nav";
import { useRatingKeys } from "./use-rating-keys";

type Scorecard = RouterOutputs["scorecards"]["mine"];
type Item = Scorecard["items"][number];

const cellKeyOf = (itemId: string, competencyId: string) => `r:${itemId}:${competencyId}`;
export const NOTE_LIMIT = 10_000;

export function ScoringScreen({ interviewId, scorecard, initialQuestion }: { interviewId: string; scorecard: Scorecard; initialQuestion?: number }) {
  const submitted = scorecard.status === "SUBMITTED";
  const initialCells = useMemo(() => {
    const cells: Record<string, Cell> = {};
    for (const item of scorecard.items) {
      for (const r of item.ratings) cells[cellKeyOf(item.itemId, r.competencyId)] = { value: { score: r.score, notAssessed: r.notAssessed }, version: r.version };
    }
    return cells;
  }, [scorecard]);
  const initialNotes = useMemo(() => {
    const notes: Record<string, NoteCell> = {};
    for (const item of scorecard.items) if (item.note) notes[item.itemId] = item.note;
    return notes;
  }, [scorecard]);
  const sync = useScorecardSync({ scorecardId: scorecard.id, cells: initialCells, notes: initialNotes, enabled: !submitted });
  const items = scorecard.items;
  const [index, setIndex] = useState(() => questionIndexFrom(initialQuestion, items.length) ?? 0);
  const [activeCompetency, setActiveCompetency] = useState(0);
  // An offline reload is served from the service worker's copy, rendered for whichever question it was saved at.
  useEffect(() => {
    const fromUrl = questionIndexFrom(window.location.search, items.length);
    // The URL can only be read once the page runs in the browser.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (fromUrl !== null) setIndex(fromUrl);
  }, [items.length]);
  useHoldNavigation({
    pending: () => sync.status.online && sync.status.pending > 0,
    settle: () => sync.flush(5_000),
    leaveAnyway: "Some changes are not on the server yet. They stay on this device and are sent when you come back to this page. Leave now?",
  });
  const item = items[index];
  const count = items.length;

  const done = (it: Item) => it.competencies.every((c) => isRated(sync.cells[cellKeyOf(it.itemId, c.id)]?.value));

  // Keyboard: 1-4 rate, n not assessed, arrows or j/k move between questions, e jumps to notes.
  useRatingKeys({
    enabled: Boolean(item) && !submitted,
    competencyIds: item?.competencies.map((c) => c.id) ?? [],
    activeCompetency,
    setActiveCompetency,
    rate: (competencyId, value) => item && sync.setRating(item.itemId, competencyId, value),
    notAssessed: true,
    move: (delta) => go(index + delta),
    keys: { e: () => document.getElementById("evidence-notes")?.focus() },
  });

  function go(next: number) {
    if (next < 0 || next >= count) return;
    setIndex(next);
    setActiveCompetency(0);
    rememberQuestion(next);
  }

  return (
    <div>
      <OfflineSupport />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <nav aria-label="Breadcrumb" className="text-sm">
            <Link href={`/interviews/${interviewId}`} prefetch={false} className="text-brand-700 underline">
              Interview
            </Link>
          </nav>
          <h1 className="mt-1 text-2xl font-semibold">
            {scorecard.interview.candidateName} <span className="font-normal text-slate-600">
              · {scorecard.interview.vacancyTitle}
              {scorecard.interview.stageName ? ` · ${scorecard.interview.stageName}` : ""}
            </span>
          </h1>
          <p className="text-sm text-slate-700">
            {scorecard.interview.scriptTitle} · {scorecard.interview.plannedMinutes} min planned
            {submitted ? " · submitted" : ""}
          </p>
          {scorecard.shadow && (
            <p className="mt-2 rounded-md border border-brand-100 bg-brand-50 p-2 text-sm" data-testid="shadow-note">
              You are shadowing this interview: score it as you would on the panel. Your scorecard never counts in any
              figure, comparison, debrief or export.{" "}
              {submitted ? (
                <Link href={`/interviews/${interviewId}#shadow-comparison`} prefetch={false} className="font-semibold underline">
                  Compare your ratings with the panel&apos;s
                </Link>
              ) : (
                "Once you submit, you see your ratings beside the panel's."
              )}
            </p>
          )}
        </div>
        {!submitted && <SaveStatus status={sync.status} />}
      </div>

      <div className="mt-3">
        <PanelProgress interviewId={interviewId} compact />
      </div>

      {sync.conflicts.length > 0 && (
        <section role="alert" className="mt-3 space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm" aria-label="Conflicting changes">
          <p className="font-semibold">These changed in another tab or device since you last saw them. Choose which to keep:</p>
          {sync.conflicts.map((conflict) => {
            const where = items.find((i) => i.itemId === conflict.itemId);
            const label =
              conflict.kind === "rating"
                ? `Question ${where?.number ?? "?"}, ${where?.competencies.find((c) => c.id === conflict.competencyId)?.name ?? "competency"}`
                : `Question ${where?.number ?? "?"}, notes`;
            const show = (v: RatingValue | string) =>
              typeof v === "string" ? `“${v.slice(0, 80)}${v.length > 80 ? "…" : ""}”` : v.notAssessed ? "not assessed" : v.score ? `${v.score} (${ratingLabel(v.score)})` : "no rating";
            return (
              <div key={conflict.key} className="flex flex-wrap items-center gap-2">
                <span>
                  {label}: yours {show(conflict.mine)}, saved elsewhere {show(conflict.server)}.
                </span>
                <button type="button" className="btn-secondary min-h-9" onClick={() => sync.resolve(conflict, "mine")}>
                  Keep mine
                </button>
                <button type="button" className="btn-secondary min-h-9" onClick={() => sync.resolve(conflict, "theirs")}>
                  Use the saved one
                </button>
              </div>
            );
          })}
        </section>
      )}

      {/* minmax(0, 1fr) on narrow screens too: an auto track grows to its widest content and pushes Next off a 320 px screen. */}
      <div className="mt-4 grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[14rem_minmax(0,1fr)]">
        <QuestionNav
          items={items.map((it) => ({ key: it.itemId, number: it.number, text: it.text, done: done(it), required: it.required }))}
          index={index}
          onGo={go}
        />

        {item && (
          <section className="card" aria-labelledby="question-heading" data-testid="question-in-focus">
            <p className="text-sm text-slate-600">
              {item.sectionTitle} · question {item.number} of {count}
              {item.required ? "" : " · optional"}
            </p>
            <h2 id="question-heading" className="mt-1 text-xl font-semibold leading-snug">
              {item.text}
            </h2>
            <QuestionTimer key={item.itemId} minutes={item.minutes} />
            {(item.goodAnswer || item.probes.length > 0) && (
              <details className="mt-3 rounded border border-slate-200 p-2" open>
                <summary className="cursor-pointer font-medium">What good looks like and probes</summary>
                {item.goodAnswer && <p className="mt-2 whitespace-pre-line text-sm">{item.goodAnswer}</p>}
                {item.probes.length > 0 && (
                  <ul className="mt-2 list-disc pl-5 text-sm">
                    {item.probes.map((p, i) => (
                      <li key={i}>{p}</li>
                    ))}
                  </ul>
                )}
              </details>
            )}

            <div className="mt-4 space-y-4">
              {item.competencies.map((competency, ci) => (
                <CompetencyRating
                  key={competency.id}
                  competency={competency}
                  value={sync.cells[cellKeyOf(item.itemId, competency.id)]?.value}
                  active={ci === activeCompetency}
                  disabled={submitted}
                  onFocus={() => setActiveCompetency(ci)}
                  onRate={(value) => sync.setRating(item.itemId, competency.id, value)}
                />
              ))}
            </div>

            <div className="mt-4">
              <label htmlFor="evidence-notes" className="field-label">
                Evidence notes for question {item.number}
              </label>
              <LimitedTextField
                multiline
                key={item.itemId}
                id="evidence-notes"
                className="field-input min-h-28 py-2"
                value={sync.notes[item.itemId]?.body ?? ""}
                readOnly={submitted}
                limit={NOTE_LIMIT}
                onValueChange={(body) => sync.setNote(item.itemId, body)}
              />
            </div>

            <QuestionPager
              index={index}
              count={count}
              onGo={go}
              keysHint="Keys: 1–4 rate · n not assessed · ← → or j k move · e notes · Esc leaves the notes"
            />
          </section>
        )}
      </div>

      <SubmitPanel scorecard={scorecard} sync={sync} items={items} isRated={(itemId, competencyId) => isRated(sync.cells[cellKeyOf(itemId, competencyId)]?.value)} />
    </div>
  );
}

function SaveStatus({ status }: { status: SyncStatus }) {
  const text = !status.online
    ? `Offline · ${status.pending} change${status.pending === 1 ? "" : "s"} kept on this device`
    : status.error && status.pending > 0
      ? `${status.error} (${status.pending} waiting)`
      : status.sending || status.pending > 0
        ? "Saving…"
        : status.error
          ? status.error
          : status.lastSavedAt
            ? "All ratings saved"
            : "Ratings save as you go";
  const tone = !status.online || status.error ? "text-amber-900 bg-amber-50 ring-amber-300" : "text-slate-700 bg-white ring-slate-200";
  return (
    <p role="status" aria-live="polite" data-testid="sync-status" className={`rounded-md px-3 py-2 text-sm ring-1 ${tone}`}>
      {text}
    </p>
  );
}

export type { Scorecard, Item };

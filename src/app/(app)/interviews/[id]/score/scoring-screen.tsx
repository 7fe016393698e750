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

type Scorecard = RouterOutputs["scorecards"]["mine"];
type Item = Scorecard["items"][number];

const cellKeyOf = (itemId: string, competencyId: string) => `r:${itemId}:${competencyId}`;
const isRated = (value: RatingValue | undefined) => Boolean(value && (value.notAssessed || value.score !== null));
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
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (!item || submitted || event.altKey || event.ctrlKey || event.metaKey) return;
      if (target && (target.tagName === "TEXTAREA" || target.tagName === "INPUT" || target.tagName === "SELECT" || target.isContentEditable)) {
        if (event.key === "Escape") target.blur();
        return;
      }
      const competency = item.competencies[Math.min(activeCompetency, item.competencies.length - 1)];
      if (/^[1-4]$/.test(event.key) && competency) {
        sync.setRating(item.itemId, competency.id, { score: Number(event.key), notAssessed: false });
        if (activeCompetency < item.competencies.length - 1) setActiveCompetency(activeCompetency + 1);
        event.preventDefault();
      } else if (event.key === "n" && competency) {
        sync.setRating(item.itemId, competency.id, { score: null, notAssessed: true });
        if (activeCompetency < item.competencies.length - 1) setActiveCompetency(activeCompetency + 1);
        event.preventDefault();
      } else if (event.key === "ArrowRight" || event.key === "j") {
        go(index + 1);
        event.preventDefault();
      } else if (event.key === "ArrowLeft" || event.key === "k") {
        go(index - 1);
        event.preventDefault();
      } else if (event.key === "e") {
        document.getElementById("evidence-notes")?.focus();
        event.preventDefault();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
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
            <Link href={`/interviews/${interviewId}`} className="text-brand-700 underline">
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
        <nav aria-label="Questions" className="card h-fit p-2">
          <ol className="flex gap-1 overflow-x-auto relative lg:flex-col">
            {items.map((it, i) => (
              <li key={it.itemId}>
                <button
                  type="button"
                  onClick={() => go(i)}
                  aria-current={i === index ? "step" : undefined}
                  className={`flex min-h-11 w-full min-w-11 items-center gap-2 rounded px-2 text-left text-sm ${
                    i === index ? "bg-brand-50 font-semibold text-brand-800" : "hover:bg-slate-100"
                  }`}
                >
                  <span aria-hidden="true">{done(it) ? "✓" : it.required ? "•" : "○"}</span>
                  <span>
                    {it.number}
                    <span className="hidden lg:inline">. {it.text.length > 28 ? `${it.text.slice(0, 27)}…` : it.text}</span>
                    <span className="sr-only">{done(it) ? " (rated)" : " (not rated yet)"}</span>
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </nav>

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
              {item.competencies.map((competency, ci) => {
                const value = sync.cells[cellKeyOf(item.itemId, competency.id)]?.value;
                return (
                  <fieldset
                    key={competency.id}
                    className={`rounded-md border p-3 ${ci === activeCompetency && !submitted ? "border-brand-600" : "border-slate-200"}`}
                    onFocus={() => setActiveCompetency(ci)}
                  >
                    <legend className="px-1 font-semibold">{competency.name}</legend>
                    <div className="grid gap-2 sm:grid-cols-2 xl:grid-cols-4" role="radiogroup" aria-label={`Rating for ${competency.name}`}>
                      {competency.anchors.map((anchor) => {
                        const selected = value?.score === anchor.level && !value.notAssessed;
                        return (
                          <button
                            key={anchor.level}
                            type="button"
                            role="radio"
                            aria-checked={selected}
                            disabled={submitted}
                            onClick={() => sync.setRating(item.itemId, competency.id, { score: anchor.level, notAssessed: false })}
                            className={`min-h-11 rounded-md border p-2 text-left text-sm ${
                              selected ? "border-brand-700 bg-brand-50 ring-2 ring-brand-600" : "border-slate-300 bg-white hover:bg-slate-50"
                            }`}
                          >
                            <span className="block font-semibold">
                              {anchor.level} · {ratingLabel(anchor.level)}
                            </span>
                            <span className="mt-1 block text-slate-700">{anchor.description}</span>
                          </button>
                        );
                      })}
                    </div>
                    <div className="mt-2 flex flex-wrap gap-2">
                      <button
                        type="button"
                        role="radio"
                        aria-checked={Boolean(value?.notAssessed)}
                        disabled={submitted}
                        onClick={() => sync.setRating(item.itemId, competency.id, { score: null, notAssessed: true })}
                        className={`btn-secondary min-h-9 ${value?.notAssessed ? "ring-2 ring-brand-600" : ""}`}
                      >
                        Not assessed
                      </button>
                      {isRated(value) && !submitted && (
                        <button
                          type="button"
                          className="btn-secondary min-h-9"
                          onClick={() => sync.setRating(item.itemId, competency.id, { score: null, notAssessed: false })}
                        >
                          Clear<span className="sr-only"> the rating for {competency.name}</span>
                        </button>
                      )}
                    </div>
                  </fieldset>
                );
              })}
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

            {/* Previous and Next keep the two ends of their row at every width; the keys hint takes the middle, or its own row when narrow. */}
            <div className="mt-4 grid grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-2">
              <button type="button" className="btn-secondary col-start-1 row-start-1" disabled={index === 0} onClick={() => go(index - 1)}>
                ← Previous
              </button>
              <p className="col-span-3 row-start-2 text-center text-xs text-slate-600 sm:col-span-1 sm:col-start-2 sm:row-start-1">
                Keys: 1–4 rate · n not assessed · ← → or j k move · e notes · Esc leaves the notes
              </p>
              <button type="button" className="btn-secondary col-start-3 row-start-1" disabled={index === count - 1} onClick={() => go(index + 1)}>
                Next →
              </button>
            </div>
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

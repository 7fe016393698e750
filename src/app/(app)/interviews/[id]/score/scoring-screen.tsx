"use client";
// The scoring screen, built for a tablet in the interview room: one question in focus with its guidance,
// timer and behavioural anchors; ratings and notes save themselves and survive going offline. Easy-read mode
// (issue 23) shows one competency at a time, in larger type, with plain-language anchors; it rates through
// the same save path, keys and offline queue.
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { lazyPart } from "@/components/lazy-part";
import { PanelProgress } from "@/components/panel-progress";
import { LimitedTextField } from "@/components/ui/limited-text-field";
import { useHoldNavigation } from "@/components/use-hold-navigation";
import type { RouterOutputs } from "@/trpc/types";
import { takeEarlyTaps } from "./early-taps";
import { NOT_SAVED_RETRYING, useScorecardSync, type Cell, type NoteCell, type SyncStatus } from "./use-scorecard-sync";
import { QuestionTimer } from "./question-timer";
import { OfflineSupport } from "./offline-support";
import { questionIndexFrom, rememberQuestion } from "./question-in-url";
import { SubmitPanel } from "./submit-panel";
import { CompetencyRating, isRated, loadRatingSymbols } from "./competency-rating";
import { useLoadOnFirstInput } from "./load-on-first-input";
import { QuestionNav, QuestionPager } from "./question-nav";
import { useRatingKeys } from "./use-rating-keys";
import { EasyReadSwitches, useEasyReadChoice, useSymbolsChoice } from "./easy-read-switches";
import { easyReadSteps } from "./easy-read-progress";

// Parts a first load rarely shows, each in its own chunk: conflicts with a save from elsewhere, and easy-read
// mode's progress and Back/Next (when the mode is on, the server renders them too). Fetched on the first
// input (load-on-first-input.ts); one that can't be fetched (offline, never fetched before) shows nothing
// rather than failing the screen: the keys still move and rate.
const Nothing = () => null;
const SyncConflicts = lazyPart(() => import("./sync-conflicts").then((m) => m.SyncConflicts), { fallback: Nothing });
const EasyReadProgress = lazyPart(() => import("./easy-read-controls").then((m) => m.EasyReadProgress), { fallback: Nothing });
const EasyReadPager = lazyPart(() => import("./easy-read-controls").then((m) => m.EasyReadPager), { fallback: Nothing });
const LATER_PARTS = [() => import("./sync-conflicts"), () => import("./easy-read-controls"), loadRatingSymbols];

type Scorecard = RouterOutputs["scorecards"]["mine"];
type Item = Scorecard["items"][number];

const cellKeyOf = (itemId: string, competencyId: string) => `r:${itemId}:${competencyId}`;
export const NOTE_LIMIT = 10_000;

/** `strands`: the strands section, rendered on the server with its data (scoring-strands.tsx). */
export function ScoringScreen({
  interviewId,
  scorecard,
  initialQuestion,
  strands,
}: {
  interviewId: string;
  scorecard: Scorecard;
  initialQuestion?: number;
  strands?: ReactNode;
}) {
  const t = useTranslations("scoring");
  const submitted = scorecard.status === "SUBMITTED";
  const [easyRead, setEasyRead] = useEasyReadChoice(scorecard.easyRead);
  const [symbols, setSymbols] = useSymbolsChoice();
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
  useLoadOnFirstInput(LATER_PARTS);
  const sync = useScorecardSync({ scorecardId: scorecard.id, cells: initialCells, notes: initialNotes, enabled: !submitted });
  // In the reader's language already (page.tsx, localize-items.ts).
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
  // Taps on a rating made before the page's scripts ran (early-taps.ts), rated now as if made on the live screen.
  const { setRating } = sync;
  useEffect(() => {
    if (submitted) return;
    for (const tap of takeEarlyTaps(items)) {
      setRating(tap.itemId, tap.competencyId, tap.value);
      // A key moved on to the next competency shown (none in easy-read mode, which shows one at a time). The
      // keys were kept by the page's inline script, outside React, until now.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      if (tap.next !== undefined && !easyRead) setActiveCompetency(tap.next);
    }
  }, [submitted, items, setRating, easyRead]);
  useHoldNavigation({
    pending: () => sync.status.online && sync.status.pending > 0,
    settle: () => sync.flush(5_000),
    leaveAnyway: t("leaveAnyway"),
  });
  const item = items[index];
  const count = items.length;

  const done = (it: Item) => it.competencies.every((c) => isRated(sync.cells[cellKeyOf(it.itemId, c.id)]?.value));

  // Keyboard: 1-4 rate, n not assessed, arrows or j/k move between questions, e jumps to notes. The same
  // keys in easy-read mode, where arrows move one competency at a time and a rating stays on screen (with
  // its announcement) until the panelist moves on.
  useRatingKeys({
    enabled: Boolean(item) && !submitted,
    competencyIds: item?.competencies.map((c) => c.id) ?? [],
    activeCompetency,
    setActiveCompetency: easyRead ? () => undefined : setActiveCompetency,
    rate: (competencyId, value) => item && sync.setRating(item.itemId, competencyId, value),
    notAssessed: true,
    move: (delta) => (easyRead ? step(delta) : go(index + delta)),
    keys: { e: () => document.getElementById("evidence-notes")?.focus() },
  });

  function go(next: number, competency = 0) {
    if (next < 0 || next >= count) return;
    setIndex(next);
    setActiveCompetency(competency);
    rememberQuestion(next);
  }

  /** Easy-read: the next or previous competency, across questions. */
  function step(delta: 1 | -1) {
    const here = item?.competencies.length ?? 0;
    if (delta === 1 && activeCompetency < here - 1) setActiveCompetency(activeCompetency + 1);
    else if (delta === -1 && activeCompetency > 0) setActiveCompetency(activeCompetency - 1);
    else if (delta === 1) go(index + 1);
    else if (index > 0) go(index - 1, Math.max(0, (items[index - 1]?.competencies.length ?? 1) - 1));
  }
  const steps = easyReadSteps(items.map((it) => it.competencies.length), index, activeCompetency);
  const shown = easyRead ? item?.competencies.slice(activeCompetency, activeCompetency + 1) : item?.competencies;

  return (
    <div className={easyRead ? "text-lg" : undefined} data-easy-read={easyRead ? "on" : "off"}>
      <OfflineSupport />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <nav aria-label={t("breadcrumb")} className="text-sm">
            {/* Plain links (no next/link) on this page: ~3 KB less first-load JavaScript; see nav-links.tsx. */}
            <a href={`/interviews/${interviewId}`} className="inline-flex min-h-6 items-center text-brand-700 underline">
              {t("interview")}
            </a>
          </nav>
          <h1 className="mt-1 text-2xl font-semibold">
            {scorecard.interview.candidateName} <span className="font-normal text-slate-600">
              · {scorecard.interview.vacancyTitle}
              {scorecard.interview.stageName ? ` · ${scorecard.interview.stageName}` : ""}
            </span>
          </h1>
          <p className="text-sm text-slate-700">
            {scorecard.interview.scriptTitle} · {t("plannedMinutes", { minutes: scorecard.interview.plannedMinutes })}
            {submitted ? t("submittedTag") : ""}
          </p>
          {scorecard.shadow && (
            <p className="mt-2 rounded-md border border-brand-100 bg-brand-50 p-2 text-sm" data-testid="shadow-note">
              {t("shadowNote")}{" "}
              {submitted ? (
                <a href={`/interviews/${interviewId}#shadow-comparison`} className="font-semibold underline">
                  {t("shadowCompare")}
                </a>
              ) : (
                t("shadowAfterSubmit")
              )}
            </p>
          )}
        </div>
        <div className="flex flex-col items-end gap-2">
          <EasyReadSwitches easyRead={easyRead} onEasyRead={setEasyRead} symbols={symbols} onSymbols={setSymbols} />
          {!submitted && <SaveStatus status={sync.status} />}
        </div>
      </div>

      <div className="mt-3">
        <PanelProgress interviewId={interviewId} compact />
      </div>

      {sync.conflicts.length > 0 && <SyncConflicts conflicts={sync.conflicts} items={items} onResolve={sync.resolve} />}

      {/* minmax(0, 1fr) on narrow screens too: an auto track grows to its widest content and pushes Next off a 320 px screen. */}
      <div className={`mt-4 grid grid-cols-[minmax(0,1fr)] gap-4 ${easyRead ? "" : "lg:grid-cols-[14rem_minmax(0,1fr)]"}`}>
        {!easyRead && (
          <QuestionNav
            items={items.map((it) => ({ key: it.itemId, number: it.number, text: it.text, done: done(it), required: it.required }))}
            index={index}
            onGo={go}
          />
        )}

        {item && (
          <section className="card" aria-labelledby="question-heading" data-testid="question-in-focus" data-item-id={item.itemId} data-question={index + 1}>
            {easyRead && <EasyReadProgress step={steps.step} total={steps.total} />}
            <p className={easyRead ? "mt-2 text-base text-slate-700" : "text-sm text-slate-600"}>
              {t("question.position", { section: item.sectionTitle, number: item.number, count })}
              {item.required ? "" : t("question.optional")}
            </p>
            <h2 id="question-heading" className={`mt-1 font-semibold leading-snug ${easyRead ? "text-2xl" : "text-xl"}`}>
              {item.text}
            </h2>
            <QuestionTimer key={item.itemId} minutes={item.minutes} />
            {(item.goodAnswer || item.probes.length > 0) && (
              <details className="mt-3 rounded border border-slate-200 p-2" open={!easyRead}>
                <summary className="cursor-pointer font-medium">{t("question.guidance")}</summary>
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
              {shown?.map((competency) => {
                const ci = item.competencies.indexOf(competency);
                return (
                  <CompetencyRating
                    key={competency.id}
                    competency={easyRead ? { ...competency, anchors: competency.anchors.map((a) => ({ level: a.level, description: a.easyRead })) } : competency}
                    value={sync.cells[cellKeyOf(item.itemId, competency.id)]?.value}
                    active={ci === activeCompetency}
                    disabled={submitted}
                    onFocus={() => setActiveCompetency(ci)}
                    onRate={(value) => sync.setRating(item.itemId, competency.id, value)}
                    easyRead={easyRead ? { symbols } : undefined}
                  />
                );
              })}
            </div>

            <div className="mt-4">
              <label htmlFor="evidence-notes" className="field-label">
                {t("question.notesLabel", { number: item.number })}
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

            {easyRead ? (
              <EasyReadPager step={steps.step} total={steps.total} onStep={step} />
            ) : (
              <QuestionPager index={index} count={count} onGo={go} keysHint={t("question.keysHint")} />
            )}
          </section>
        )}
      </div>

      {strands}
      <SubmitPanel scorecard={scorecard} sync={sync} items={items} isRated={(itemId, competencyId) => isRated(sync.cells[cellKeyOf(itemId, competencyId)]?.value)} />
    </div>
  );
}

function SaveStatus({ status }: { status: SyncStatus }) {
  const t = useTranslations("scoring");
  const error = status.error === NOT_SAVED_RETRYING ? t("status.notSavedRetrying") : status.error;
  const text = !status.online
    ? t("status.offline", { pending: status.pending })
    : error && status.pending > 0
      ? t("status.errorWaiting", { error, pending: status.pending })
      : status.sending || status.pending > 0
        ? t("status.saving")
        : error
          ? error
          : status.lastSavedAt
            ? t("status.allSaved")
            : t("status.savesAsYouGo");
  const tone = !status.online || status.error ? "text-amber-900 bg-amber-50 ring-amber-300" : "text-slate-700 bg-white ring-slate-200";
  return (
    <p role="status" aria-live="polite" data-testid="sync-status" className={`rounded-md px-3 py-2 text-sm ring-1 ${tone}`}>
      {text}
    </p>
  );
}

export type { Scorecard, Item };

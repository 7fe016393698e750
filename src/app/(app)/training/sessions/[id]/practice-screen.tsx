"use client";
// A practice session on the scoring screen's own controls (anchors as buttons, keys 1–4, the question list
// and pager, imported from the live scoring screen): one practice answer in focus, its competencies to rate,
// ratings saved as they are made; once an answer is rated the panelist can show its reference (level,
// rationale, anchor) beside their rating, which then stays; finishing shows the session's figures.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { RevealedReference } from "@/lib/schemas/training";
import { Alert } from "@/components/ui/alert";
import { useTRPCClient } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { CompetencyRating } from "../../../interviews/[id]/score/competency-rating";
import { QuestionNav, QuestionPager } from "../../../interviews/[id]/score/question-nav";
import { useRatingKeys } from "../../../interviews/[id]/score/use-rating-keys";
import { PracticeFigures } from "../../_components/practice-figures";

type Session = RouterOutputs["training"]["session"];
type Item = Session["items"][number];

const keyOf = (answerId: string, competencyId: string) => `${answerId}:${competencyId}`;
type Translate = ReturnType<typeof useTranslations>;
const errorText = (error: unknown, t: Translate) => (error instanceof Error ? error.message : t("practice.notSaved"));

function difference(rating: number, reference: number, t: Translate): string {
  const d = rating - reference;
  if (d === 0) return t("practice.same");
  return t(d > 0 ? "practice.above" : "practice.below", { n: Math.abs(d) });
}

/**
 * Saves each cell's latest value, one request per cell at a time, so double clicks and quick changes end on the
 * last value. `whenSaved` waits for an answer's cells to reach the server (or fail), so showing its reference
 * right after the last key (1–4 then r) doesn't overtake the ratings it needs.
 */
function usePracticeSaves(sessionId: string) {
  const t = useTranslations("training");
  const client = useTRPCClient();
  const wanted = useRef(new Map<string, { answerId: string; competencyId: string; score: number | null }>());
  const saved = useRef(new Map<string, number | null>());
  const sending = useRef(new Set<string>());
  const waiting = useRef(new Set<() => void>());
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [savedOnce, setSavedOnce] = useState(false);

  // One loop per cell: it sends the cell's latest value until what the server holds is what was asked for.
  const pump = useCallback(
    async (key: string) => {
      if (sending.current.has(key)) return;
      sending.current.add(key);
      try {
        for (;;) {
          const want = wanted.current.get(key);
          if (!want) break;
          if (saved.current.has(key) && saved.current.get(key) === want.score) {
            wanted.current.delete(key);
            break;
          }
          try {
            await client.training.rate.mutate({ sessionId, ...want });
            saved.current.set(key, want.score);
            setError(null);
            setSavedOnce(true);
          } catch (e) {
            // Refused (or unreachable): drop this value and say why; the panelist can rate again.
            wanted.current.delete(key);
            setError(errorText(e, t));
            break;
          }
        }
      } finally {
        sending.current.delete(key);
        setPending(wanted.current.size);
        for (const check of [...waiting.current]) check();
      }
    },
    [client, sessionId, t],
  );

  const whenSaved = useCallback(
    (answerId: string) =>
      new Promise<void>((resolve) => {
        const of = (key: string) => key.startsWith(`${answerId}:`);
        const check = () => {
          if ([...wanted.current.keys()].some(of) || [...sending.current].some(of)) return;
          waiting.current.delete(check);
          resolve();
        };
        waiting.current.add(check);
        check();
      }),
    [],
  );

  const save = useCallback(
    (answerId: string, competencyId: string, score: number | null) => {
      const key = keyOf(answerId, competencyId);
      wanted.current.set(key, { answerId, competencyId, score });
      setPending(wanted.current.size);
      void pump(key);
    },
    [pump],
  );
  return { save, whenSaved, pending, error, savedOnce };
}

export function PracticeScreen({ session }: { session: Session }) {
  const t = useTranslations("training");
  const level = useTranslations("scoring");
  const ratingLabel = (value: number) => level(`levels.${value}`);
  const router = useRouter();
  const client = useTRPCClient();
  const readOnly = !session.isMine || session.status === "COMPLETED";
  const items = session.items;
  const [scores, setScores] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(items.flatMap((i) => i.ratings.map((r) => [keyOf(i.answerId, r.competencyId), r.score]))),
  );
  const [references, setReferences] = useState<Record<string, RevealedReference[]>>(() =>
    Object.fromEntries(items.flatMap((i) => (i.references ? [[i.answerId, i.references]] : []))),
  );
  const [index, setIndex] = useState(() => {
    const next = items.findIndex((i) => !i.revealed && i.ratings.some((r) => r.score === null));
    return next === -1 ? 0 : next;
  });
  const [activeCompetency, setActiveCompetency] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const saves = usePracticeSaves(session.id);

  const item = items[index];
  const count = items.length;
  const scoreOf = (it: Item, competencyId: string) => scores[keyOf(it.answerId, competencyId)] ?? null;
  const rated = (it: Item) => it.competencies.every((c) => scoreOf(it, c.id) !== null);
  const revealed = (it: Item) => Boolean(references[it.answerId]);
  const unrated = items.filter((it) => !rated(it));

  function go(next: number) {
    if (next < 0 || next >= count) return;
    setIndex(next);
    setActiveCompetency(0);
  }

  function rate(it: Item, competencyId: string, score: number | null) {
    if (readOnly || revealed(it)) return;
    setScores((current) => ({ ...current, [keyOf(it.answerId, competencyId)]: score }));
    saves.save(it.answerId, competencyId, score);
  }

  async function reveal(it: Item) {
    if (readOnly || revealed(it) || !rated(it) || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await saves.whenSaved(it.answerId);
      const result = await client.training.reveal.mutate({ sessionId: session.id, answerId: it.answerId });
      setReferences((current) => ({ ...current, [it.answerId]: result.references }));
    } catch (error) {
      setProblem(errorText(error, t));
    } finally {
      setBusy(false);
    }
  }

  async function finish() {
    setBusy(true);
    setProblem(null);
    try {
      await client.training.finish.mutate({ id: session.id });
      router.refresh();
    } catch (error) {
      setProblem(errorText(error, t));
      setBusy(false);
    }
  }

  useRatingKeys({
    // Moving between answers always works; rate() ignores keys on a revealed or read-only answer.
    enabled: Boolean(item),
    competencyIds: item?.competencies.map((c) => c.id) ?? [],
    activeCompetency,
    setActiveCompetency,
    rate: (competencyId, value) => item && rate(item, competencyId, value.score),
    notAssessed: false,
    move: (delta) => go(index + delta),
    keys: { r: () => item && void reveal(item) },
  });

  const status = saves.error
    ? saves.error
    : saves.pending > 0
      ? t("practice.saving")
      : saves.savedOnce
        ? t("practice.allSaved")
        : t("practice.savesAsYouGo");

  return (
    <div>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <nav aria-label={t("breadcrumb")} className="text-sm">
            <Link href="/training" className="text-brand-700 underline">
              {t("title")}
            </Link>
          </nav>
          <h1 className="mt-1 text-2xl font-semibold">
            {t("practice.heading", { title: session.script.title })}{" "}
            <span className="font-normal text-slate-600">{t("practice.version", { version: session.script.version })}</span>
          </h1>
          <p className="text-sm text-slate-700">
            {session.isMine ? t("practice.yours") : t("practice.theirs", { name: session.panelist.name })} · {t("practice.answers", { count })} ·{" "}
            {session.status === "COMPLETED" ? t("practice.finished") : t("practice.inProgress")}
          </p>
        </div>
        {!readOnly && (
          <p
            role="status"
            aria-live="polite"
            data-testid="practice-sync-status"
            className={`rounded-md px-3 py-2 text-sm ring-1 ${saves.error ? "bg-amber-50 text-amber-900 ring-amber-300" : "bg-white text-slate-700 ring-slate-200"}`}
          >
            {status}
          </p>
        )}
      </div>
      <p className="mt-2 max-w-3xl text-sm text-slate-700">
        {t("practice.intro")}
      </p>

      {session.figures && <PracticeFigures figures={session.figures} maxMeanAbsDiff={session.maxMeanAbsDiff} mine={session.isMine} />}

      <div className="mt-4 grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[14rem_minmax(0,1fr)]">
        <QuestionNav
          label={t("practice.navLabel")}
          items={items.map((it) => ({ key: it.answerId, number: it.number, text: it.questionText, done: rated(it), required: true }))}
          index={index}
          onGo={go}
        />

        {item && (
          <section className="card" aria-labelledby="question-heading" data-testid="practice-answer-in-focus">
            <p className="text-sm text-slate-600">
              {t("practice.answerOf", { number: item.number, count, source: t(`source.${item.source}`) })}
            </p>
            <h2 id="question-heading" className="mt-1 text-xl font-semibold leading-snug">
              {item.questionText}
            </h2>
            <figure className="mt-3 rounded-md border-l-4 border-brand-600 bg-slate-50 p-3">
              <figcaption className="text-sm font-medium text-slate-700">{t("practice.theAnswer")}</figcaption>
              <blockquote className="mt-1 whitespace-pre-line" data-testid="practice-answer-text">
                {item.text}
              </blockquote>
            </figure>

            <div className="mt-4 space-y-4">
              {item.competencies.map((competency, ci) => {
                const score = scoreOf(item, competency.id);
                const reference = references[item.answerId]?.find((r) => r.competencyId === competency.id);
                return (
                  <CompetencyRating
                    key={competency.id}
                    competency={competency}
                    value={{ score, notAssessed: false }}
                    active={ci === activeCompetency}
                    disabled={readOnly || revealed(item)}
                    onFocus={() => setActiveCompetency(ci)}
                    onRate={(value) => rate(item, competency.id, value.score)}
                    notAssessed={false}
                  >
                    {reference && (
                      <div className="mt-3 rounded-md border border-slate-300 bg-slate-50 p-3 text-sm" data-testid="practice-reference">
                        <p className="font-semibold">
                          {t("practice.reference", { level: reference.level, label: ratingLabel(reference.level) })}
                          {score !== null && (
                            <span className="font-normal">
                              {" "}
                              {t(session.isMine ? "practice.yourRating" : "practice.theirRating", {
                                score,
                                label: ratingLabel(score),
                                difference: difference(score, reference.level, t),
                              })}
                            </span>
                          )}
                        </p>
                        <p className="mt-1 text-slate-700">
                          {t("practice.anchorFor", { level: reference.level, anchor: reference.anchor })}
                        </p>
                        <p className="mt-1 whitespace-pre-line">{reference.rationale}</p>
                      </div>
                    )}
                  </CompetencyRating>
                );
              })}
            </div>

            {!readOnly && !revealed(item) && (
              <div className="mt-4 flex flex-wrap items-center gap-3">
                <button type="button" className="btn-secondary" disabled={!rated(item) || busy} onClick={() => void reveal(item)} data-testid="reveal-reference">
                  {t("practice.reveal")}
                </button>
                <span className="text-sm text-slate-700">
                  {rated(item) ? t("practice.lockedOnceSeen") : t("practice.rateFirst")}
                </span>
              </div>
            )}

            <QuestionPager index={index} count={count} onGo={go} keysHint={t("practice.keysHint")} />
          </section>
        )}
      </div>

      {problem && (
        <Alert className="mt-4" variant="boxed">
          {problem}
        </Alert>
      )}

      {!readOnly && (
        <section className="card mt-4" aria-labelledby="finish-heading">
          <h2 id="finish-heading" className="text-lg font-semibold">
            {t("practice.finishHeading")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {unrated.length === 0
              ? t("practice.allRated")
              : t("practice.stillToRate", { count: unrated.length, numbers: unrated.map((i) => i.number).join(", ") })}
          </p>
          <button
            type="button"
            className="btn-primary mt-3"
            disabled={unrated.length > 0 || saves.pending > 0 || busy}
            onClick={() => void finish()}
            data-testid="finish-practice"
          >
            {t("practice.finish")}
          </button>
        </section>
      )}
    </div>
  );
}

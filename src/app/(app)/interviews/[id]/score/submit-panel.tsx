"use client";
// Submitting a scorecard (overall recommendation and summary; every required question rated or marked
// not assessed); once submitted, ./submitted-panel.tsx shows it and amends it with a reason.
// Calls go through the plain tRPC client, loaded on first use (no TanStack Query on this page: see
// src/components/providers.tsx and src/trpc/load-client.ts).
import { useRouter } from "next/navigation";
import { useEffect, useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { lazyPart } from "@/components/lazy-part";
import { fieldErrorFrom } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/labelled-field";
import { LimitedTextField } from "@/components/ui/limited-text-field";
import { RECOMMENDATION_VALUES, type RecommendationValue } from "@/lib/recommendations";
import { loadTRPCClient } from "@/trpc/load-client";
import { useCall } from "./use-call";
import type { RouterInputs } from "@/trpc/types";
import { submitDraftKey } from "@/components/submit-drafts";
import type { Item, Scorecard } from "./scoring-screen";
import type { useScorecardSync } from "./use-scorecard-sync";

type Recommendation = RecommendationValue;

// Only a submitted scorecard shows it; drafts (most first loads) never fetch its code.
const SubmittedPanel = lazyPart(() => import("./submitted-panel").then((m) => m.SubmittedPanel));

type SubmitInput = RouterInputs["scorecards"]["submit"];
const submitScorecard = async (input: SubmitInput) => (await loadTRPCClient()).scorecards.submit.mutate(input);

type Props = {
  scorecard: Scorecard;
  items: Item[];
  sync: ReturnType<typeof useScorecardSync>;
  isRated: (itemId: string, competencyId: string) => boolean;
};

export function SubmitPanel({ scorecard, items, sync, isRated }: Props) {
  const router = useRouter();
  const t = useTranslations("scoring");
  const id = useId();
  const submit = useCall(submitScorecard);
  const [recommendation, setRecommendation] = useState<Recommendation | "">((scorecard.recommendation as Recommendation | null) ?? "");
  const [summary, setSummary] = useState(scorecard.summary);
  const [flushFailed, setFlushFailed] = useState(false);
  const draft = useSubmitDraft(scorecard, recommendation, summary, ({ recommendation: r, summary: s }) => {
    if (r) setRecommendation(r);
    if (s) setSummary(s);
  });

  if (scorecard.status === "SUBMITTED") return <SubmittedPanel scorecard={scorecard} items={items} />;

  const missing = items
    .filter((item) => item.required)
    .map((item) => ({ item, competencies: item.competencies.filter((c) => !isRated(item.itemId, c.id)) }))
    .filter((m) => m.competencies.length > 0);
  const missingRecommendation = !recommendation;
  const missingSummary = summary.trim() === "";
  const anythingMissing = missing.length > 0 || missingRecommendation || missingSummary;
  const problem = fieldErrorFrom(submit.error);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFlushFailed(false);
    if (!(await sync.flush())) {
      setFlushFailed(true);
      return;
    }
    try {
      await submit.mutateAsync({ scorecardId: scorecard.id, recommendation: recommendation as Recommendation, summary });
      draft.clear();
      router.refresh();
    } catch {
      // shown from submit.error
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="card mt-6">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">{t("submit.heading")}</h2>
      <p className="mt-1 text-sm text-slate-700">{t("submit.intro")}</p>
      {anythingMissing && (
        <div id={`${id}-missing`} data-testid="submit-missing" className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">{t("submit.stillNeeded")}</p>
          <ul className="mt-1 list-disc pl-5">
            {missing.map((m) => (
              <li key={m.item.itemId}>
                {t("submit.missingQuestion", { number: m.item.number, competencies: m.competencies.map((c) => c.name).join(", ") })}
              </li>
            ))}
            {missingRecommendation && <li>{t("submit.missingRecommendation")}</li>}
            {missingSummary && <li>{t("submit.missingSummary")}</li>}
          </ul>
        </div>
      )}
      <form onSubmit={(event) => void onSubmit(event)} className="mt-3 space-y-3" noValidate>
        <fieldset>
          <legend className="field-label">{t("submit.recommendation")}</legend>
          <div className="flex flex-wrap gap-2">
            {RECOMMENDATION_VALUES.map((value) => (
              <label key={value} className="flex min-h-11 items-center gap-2 rounded-md border border-slate-300 px-3">
                <input type="radio" name="recommendation" value={value} checked={recommendation === value} onChange={() => setRecommendation(value)} />
                {t(`recommendations.${value}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field name="summary" id={`${id}-summary`} label={t("submit.summary")} problem={problem}>
          {(control) => (
            <LimitedTextField multiline {...control} className="field-input min-h-24 py-2" value={summary} limit={5000} onValueChange={setSummary} />
          )}
        </Field>
        {flushFailed && (
          <Alert variant="plain" className="text-sm">
            {t("submit.flushFailed")}
          </Alert>
        )}
        {problem && problem.field !== "summary" && (
          <Alert variant="plain" className="text-sm">
            {problem.message}
          </Alert>
        )}
        <button
          type="submit"
          className="btn-primary"
          disabled={submit.isPending || anythingMissing}
          aria-describedby={anythingMissing ? `${id}-missing` : undefined}
        >
          {submit.isPending ? t("submit.submitting") : t("submit.submit")}
        </button>
      </form>
    </section>
  );
}


type SubmitDraft = { recommendation: Recommendation | ""; summary: string };

/**
 * The recommendation and summary are sent only with the submission, so until then they are kept in this
 * browser beside the panelist's unsent ratings (src/lib/scoring/save-queue.ts keeps those the same way):
 * a reload, the back button or leaving through the menu loses nothing. Restored only where the server has
 * none of its own; cleared once submitted.
 */
function useSubmitDraft(scorecard: Scorecard, recommendation: SubmitDraft["recommendation"], summary: string, restore: (draft: SubmitDraft) => void) {
  const key = submitDraftKey(scorecard.id);
  const submitted = scorecard.status === "SUBMITTED";
  // Browser storage can only be read after hydration: once per scorecard, before the effect below stores
  // what is on screen (the restored values arrive in the next render and are stored then).
  useEffect(() => {
    if (submitted) return;
    try {
      const stored = JSON.parse(window.localStorage.getItem(key) ?? "null") as Partial<SubmitDraft> | null;
      if (!stored) return;
      restore({
        recommendation:
          !scorecard.recommendation && RECOMMENDATION_VALUES.some((value) => value === stored.recommendation)
            ? (stored.recommendation as Recommendation)
            : "",
        summary: !scorecard.summary && typeof stored.summary === "string" ? stored.summary : "",
      });
    } catch {
      // storage unavailable or unreadable: nothing to restore
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on first load of this scorecard
  }, [key]);
  useEffect(() => {
    if (submitted) return;
    try {
      if (recommendation || summary) window.localStorage.setItem(key, JSON.stringify({ recommendation, summary } satisfies SubmitDraft));
      else window.localStorage.removeItem(key);
    } catch {
      // storage full or unavailable: the draft stays on screen only
    }
  }, [key, submitted, recommendation, summary]);
  return {
    clear: () => {
      try {
        window.localStorage.removeItem(key);
      } catch {
        // nothing kept
      }
    },
  };
}

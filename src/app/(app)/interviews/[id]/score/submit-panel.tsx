"use client";
// Submitting a scorecard (overall recommendation and summary; every required question rated or marked
// not assessed), and amending it afterwards with a reason that is kept with the before and after.
// Calls go through the plain tRPC client, loaded on first use (no TanStack Query on this page: see
// src/components/providers.tsx and src/trpc/load-client.ts).
import { useRouter } from "next/navigation";
import { useEffect, useId, useState, type FormEvent } from "react";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { Field, SelectField } from "@/components/ui/field";
import { LimitedTextField } from "@/components/ui/limited-text-field";
import { validateForm } from "@/components/ui/validate-form";
import { RECOMMENDATION_LEVELS, ratingLabel, recommendationLabel, type RecommendationValue } from "@/lib/rating-scale";
import { loadTRPCClient } from "@/trpc/load-client";
import type { RouterInputs } from "@/trpc/types";
import { submitDraftKey } from "@/components/submit-drafts";
import type { Item, Scorecard } from "./scoring-screen";
import type { useScorecardSync } from "./use-scorecard-sync";

const RECOMMENDATIONS = RECOMMENDATION_LEVELS;
type Recommendation = RecommendationValue;
/** A server call with its pending state and last error, for a form's button and error message. */
function useCall<TInput, TOutput>(call: (input: TInput) => Promise<TOutput>) {
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  async function mutateAsync(input: TInput): Promise<TOutput> {
    setPending(true);
    setError(null);
    try {
      return await call(input);
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error("Something went wrong. Try again."));
      throw caught;
    } finally {
      setPending(false);
    }
  }
  return { isPending, error, mutateAsync };
}


type SubmitInput = RouterInputs["scorecards"]["submit"];
type AmendInput = RouterInputs["scorecards"]["amend"];
const submitScorecard = async (input: SubmitInput) => (await loadTRPCClient()).scorecards.submit.mutate(input);
const amendScorecard = async (input: AmendInput) => (await loadTRPCClient()).scorecards.amend.mutate(input);

/**
 * The amendment checked with the procedure's own schema before sending. The schema module (and zod) load
 * here, on first use, to keep them off the scoring page's first load; if they can't load, the server checks.
 */
async function checkAmendment(input: AmendInput): Promise<FieldProblem | null> {
  try {
    const { amendScorecardInput } = await import("@/lib/schemas/scorecards");
    const result = validateForm(amendScorecardInput, input);
    return result.ok ? null : result.problem;
  } catch {
    return null;
  }
}

type Props = {
  scorecard: Scorecard;
  items: Item[];
  sync: ReturnType<typeof useScorecardSync>;
  isRated: (itemId: string, competencyId: string) => boolean;
};

export function SubmitPanel({ scorecard, items, sync, isRated }: Props) {
  const router = useRouter();
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
      <h2 id={`${id}-heading`} className="text-lg font-semibold">Submit your scorecard</h2>
      <p className="mt-1 text-sm text-slate-700">
        Once submitted it is locked; you can still amend it with a reason. You see the other panelists&apos; scorecards after you submit.
      </p>
      {anythingMissing && (
        <div id={`${id}-missing`} data-testid="submit-missing" className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">Still needed before you can submit:</p>
          <ul className="mt-1 list-disc pl-5">
            {missing.map((m) => (
              <li key={m.item.itemId}>
                Question {m.item.number}: rate or mark not assessed {m.competencies.map((c) => c.name).join(", ")}
              </li>
            ))}
            {missingRecommendation && <li>Choose an overall recommendation</li>}
            {missingSummary && <li>Write a summary of your decision</li>}
          </ul>
        </div>
      )}
      <form onSubmit={(event) => void onSubmit(event)} className="mt-3 space-y-3" noValidate>
        <fieldset>
          <legend className="field-label">Overall recommendation</legend>
          <div className="flex flex-wrap gap-2">
            {RECOMMENDATIONS.map((r) => (
              <label key={r.value} className="flex min-h-11 items-center gap-2 rounded-md border border-slate-300 px-3">
                <input type="radio" name="recommendation" value={r.value} checked={recommendation === r.value} onChange={() => setRecommendation(r.value)} />
                {r.label}
              </label>
            ))}
          </div>
        </fieldset>
        <Field name="summary" id={`${id}-summary`} label="Summary" problem={problem}>
          {(control) => (
            <LimitedTextField multiline {...control} className="field-input min-h-24 py-2" value={summary} limit={5000} onValueChange={setSummary} />
          )}
        </Field>
        {flushFailed && (
          <Alert variant="plain" className="text-sm">
            Some ratings are not on the server yet (offline?). They are kept on this device; submit again once you are back online.
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
          {submit.isPending ? "Submitting…" : "Submit scorecard"}
        </button>
      </form>
    </section>
  );
}

function SubmittedPanel({ scorecard, items }: { scorecard: Scorecard; items: Item[] }) {
  const router = useRouter();
  const id = useId();
  const amend = useCall(amendScorecard);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [recommendation, setRecommendation] = useState(scorecard.recommendation ?? "");
  const [changes, setChanges] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState<FieldProblem | null>(null);
  const problem = checked ?? fieldErrorFrom(amend.error);

  const current = (itemId: string, competencyId: string) => {
    const rating = items.find((i) => i.itemId === itemId)?.ratings.find((r) => r.competencyId === competencyId);
    return rating?.notAssessed ? "na" : rating?.score ? String(rating.score) : "";
  };

  async function onAmend(event: FormEvent) {
    event.preventDefault();
    const ratings = Object.entries(changes).map(([key, value]) => {
      const [itemId, competencyId] = key.split("|") as [string, string];
      return { itemId, competencyId, score: value === "na" || value === "" ? null : Number(value), notAssessed: value === "na" };
    });
    const input: AmendInput = {
      scorecardId: scorecard.id,
      reason,
      ratings: ratings.length ? ratings : undefined,
      recommendation: recommendation !== scorecard.recommendation ? (recommendation as Recommendation) : undefined,
    };
    const found = await checkAmendment(input);
    setChecked(found);
    if (found) return;
    try {
      await amend.mutateAsync(input);
      router.refresh();
    } catch {
      // shown from amend.error
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="card mt-6">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">Submitted</h2>
      <p className="mt-1 text-sm">
        {scorecard.submittedAt ? `Submitted ${scorecard.submittedAt.toLocaleString()}. ` : ""}
        Recommendation: <strong>{recommendationLabel(scorecard.recommendation) ?? "none"}</strong>
      </p>
      {scorecard.summary && <p className="mt-1 whitespace-pre-line text-sm">{scorecard.summary}</p>}

      {scorecard.amendments.length > 0 && (
        <div className="mt-3">
          <h3 className="font-semibold">Amendments</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {scorecard.amendments.map((a, i) => (
              <li key={i} className="rounded bg-slate-50 p-2">
                {a.at.toLocaleString()} · {a.actorName}: “{a.reason}”
                <details>
                  <summary className="cursor-pointer text-brand-700">Before and after</summary>
                  <pre className="mt-1 overflow-x-auto relative text-xs">{JSON.stringify({ before: a.before, after: a.after }, null, 2)}</pre>
                </details>
              </li>
            ))}
          </ul>
        </div>
      )}

      {!open ? (
        <button type="button" className="btn-secondary mt-3" onClick={() => setOpen(true)}>
          Amend scorecard
        </button>
      ) : (
        <form onSubmit={(event) => void onAmend(event)} className="mt-3 space-y-3" noValidate>
          <div className="overflow-x-auto relative">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Ratings to amend</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-1 pr-2">Question</th>
                  <th scope="col" className="py-1 pr-2">Competency</th>
                  <th scope="col" className="py-1">Rating</th>
                </tr>
              </thead>
              <tbody>
                {items.flatMap((item) =>
                  item.competencies.map((c) => {
                    const key = `${item.itemId}|${c.id}`;
                    return (
                      <tr key={key} className="border-b border-slate-100">
                        <td className="py-1 pr-2">{item.number}</td>
                        <td className="py-1 pr-2">{c.name}</td>
                        <td className="py-1">
                          <select
                            aria-label={`Rating for question ${item.number}, ${c.name}`}
                            className="rounded border border-slate-400 bg-white px-2 py-1"
                            value={changes[key] ?? current(item.itemId, c.id)}
                            onChange={(e) => setChanges({ ...changes, [key]: e.target.value })}
                          >
                            <option value="">No rating</option>
                            {[1, 2, 3, 4].map((level) => (
                              <option key={level} value={String(level)}>
                                {level} · {ratingLabel(level)}
                              </option>
                            ))}
                            <option value="na">Not assessed</option>
                          </select>
                        </td>
                      </tr>
                    );
                  }),
                )}
              </tbody>
            </table>
          </div>
          <SelectField
            name="recommendation"
            id={`${id}-rec`}
            label="Overall recommendation"
            className="max-w-xs"
            value={recommendation}
            onChange={(e) => setRecommendation(e.target.value)}
            problem={problem}
            options={RECOMMENDATIONS}
          />
          <Field name="reason" id={`${id}-reason`} label="Reason for the amendment" problem={problem}>
            {(control) => <textarea {...control} className="field-input min-h-20 py-2" value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          {problem && problem.field !== "reason" && problem.field !== "recommendation" && (
            <Alert variant="plain" className="text-sm">
              {problem.message}
            </Alert>
          )}
          <div className="flex gap-2">
            <button type="submit" className="btn-primary" disabled={amend.isPending}>
              Save amendment
            </button>
            <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
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
          !scorecard.recommendation && RECOMMENDATION_LEVELS.some((level) => level.value === stored.recommendation)
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

"use client";
// A submitted scorecard: what was submitted, and amending it with a reason that is kept with the before and
// after. Loaded only when the scorecard is submitted (submit-panel.tsx): a panelist scoring a draft, the
// scoring page's usual first load, downloads none of it.
import { useRouter } from "next/navigation";
import { useEffect, useId, useState, type FormEvent } from "react";
import { useFormatter, useLocale, useMessages, useTranslations } from "next-intl";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { Field, SelectField } from "@/components/ui/field";
import { inAppLink } from "@/components/use-hold-navigation";
import { validateForm } from "@/components/ui/validate-form";
import { DEFAULT_LOCALE } from "@/i18n/config";
import type { TranslateValidation } from "@/lib/i18n-validation/word-validation";
import { RECOMMENDATION_VALUES, type RecommendationValue as Recommendation } from "@/lib/recommendations";
import { loadTRPCClient } from "@/trpc/load-client";
import type { RouterInputs } from "@/trpc/types";
import type { Item, Scorecard } from "./scoring-screen";
import { useCall } from "./use-call";

type AmendInput = RouterInputs["scorecards"]["amend"];
const amendScorecard = async (input: AmendInput) => (await loadTRPCClient()).scorecards.amend.mutate(input);

/**
 * The amendment checked with the procedure's own schema before sending. The schema module (and zod) load
 * here, on first use, to keep them off the scoring page's first load; if they can't load, the server checks.
 * With `wording` (a reader of another language than English), the problem is worded in it as every other form
 * words its check (useValidateForm's wordProblem, loaded here too for the same reason).
 */
async function checkAmendment(input: AmendInput, wording: TranslateValidation | null): Promise<FieldProblem | null> {
  try {
    const { amendScorecardInput } = await import("@/lib/schemas/scorecards");
    const result = validateForm(amendScorecardInput, input);
    if (result.ok) return null;
    if (!wording) return result.problem;
    const { wordProblem } = await import("@/components/ui/use-validate-form");
    return wordProblem(result.problem, wording);
  } catch {
    return null;
  }
}

/**
 * Asks before the page is left while `unsent`. The scoring page goes without the app's unsaved-changes guard (its
 * first-load budget) and this panel, a chunk of its own, is the one place there with typed text that is only
 * saved when sent, so it asks itself, as the guard would: a link to another page of the app asks in the app's
 * words (staying keeps the text), and reloading, closing the tab or typing an address gets the browser's own
 * question. use-hold-navigation is the scoring screen's already, so this adds nothing to its first load.
 */
function useAskBeforeLeaving(unsent: boolean, question: string) {
  useEffect(() => {
    if (!unsent) return;
    // Agreed to leave by a link: the browser's own question must not follow (the menu's links load a new page).
    let agreed = false;
    function onClick(event: MouseEvent) {
      if (!inAppLink(event)) return;
      if (window.confirm(question)) {
        agreed = true;
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (agreed) return;
      event.preventDefault();
      // Browsers that predate preventDefault here ask when returnValue is set; the text they show is their own.
      event.returnValue = "";
    }
    document.addEventListener("click", onClick, true);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [unsent, question]);
}

export function SubmittedPanel({ scorecard, items }: { scorecard: Scorecard; items: Item[] }) {
  const router = useRouter();
  const t = useTranslations("scoring");
  const format = useFormatter();
  // The page sends the validation namespace with a submitted scorecard only (a draft's first load stays light).
  const translateValidation = useTranslations("validation") as unknown as TranslateValidation;
  const locale = useLocale();
  const validationSent = "validation" in useMessages();
  const wording = locale !== DEFAULT_LOCALE && validationSent ? translateValidation : null;
  const id = useId();
  const amend = useCall(amendScorecard);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [recommendation, setRecommendation] = useState(scorecard.recommendation ?? "");
  const [changes, setChanges] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState<FieldProblem | null>(null);
  const problem = checked ?? fieldErrorFrom(amend.error);
  // The reason last saved with an amendment: until the page is drawn afresh it is still in the field, and sent.
  const [sentReason, setSentReason] = useState<string | null>(null);
  // A reason typed and not sent is lost by leaving; Cancel put it away on purpose, so it is not asked about.
  useAskBeforeLeaving(open && reason.trim() !== "" && reason !== sentReason, t("submitted.leaveUnsent"));

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
    const found = await checkAmendment(input, wording);
    setChecked(found);
    if (found) return;
    try {
      await amend.mutateAsync(input);
      setSentReason(input.reason);
      router.refresh();
    } catch {
      // shown from amend.error
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="card mt-6">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">{t("submitted.heading")}</h2>
      <p className="mt-1 text-sm">
        {scorecard.submittedAt ? t("submitted.submittedAt", { at: format.dateTime(scorecard.submittedAt, "dateTime") }) : ""}
        {t("submitted.recommendation")}
        <strong>{scorecard.recommendation ? t(`recommendations.${scorecard.recommendation}`) : t("submitted.none")}</strong>
      </p>
      {scorecard.summary && <p className="mt-1 whitespace-pre-line text-sm">{scorecard.summary}</p>}

      {scorecard.amendments.length > 0 && (
        <div className="mt-3">
          <h3 className="font-semibold">{t("submitted.amendments")}</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {scorecard.amendments.map((a, i) => (
              <li key={i} className="rounded bg-slate-50 p-2">
                {t("submitted.amendmentLine", { at: format.dateTime(a.at, "dateTime"), actor: a.actorName, reason: a.reason })}
                <details>
                  <summary className="cursor-pointer text-brand-700">{t("submitted.beforeAfter")}</summary>
                  <pre className="mt-1 overflow-x-auto relative text-xs">{JSON.stringify({ before: a.before, after: a.after }, null, 2)}</pre>
                </details>
              </li>
            ))}
          </ul>
        </div>
      )}

      {!open ? (
        <button type="button" className="btn-secondary mt-3" onClick={() => setOpen(true)}>
          {t("submitted.amend")}
        </button>
      ) : (
        <form onSubmit={(event) => void onAmend(event)} className="mt-3 space-y-3" noValidate>
          <div className="overflow-x-auto relative">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("submitted.ratingsToAmend")}</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-1 pr-2">{t("submitted.colQuestion")}</th>
                  <th scope="col" className="py-1 pr-2">{t("submitted.colCompetency")}</th>
                  <th scope="col" className="py-1">{t("submitted.colRating")}</th>
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
                            aria-label={t("submitted.ratingFor", { number: item.number, competency: c.name })}
                            className="rounded border border-slate-400 bg-white px-2 py-1"
                            value={changes[key] ?? current(item.itemId, c.id)}
                            onChange={(e) => setChanges({ ...changes, [key]: e.target.value })}
                          >
                            <option value="">{t("submitted.noRating")}</option>
                            {[1, 2, 3, 4].map((level) => (
                              <option key={level} value={String(level)}>
                                {t("rating.level", { level, label: t(`levels.${level}`) })}
                              </option>
                            ))}
                            <option value="na">{t("submitted.notAssessed")}</option>
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
            label={t("submit.recommendation")}
            className="max-w-xs"
            value={recommendation}
            onChange={(e) => setRecommendation(e.target.value)}
            problem={problem}
            options={RECOMMENDATION_VALUES.map((value) => ({ value, label: t(`recommendations.${value}`) }))}
          />
          <Field name="reason" id={`${id}-reason`} label={t("submitted.reason")} problem={problem}>
            {(control) => <textarea {...control} className="field-input min-h-20 py-2" value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          {problem && problem.field !== "reason" && problem.field !== "recommendation" && (
            <Alert variant="plain" className="text-sm">
              {problem.message}
            </Alert>
          )}
          <div className="flex gap-2">
            <button type="submit" className="btn-primary" disabled={amend.isPending}>
              {t("submitted.save")}
            </button>
            <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
              {t("submitted.cancel")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

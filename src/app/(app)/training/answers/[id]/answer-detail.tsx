"use client";
// A practice answer: its text and question; for its managers the reference raters, the raters' ratings side by
// side once everyone has rated, a consensus form for each disagreement, and activation; for a reference rater
// their own rating form (the scoring screen's anchors), the others' ratings shown only after submitting.
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Field, SelectField } from "@/components/ui/field";
import { LimitedTextField } from "@/components/ui/limited-text-field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { useShownValues } from "@/components/use-shown-values";
import { RATING_LEVELS } from "@/lib/rating-scale";
import { RATIONALE_MAX, rateReferenceInput, resolveReferenceInput, type PracticeAnswerView } from "@/lib/schemas/training";
import { useTRPC } from "@/trpc/react";
import { CompetencyRating } from "../../../interviews/[id]/score/competency-rating";
import { AnswerTextField } from "../answer-text-field";

/** The scale's words in the reader's language (the scoring screen's). */
function useRatingLabel() {
  const scoring = useTranslations("scoring");
  return (level: number) => scoring(`levels.${level}`);
}

export function AnswerDetail({ initial }: { initial: PracticeAnswerView }) {
  const t = useTranslations("training");
  const ratingLabel = useRatingLabel();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery({ ...trpc.training.answer.queryOptions({ id: initial.id }), initialData: initial });
  const answer = query.data;
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.training.answer.queryKey({ id: initial.id }) });
  const manages = answer.viewer.manages && !answer.builtIn;
  const competencyName = (id: string) => answer.competencies.find((c) => c.id === id)?.name ?? t("answer.competency");

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={answer.viewer.manages ? "/training/answers" : "/training"} className="text-brand-700 underline">
          {answer.viewer.manages ? t("answers.title") : t("title")}
        </Link>
      </nav>
      <h1 className="mt-1 text-2xl font-semibold">{t("answer.title")}</h1>
      <p className="text-sm text-slate-700" data-testid="practice-answer-status">
        {t(`status.${answer.status}`)} · {t(`source.${answer.source}`)}
        {answer.builtIn ? t("answer.builtIn") : ""}
      </p>

      <section className="card mt-4" aria-labelledby="question-heading">
        <p className="text-sm text-slate-700">{answer.question.bankName}</p>
        <h2 id="question-heading" className="text-lg font-semibold">
          {answer.question.text}
        </h2>
        {answer.canEditText ? (
          <EditText id={answer.id} text={answer.text} onSaved={refresh} />
        ) : (
          <blockquote className="mt-3 whitespace-pre-line rounded-md border-l-4 border-brand-600 bg-slate-50 p-3" data-testid="practice-answer-text">
            {answer.text}
          </blockquote>
        )}
      </section>

      {manages && answer.status === "DRAFT" && !answer.allSubmitted && <RaterPicker answer={answer} onSaved={refresh} />}
      {!answer.builtIn && answer.raters.length > 0 && (
        <section className="card mt-4" aria-labelledby="raters-heading">
          <h2 id="raters-heading" className="text-lg font-semibold">
            {t("answer.ratersHeading")}
          </h2>
          <ul className="mt-2 text-sm" data-testid="reference-raters">
            {answer.raters.map((r) => (
              <li key={r.userId}>
                {t(r.submitted ? "answer.rated" : "answer.notRated", { name: r.name })}
              </li>
            ))}
          </ul>
        </section>
      )}

      {answer.viewer.isRater && !answer.viewer.submitted && answer.status === "DRAFT" && <ReferenceForm answer={answer} onSaved={refresh} />}
      {answer.withheld && (
        <Alert tone="info" className="mt-4">
          {t("answer.withheld")}
        </Alert>
      )}
      {answer.viewer.isRater && answer.mine.length > 0 && (
        <section className="card mt-4" aria-labelledby="mine-heading">
          <h2 id="mine-heading" className="text-lg font-semibold">
            {t("answer.mineHeading")}
          </h2>
          <ul className="mt-2 space-y-2 text-sm">
            {answer.mine.map((r) => (
              <li key={r.competencyId}>
                <strong>{t("answer.ratingLine", { competency: competencyName(r.competencyId), level: r.level, label: ratingLabel(r.level) })}</strong>{" "}
                — {r.rationale}
              </li>
            ))}
          </ul>
        </section>
      )}

      {answer.viewer.seesOtherRaters && answer.raterRatings.length > 0 && (
        <section className="card mt-4" aria-labelledby="comparison-heading" data-testid="rater-comparison">
          <h2 id="comparison-heading" className="text-lg font-semibold">
            {t("answer.comparisonHeading")}
          </h2>
          {answer.competencies.map((c) => {
            const rows = answer.raterRatings.filter((r) => r.competencyId === c.id);
            const consensus = answer.consensus.find((r) => r.competencyId === c.id);
            const open = answer.unresolved.includes(c.id);
            return (
              <div key={c.id} className="mt-3 border-t border-slate-200 pt-3" data-testid={open ? "disagreement" : "agreement"}>
                <h3 className="font-semibold">
                  {c.name}
                  {open ? t("answer.disagree") : consensus ? t("answer.agreed", { level: consensus.level, label: ratingLabel(consensus.level) }) : ""}
                </h3>
                <ul className="mt-1 space-y-1 text-sm">
                  {rows.map((r) => (
                    <li key={r.raterId}>
                      {t("answer.raterLine", { rater: r.raterName ?? t("answer.formerMember"), level: r.level, label: ratingLabel(r.level), rationale: r.rationale })}
                    </li>
                  ))}
                </ul>
                {consensus && !open && <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{t("answer.referenceRationale", { rationale: consensus.rationale })}</p>}
                {manages && answer.status === "DRAFT" && answer.allSubmitted && (open || rows.some((r) => r.level !== rows[0]?.level)) && (
                  <ResolveForm answerId={answer.id} competency={c} current={consensus} onSaved={refresh} />
                )}
              </div>
            );
          })}
        </section>
      )}

      {answer.builtIn && answer.viewer.seesOtherRaters && (
        <section className="card mt-4" aria-labelledby="reference-heading">
          <h2 id="reference-heading" className="text-lg font-semibold">
            {t("answer.referenceHeading")}
          </h2>
          <ul className="mt-2 space-y-2 text-sm">
            {answer.consensus.map((r) => (
              <li key={r.competencyId}>
                <strong>{t("answer.ratingLine", { competency: competencyName(r.competencyId), level: r.level, label: ratingLabel(r.level) })}</strong>{" "}
                — {r.rationale}
              </li>
            ))}
          </ul>
        </section>
      )}

      {manages && <Lifecycle answer={answer} onSaved={refresh} />}
    </>
  );
}

function EditText({ id, text, onSaved }: { id: string; text: string; onSaved: () => unknown }) {
  const t = useTranslations("training");
  const trpc = useTRPC();
  const [value, setValue] = useState(text);
  // The text as this editor was drawn from it, then as it saved it: a save after it changed elsewhere is refused.
  const shownText = useShownValues(text, { refresh: onSaved });
  const update = useMutation(trpc.training.updateAnswer.mutationOptions({ onSuccess: (_, sent) => shownText.saved(sent.text) }));
  const problem = fieldErrorFrom(update.error);
  return (
    <form
      className="mt-3 space-y-2"
      noValidate
      aria-label={t("answer.editLabel")}
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ id, text: value, shown: shownText.shown });
      }}
    >
      <AnswerTextField value={value} onChange={setValue} problem={problem} hint={t("answer.editHint")} />
      {problem && problem.field !== "text" && <ErrorAlert error={{ message: problem.message }} />}
      <button type="submit" className="btn-secondary" disabled={update.isPending || value === text}>
        {update.isPending ? t("answer.saving") : t("answer.saveText")}
      </button>
    </form>
  );
}

function RaterPicker({ answer, onSaved }: { answer: PracticeAnswerView; onSaved: () => unknown }) {
  const t = useTranslations("training");
  const trpc = useTRPC();
  const members = useQuery(trpc.org.members.queryOptions());
  const [chosen, setChosen] = useState<string[]>(() => answer.raters.map((r) => r.userId));
  // The raters as this picker was drawn from them, then as it saved them: a save after they changed elsewhere is refused.
  const shownRaters = useShownValues(answer.raters.map((r) => r.userId), { refresh: onSaved });
  const save = useMutation(trpc.training.setRaters.mutationOptions({ onSuccess: (_, sent) => shownRaters.saved(sent.userIds) }));
  const locked = new Set(answer.raters.filter((r) => r.submitted).map((r) => r.userId));
  return (
    <form
      className="card mt-4"
      aria-labelledby="pick-raters-heading"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ answerId: answer.id, userIds: chosen, shown: shownRaters.shown });
      }}
    >
      <h2 id="pick-raters-heading" className="text-lg font-semibold">
        {t("answer.pickHeading")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {t("answer.pickHint")}
      </p>
      <ErrorAlert error={members.error} />
      <fieldset className="mt-2">
        <legend className="sr-only">{t("answer.ratersHeading")}</legend>
        <ul className="grid gap-1 sm:grid-cols-2" data-testid="rater-choices">
          {members.data?.map((m) => (
            <li key={m.userId}>
              <label className="flex min-h-11 items-center gap-2">
                <input
                  type="checkbox"
                  checked={chosen.includes(m.userId)}
                  disabled={locked.has(m.userId)}
                  onChange={(e) => setChosen((current) => (e.target.checked ? [...current, m.userId] : current.filter((id) => id !== m.userId)))}
                />
                {m.name}
                {locked.has(m.userId) ? t("answer.hasRated") : ""}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <ErrorAlert error={save.error} className="mt-2" />
      <button type="submit" className="btn-secondary mt-2" disabled={save.isPending} data-testid="save-raters">
        {save.isPending ? t("answer.saving") : t("answer.saveRaters", { count: chosen.length })}
      </button>
    </form>
  );
}

function ReferenceForm({ answer, onSaved }: { answer: PracticeAnswerView; onSaved: () => unknown }) {
  const validateForm = useValidateForm();
  const t = useTranslations("training");
  const trpc = useTRPC();
  const [levels, setLevels] = useState<Record<string, number | null>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [active, setActive] = useState(0);
  const [checked, setChecked] = useState<FieldProblem | null>(null);
  const rate = useMutation(trpc.training.rateReference.mutationOptions({ onSuccess: () => onSaved() }));
  const problem = checked ?? fieldErrorFrom(rate.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = {
      answerId: answer.id,
      ratings: answer.competencies.map((c) => ({ competencyId: c.id, level: levels[c.id] ?? 0, rationale: reasons[c.id] ?? "" })),
    };
    const result = validateForm(rateReferenceInput, values);
    if (!result.ok) {
      setChecked(result.problem);
      return;
    }
    setChecked(null);
    rate.mutate(result.data);
  }

  return (
    <form className="card mt-4 space-y-4" onSubmit={onSubmit} noValidate aria-labelledby="reference-form-heading" data-testid="reference-form">
      <h2 id="reference-form-heading" className="text-lg font-semibold">
        {t("answer.mineHeading")}
      </h2>
      <p className="text-sm text-slate-700">{t("answer.formHint")}</p>
      {answer.competencies.map((c, ci) => (
        <CompetencyRating
          key={c.id}
          competency={c}
          value={{ score: levels[c.id] ?? null, notAssessed: false }}
          active={ci === active}
          disabled={rate.isPending}
          onFocus={() => setActive(ci)}
          onRate={(value) => setLevels((current) => ({ ...current, [c.id]: value.score }))}
          notAssessed={false}
        >
          <Field name={`ratings.${ci}.rationale`} label={t("answer.why", { competency: c.name })} problem={problem} className="mt-3">
            {(control) => (
              <LimitedTextField
                {...control}
                multiline
                rows={3}
                limit={RATIONALE_MAX}
                className="field-input py-2"
                value={reasons[c.id] ?? ""}
                onValueChange={(value) => setReasons((current) => ({ ...current, [c.id]: value }))}
              />
            )}
          </Field>
        </CompetencyRating>
      ))}
      {problem && !problem.field?.endsWith("rationale") && <ErrorAlert error={{ message: problem.message }} />}
      <button type="submit" className="btn-primary" disabled={rate.isPending} data-testid="submit-reference">
        {rate.isPending ? t("answer.submitting") : t("answer.submit")}
      </button>
    </form>
  );
}

function ResolveForm({
  answerId,
  competency,
  current,
  onSaved,
}: {
  answerId: string;
  competency: { id: string; name: string };
  current: { level: number; rationale: string } | undefined;
  onSaved: () => unknown;
}) {
  const validateForm = useValidateForm();
  const t = useTranslations("training");
  const ratingLabel = useRatingLabel();
  const trpc = useTRPC();
  const [level, setLevel] = useState(current ? String(current.level) : "");
  const [rationale, setRationale] = useState(current?.rationale ?? "");
  const [checked, setChecked] = useState<FieldProblem | null>(null);
  const resolve = useMutation(trpc.training.resolveReference.mutationOptions({ onSuccess: () => onSaved() }));
  const problem = checked ?? fieldErrorFrom(resolve.error);
  return (
    <form
      className="mt-2 space-y-2 rounded-md bg-slate-50 p-3"
      noValidate
      aria-label={t("answer.consensusFor", { competency: competency.name })}
      data-testid="resolve-form"
      onSubmit={(event) => {
        event.preventDefault();
        const result = validateForm(resolveReferenceInput, { answerId, competencyId: competency.id, level: Number(level) || 0, rationale });
        if (!result.ok) {
          setChecked(result.problem);
          return;
        }
        setChecked(null);
        resolve.mutate(result.data);
      }}
    >
      <SelectField
        name="level"
        label={t("answer.consensusRating", { competency: competency.name })}
        value={level}
        problem={problem}
        onChange={(e) => setLevel(e.target.value)}
        options={[
          { value: "", label: t("answer.chooseLevel") },
          ...RATING_LEVELS.map((l) => ({ value: String(l.level), label: t("level", { level: l.level, label: ratingLabel(l.level) }) })),
        ]}
      />
      <Field name="rationale" label={t("answer.rationale")} problem={problem}>
        {(control) => <LimitedTextField {...control} multiline rows={3} limit={RATIONALE_MAX} className="field-input py-2" value={rationale} onValueChange={setRationale} />}
      </Field>
      {problem && problem.field !== "level" && problem.field !== "rationale" && <ErrorAlert error={{ message: problem.message }} />}
      <button type="submit" className="btn-secondary" disabled={resolve.isPending}>
        {current ? t("answer.changeConsensus") : t("answer.recordConsensus")}
      </button>
    </form>
  );
}

function Lifecycle({ answer, onSaved }: { answer: PracticeAnswerView; onSaved: () => unknown }) {
  const t = useTranslations("training");
  const trpc = useTRPC();
  const activate = useMutation(trpc.training.activateAnswer.mutationOptions({ onSuccess: () => onSaved() }));
  const archive = useMutation(trpc.training.archiveAnswer.mutationOptions({ onSuccess: () => onSaved() }));
  return (
    <section className="card mt-4" aria-labelledby="lifecycle-heading">
      <h2 id="lifecycle-heading" className="text-lg font-semibold">
        {t("answer.lifecycleHeading")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {answer.status === "ACTIVE"
          ? t("answer.active")
          : answer.status === "ARCHIVED"
            ? t("answer.archived")
            : answer.canActivate
              ? t("answer.canActivate")
              : t("answer.cannotActivate")}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        {answer.status === "DRAFT" && (
          <button type="button" className="btn-primary" disabled={!answer.canActivate || activate.isPending} onClick={() => activate.mutate({ id: answer.id })} data-testid="activate-answer">
            {t("answer.activate")}
          </button>
        )}
        {answer.status !== "ARCHIVED" && (
          <button type="button" className="btn-secondary" disabled={archive.isPending} onClick={() => archive.mutate({ id: answer.id })}>
            {t("answer.archive")}
          </button>
        )}
      </div>
      <ErrorAlert error={activate.error ?? archive.error} className="mt-2" />
    </section>
  );
}

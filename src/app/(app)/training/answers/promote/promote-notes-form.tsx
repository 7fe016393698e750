"use client";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { useSubmissionKey } from "@/components/use-submission-key";
import { promoteNotesInput } from "@/lib/schemas/training";
import { useTRPC } from "@/trpc/react";
import { AnswerTextField } from "../answer-text-field";

const day = (date: Date) => date.toISOString().slice(0, 10);

export function PromoteNotesForm() {
  const validateForm = useValidateForm();
  const t = useTranslations("training");
  const trpc = useTRPC();
  const router = useRouter();
  const notes = useQuery(trpc.training.promotableNotes.queryOptions({}));
  const promote = useMutation(trpc.training.promoteNotes.mutationOptions({ onSuccess: ({ id }) => router.push(`/training/answers/${id}`) }));
  // `body`: the notes as they were put in the text, to tell whether the text has been edited since.
  const [picked, setPicked] = useState<{ scorecardId: string; itemId: string; questionText: string; body: string } | null>(null);
  const [text, setText] = useState("");
  const [checked, setChecked] = useState<FieldProblem | null>(null);
  // Sent again after its answer was lost, the same form makes one practice answer; another note or an edit makes a new submission.
  const submission = useSubmissionKey();
  const problem = checked ?? fieldErrorFrom(promote.error);
  // Using notes (these or others) puts them in the text as they are: an edited text is replaced only when asked.
  const edited = picked !== null && text !== picked.body;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!picked) return;
    const result = validateForm(promoteNotesInput, { scorecardId: picked.scorecardId, itemId: picked.itemId, text });
    if (!result.ok) {
      setChecked(result.problem);
      return;
    }
    setChecked(null);
    promote.mutate({ ...result.data, idempotencyKey: submission.current() });
  }

  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading" className="text-lg font-semibold">
          {t("promote.notesHeading")}
        </h2>
        <ErrorAlert error={notes.error} className="mt-2" />
        {notes.isPending && <p className="mt-2">{t("promote.loading")}</p>}
        {notes.data?.length === 0 && <p className="card mt-3 text-slate-700">{t("promote.none")}</p>}
        <ul className="mt-3 space-y-2" data-testid="promotable-notes">
          {notes.data?.map((n) => {
            const current = picked?.scorecardId === n.scorecardId && picked.itemId === n.itemId;
            return (
              <li key={`${n.scorecardId}:${n.itemId}`} className={`card ${current ? "ring-2 ring-brand-600" : ""}`}>
                <p className="text-sm text-slate-700">
                  {t("promote.submitted", { question: n.questionText, date: day(n.submittedAt) })}
                </p>
                <p className="mt-1 line-clamp-4 whitespace-pre-line text-sm">{n.body}</p>
                <UseNotesButton
                  current={current}
                  edited={edited}
                  onUse={() => {
                    setPicked({ scorecardId: n.scorecardId, itemId: n.itemId, questionText: n.questionText, body: n.body });
                    setText(n.body);
                    setChecked(null);
                    submission.renew();
                    promote.reset();
                  }}
                />
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading" className="text-lg font-semibold">
          {t("promote.editHeading")}
        </h2>
        {!picked ? (
          <p className="card mt-3 text-slate-700">{t("promote.chooseFirst")}</p>
        ) : (
          <form onSubmit={onSubmit} onChange={submission.renew} className="card mt-3 space-y-3" noValidate aria-label={t("promote.formLabel")}>
            <p className="text-sm text-slate-700">{t("promote.question", { question: picked.questionText })}</p>
            <Alert tone="warning">{t("promote.warning")}</Alert>
            <AnswerTextField value={text} onChange={setText} problem={problem} hint={t("promote.hint")} />
            {problem && problem.field !== "text" && <ErrorAlert error={{ message: problem.message }} />}
            <button type="submit" className="btn-primary" disabled={promote.isPending} data-testid="save-promoted-answer">
              {promote.isPending ? t("promote.checking") : t("promote.save")}
            </button>
          </form>
        )}
      </section>
    </div>
  );
}

/**
 * "Use these notes": at once while the text is as the last notes put it (or none were used yet); once it has been
 * edited (names taken out, sentences rewritten), asked first inline, as ConfirmAction asks before a delete, so
 * that a click on another note, or this one again, does not silently throw that work away.
 */
function UseNotesButton({ current, edited, onUse }: { current: boolean; edited: boolean; onUse: () => void }) {
  const t = useTranslations("training");
  const [asking, setAsking] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const useButtonRef = useRef<HTMLButtonElement>(null);
  // Keeping the edits puts the focus back on the button that asked.
  const returnFocus = useRef(false);
  useEffect(() => {
    if (asking) keepRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      useButtonRef.current?.focus();
    }
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={useButtonRef}
        type="button"
        className="btn-secondary mt-2"
        aria-pressed={current}
        onClick={() => (edited ? setAsking(true) : onUse())}
      >
        {t("promote.use")}
      </button>
    );
  }
  return (
    <div role="group" aria-label={t("promote.use")} className="mt-2 flex flex-wrap items-center gap-2 rounded-md border border-red-300 bg-red-50 p-2">
      <p className="text-sm text-red-900">{t("promote.replaceEdited")}</p>
      <button
        type="button"
        className="btn bg-red-700 text-white hover:bg-red-800"
        onClick={() => {
          setAsking(false);
          onUse();
        }}
      >
        {t("promote.replace")}
      </button>
      <button
        ref={keepRef}
        type="button"
        className="btn-secondary"
        onClick={() => {
          returnFocus.current = true;
          setAsking(false);
        }}
      >
        {t("promote.keepEdits")}
      </button>
    </div>
  );
}

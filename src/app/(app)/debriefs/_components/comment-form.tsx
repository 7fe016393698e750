"use client";
// A panelist's (or the chair's) comment on one queued disagreement, sent with a submission key: sent again after
// its answer was lost, it is posted once.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { LimitedTextField } from "@/components/ui/limited-text-field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { useSubmissionKey } from "@/components/use-submission-key";
import { COMMENT_MAX, commentOnDebriefInput } from "@/lib/schemas/debriefs";
import { useTRPC } from "@/trpc/react";
import { useKeepUnsent } from "./keep-unsent";

export function CommentForm({ debriefId, itemId, competencyId, label }: { debriefId: string; itemId: string; competencyId: string; label: string }) {
  const validateForm = useValidateForm();
  const trpc = useTRPC();
  const router = useRouter();
  const t = useTranslations("debriefs.commentForm");
  const [body, setBody] = useState("");
  const [checked, setChecked] = useState<FieldProblem | null>(null);
  const submission = useSubmissionKey();
  const comment = useMutation(
    trpc.debriefs.comment.mutationOptions({
      onSuccess: () => {
        submission.renew();
        setBody("");
        router.refresh();
      },
    }),
  );
  const problem = checked ?? fieldErrorFrom(comment.error);
  // Kept on the page by KeepUnsent if the debrief closes while a comment is being written (a sent one is emptied).
  useKeepUnsent(body.trim() !== "");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateForm(commentOnDebriefInput, { debriefId, itemId, competencyId, body });
    if (!result.ok) {
      setChecked(result.problem);
      return;
    }
    setChecked(null);
    try {
      await comment.mutateAsync({ ...result.data, idempotencyKey: submission.current() });
    } catch {
      // shown from comment.error
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} onChange={submission.renew} className="mt-3 space-y-2" aria-label={t("label", { unit: label })} data-testid="comment-form" noValidate>
      <Field name="body" label={t("body")} problem={problem}>
        {(control) => <LimitedTextField {...control} multiline limit={COMMENT_MAX} rows={2} className="field-input py-2" value={body} onValueChange={setBody} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-secondary" disabled={comment.isPending}>
          {comment.isPending ? t("sending") : t("submit")}
        </button>
        {problem && problem.field !== "body" && (
          <Alert variant="plain" className="text-sm">
            {problem.message}
          </Alert>
        )}
      </div>
    </form>
  );
}

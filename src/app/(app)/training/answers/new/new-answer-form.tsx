"use client";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { ErrorAlert } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { useSubmissionKey } from "@/components/use-submission-key";
import { createPracticeAnswerInput } from "@/lib/schemas/training";
import { useTRPC } from "@/trpc/react";
import { AnswerTextField } from "../answer-text-field";

export function NewAnswerForm() {
  const validateForm = useValidateForm();
  const t = useTranslations("training");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const options = useQuery(trpc.training.questionOptions.queryOptions());
  const create = useMutation(trpc.training.createAnswer.mutationOptions({ onSuccess: ({ id }) => router.push(`/training/answers/${id}`) }));
  const [bankId, setBankId] = useState("");
  const [questionId, setQuestionId] = useState("");
  const [text, setText] = useState("");
  const [checked, setChecked] = useState<FieldProblem | null>(null);
  // Sent again after its answer was lost, the same form makes one practice answer; any change makes a new submission.
  const submission = useSubmissionKey();
  const problem = checked ?? fieldErrorFrom(create.error);
  const bank = options.data?.find((b) => b.bankId === bankId);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateForm(createPracticeAnswerInput, { questionId, text });
    if (!result.ok) {
      setChecked(result.problem);
      return;
    }
    setChecked(null);
    create.mutate({ ...result.data, idempotencyKey: submission.current() });
  }

  return (
    <form onSubmit={onSubmit} onChange={submission.renew} className="card mt-6 max-w-3xl space-y-4" noValidate aria-label={t("newAnswer.formLabel")}>
      <ErrorAlert error={options.error} />
      <SelectField
        name="bankId"
        label={t("newAnswer.bank")}
        value={bankId}
        onChange={(e) => {
          setBankId(e.target.value);
          setQuestionId("");
        }}
        options={[
          { value: "", label: t("newAnswer.chooseBank") },
          ...(options.data ?? []).map((b) => ({ value: b.bankId, label: b.builtIn ? t("newAnswer.builtIn", { bank: b.bankName }) : b.bankName })),
        ]}
      />
      <SelectField
        name="questionId"
        label={t("newAnswer.question")}
        value={questionId}
        problem={problem}
        disabled={!bank}
        onChange={(e) => setQuestionId(e.target.value)}
        options={[
          { value: "", label: bank ? t("newAnswer.chooseQuestion") : t("newAnswer.chooseBankFirst") },
          ...(bank?.questions ?? []).map((q) => ({
            value: q.id,
            label: t("newAnswer.questionOption", { position: q.position, text: q.text, competencies: format.list(q.competencies, { type: "unit" }) }),
          })),
        ]}
      />
      <AnswerTextField value={text} onChange={setText} problem={problem} />
      {problem && problem.field !== "text" && problem.field !== "questionId" && <ErrorAlert error={{ message: problem.message }} />}
      <button type="submit" className="btn-primary" disabled={create.isPending} data-testid="save-practice-answer">
        {create.isPending ? t("newAnswer.saving") : t("newAnswer.save")}
      </button>
    </form>
  );
}

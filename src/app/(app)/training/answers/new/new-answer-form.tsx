"use client";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { ErrorAlert } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/field";
import { validateForm } from "@/components/ui/validate-form";
import { createPracticeAnswerInput } from "@/lib/schemas/training";
import { useTRPC } from "@/trpc/react";
import { AnswerTextField } from "../answer-text-field";

export function NewAnswerForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const options = useQuery(trpc.training.questionOptions.queryOptions());
  const create = useMutation(trpc.training.createAnswer.mutationOptions({ onSuccess: ({ id }) => router.push(`/training/answers/${id}`) }));
  const [bankId, setBankId] = useState("");
  const [questionId, setQuestionId] = useState("");
  const [text, setText] = useState("");
  const [checked, setChecked] = useState<FieldProblem | null>(null);
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
    create.mutate(result.data);
  }

  return (
    <form onSubmit={onSubmit} className="card mt-6 max-w-3xl space-y-4" noValidate aria-label="New practice answer">
      <ErrorAlert error={options.error} />
      <SelectField
        name="bankId"
        label="Bank"
        value={bankId}
        onChange={(e) => {
          setBankId(e.target.value);
          setQuestionId("");
        }}
        options={[{ value: "", label: "Choose a bank" }, ...(options.data ?? []).map((b) => ({ value: b.bankId, label: `${b.bankName}${b.builtIn ? " (built in)" : ""}` }))]}
      />
      <SelectField
        name="questionId"
        label="Question"
        value={questionId}
        problem={problem}
        disabled={!bank}
        onChange={(e) => setQuestionId(e.target.value)}
        options={[
          { value: "", label: bank ? "Choose a question" : "Choose a bank first" },
          ...(bank?.questions ?? []).map((q) => ({ value: q.id, label: `${q.position}. ${q.text} — ${q.competencies.join(", ")}` })),
        ]}
      />
      <AnswerTextField value={text} onChange={setText} problem={problem} />
      {problem && problem.field !== "text" && problem.field !== "questionId" && <ErrorAlert error={{ message: problem.message }} />}
      <button type="submit" className="btn-primary" disabled={create.isPending} data-testid="save-practice-answer">
        {create.isPending ? "Saving…" : "Save draft"}
      </button>
    </form>
  );
}

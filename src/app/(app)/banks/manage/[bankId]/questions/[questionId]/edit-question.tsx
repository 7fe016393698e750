"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/trpc/react";
import type { CompetencyOption } from "../../../../_components/competency-picker";
import { QuestionForm, type QuestionValues } from "../../../../_components/question-form";

/** `baseUpdatedAt`: when the question shown last changed; a change made elsewhere since is refused, not overwritten. */
type Props = { questionId: string; competencies: CompetencyOption[]; initial: QuestionValues; baseUpdatedAt: Date };

export function EditQuestion({ questionId, competencies, initial, baseUpdatedAt }: Props) {
  const trpc = useTRPC();
  const t = useTranslations("banks");
  const router = useRouter();
  const update = useMutation(trpc.bankAdmin.updateQuestion.mutationOptions());
  return (
    <QuestionForm
      competencies={competencies}
      initial={initial}
      submitLabel={t("form.save")}
      pendingLabel={t("form.saving")}
      pending={update.isPending || update.isSuccess}
      error={update.error}
      onSubmit={async (values) => {
        try {
          await update.mutateAsync({ id: questionId, baseUpdatedAt, ...values });
          router.push(`/banks/questions/${questionId}?saved=1`);
          return true;
        } catch {
          return false;
        }
      }}
    />
  );
}

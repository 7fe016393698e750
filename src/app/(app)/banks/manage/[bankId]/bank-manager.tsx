"use client";
// One of the organisation's own banks: its questions (edit, delete), a form to add one, and its details.
import { useShownVersion } from "@/components/use-shown-version";
import { useSubmissionKey } from "@/components/use-submission-key";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/ui/alert";
import { useTRPC } from "@/trpc/react";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { PageHeader } from "@/components/ui/page-header";
import { BankDetailsForm } from "../../_components/bank-details-form";
import { BanksBreadcrumb } from "../../_components/banks-breadcrumb";
import { CompetencyChips } from "../../_components/competency-chips";
import type { CompetencyOption } from "../../_components/competency-picker";
import { ConfirmAction } from "../../_components/confirm-action";
import { QuestionForm } from "../../_components/question-form";

type OwnBank = inferRouterOutputs<AppRouter>["bankAdmin"]["ownBank"];

type Props = { initialBank: OwnBank; competencies: CompetencyOption[]; notice: string | null };

export function BankManager({ initialBank, competencies, notice }: Props) {
  const trpc = useTRPC();
  const t = useTranslations("banks");
  const router = useRouter();
  const queryClient = useQueryClient();
  const bankQuery = useQuery({ ...trpc.bankAdmin.ownBank.queryOptions({ id: initialBank.id }), initialData: initialBank });
  const bank = bankQuery.data;
  const [status, setStatus] = useState<string | null>(notice);
  const [detailsSaved, setDetailsSaved] = useState<string | null>(null);
  // A deleted question takes the focused button with it; the list's heading takes the focus instead.
  const questionsHeading = useRef<HTMLHeadingElement>(null);

  const refreshLists = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.bankAdmin.myBanks.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.banks.searchQuestions.queryKey() }),
    ]);
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: trpc.bankAdmin.ownBank.queryKey({ id: bank.id }) }), refreshLists()]);
  // The details as the form shows them; a save here keeps "Saved." and what is typed after it, and only a newer
  // state from elsewhere draws the form afresh (use-shown-version.ts). The save's own refetch comes after.
  const version = useShownVersion(bank, { refresh: () => void refresh() });
  const updateBank = useMutation(trpc.bankAdmin.updateBank.mutationOptions({ onSuccess: version.saved }));
  const deleteBank = useMutation(
    trpc.bankAdmin.deleteBank.mutationOptions({
      // Not the bank itself: asking again for a bank that is gone is refused, and the retries held the page for seconds.
      onSuccess: async () => {
        await refreshLists();
        router.push("/banks");
      },
    }),
  );
  const addQuestion = useMutation(trpc.bankAdmin.addQuestion.mutationOptions({ onSuccess: refresh }));
  const submission = useSubmissionKey();
  const deleteQuestion = useMutation(trpc.bankAdmin.deleteQuestion.mutationOptions({ onSuccess: refresh }));
  const questionCount = t("list.questionCount", { count: bank.questions.length });

  return (
    <div className="max-w-4xl">
      <BanksBreadcrumb />
      <PageHeader className="mt-2" title={bank.name} description={t(bank.role ? "manage.descriptionRole" : "manage.description", { role: bank.role ?? "", count: questionCount })} />
      {bank.description && <p className="mt-1 whitespace-pre-line text-slate-700">{bank.description}</p>}
      <p role="status" className="mt-3 text-sm font-medium text-green-800">
        {status}
      </p>

      <section aria-labelledby="questions-heading" className="mt-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="questions-heading" ref={questionsHeading} tabIndex={-1} className="text-lg font-semibold">
            {t("browser.questions")}
          </h2>
          <div className="flex flex-wrap gap-2">
            <a href="#add-question-heading" className="btn-secondary">
              {t("manage.addQuestion")}
            </a>
            <Link href="/banks/import" className="btn-secondary">
              {t("list.import")}
            </Link>
          </div>
        </div>
        <ErrorAlert error={deleteQuestion.error} variant="boxed" className="mt-2" />
        {bank.questions.length === 0 ? (
          <p className="card mt-3 text-slate-700">{t("manage.empty")}</p>
        ) : (
          <ol className="mt-3 space-y-3" aria-labelledby="questions-heading">
            {bank.questions.map((q) => (
              <li key={q.id} className="card flex flex-wrap items-start gap-3">
                <span className="min-w-6 pt-0.5 text-sm font-semibold text-slate-600">{q.position}.</span>
                <div className="min-w-0 flex-1 basis-64">
                  <Link href={`/banks/questions/${q.id}`} className="font-semibold text-slate-900 underline-offset-2 hover:underline">
                    {q.text}
                  </Link>
                  {q.textReconstructed && <p className="mt-1 text-xs text-slate-600">{t("manage.reconstructed")}</p>}
                  <CompetencyChips label={t("manage.competenciesOf", { position: q.position })} competencies={q.competencies} />
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <Link
                    href={`/banks/manage/${bank.id}/questions/${q.id}`}
                    className="btn-secondary"
                    aria-label={t("manage.editQuestion", { position: q.position })}
                  >
                    {t("question.edit")}
                  </Link>
                  <ConfirmAction
                    label={t("manage.delete")}
                    accessibleLabel={t("manage.deleteQuestion", { position: q.position })}
                    question={t("manage.deleteQuestionConfirm", { position: q.position })}
                    confirmLabel={t("manage.deleteQuestionButton")}
                    pending={deleteQuestion.isPending}
                    onConfirm={() =>
                      deleteQuestion.mutate(
                        { id: q.id },
                        {
                          onSuccess: () => {
                            setStatus(t("manage.deleted", { position: q.position }));
                            questionsHeading.current?.focus();
                          },
                        },
                      )
                    }
                  />
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="add-question-heading" className="card mt-8">
        <h2 id="add-question-heading" className="text-lg font-semibold">
          {t("manage.addQuestion")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("manage.addsAt", { position: bank.questions.length + 1 })}</p>
        {/* Any change to the question (its fields' change events reach here) makes the next send a new submission. */}
        <div className="mt-4" onChange={submission.renew}>
          <QuestionForm
            competencies={competencies}
            submitLabel={t("manage.addQuestion")}
            pendingLabel={t("manage.adding")}
            pending={addQuestion.isPending}
            error={addQuestion.error}
            resetAfterSave
            onSubmit={async (values) => {
              try {
                await addQuestion.mutateAsync({ bankId: bank.id, ...values, idempotencyKey: submission.current() });
                submission.renew();
                setStatus(t("manage.added", { position: bank.questions.length + 1 }));
                return true;
              } catch {
                return false;
              }
            }}
          />
        </div>
      </section>

      <section aria-labelledby="details-heading" className="card mt-8">
        <h2 id="details-heading" className="text-lg font-semibold">
          {t("manage.details")}
        </h2>
        <div className="mt-4">
          {/* Sends the updatedAt of the state it shows, so details changed elsewhere since are refused rather than
              overwritten; after a save here it goes on from the saved state (a second save starts from the first
              one's) and keeps what was typed meanwhile. Drawn afresh only for a newer state from elsewhere. */}
          <BankDetailsForm
            key={version.formKey}
            initial={{ name: version.shown.name, role: version.shown.role ?? "", description: version.shown.description ?? "" }}
            submitLabel={t("manage.saveDetails")}
            pendingLabel={t("form.saving")}
            pending={updateBank.isPending}
            error={updateBank.error}
            savedMessage={detailsSaved}
            onSubmit={(values) => {
              setDetailsSaved(null);
              updateBank.mutate(
                {
                  id: bank.id,
                  baseUpdatedAt: version.shown.updatedAt,
                  name: values.name,
                  role: values.role || undefined,
                  description: values.description || undefined,
                },
                { onSuccess: () => setDetailsSaved(t("manage.saved")) },
              );
            }}
          />
        </div>
      </section>

      <section aria-labelledby="delete-heading" className="mt-8 rounded-lg border border-red-200 bg-white p-4">
        <h2 id="delete-heading" className="text-lg font-semibold">
          {t("manage.deleteBankHeading")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("manage.deleteBankHelp", { count: questionCount })}</p>
        <ErrorAlert error={deleteBank.error} className="mt-2 text-sm" />
        <div className="mt-3">
          <ConfirmAction
            label={t("manage.deleteBank")}
            question={t("manage.deleteBankConfirm", { bank: bank.name, count: questionCount })}
            confirmLabel={t("manage.deleteBankButton")}
            pending={deleteBank.isPending || deleteBank.isSuccess}
            onConfirm={() => deleteBank.mutate({ id: bank.id })}
          />
        </div>
      </section>
    </div>
  );
}

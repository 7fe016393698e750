"use client";
// Copies the question into one of the organisation's own banks, where it can be edited.
import { useSubmissionKey } from "@/components/use-submission-key";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { copyQuestionInput } from "@/lib/schemas/banks";
import { useTRPC } from "@/trpc/react";

type Props = { questionId: string; banks: { id: string; name: string }[]; builtIn: boolean };

export function CopyToBank({ questionId, banks, builtIn }: Props) {
  const validateForm = useValidateForm();
  const trpc = useTRPC();
  const t = useTranslations("banks");
  const id = useId();
  const [bankId, setBankId] = useState(banks[0]?.id ?? "");
  const [copied, setCopied] = useState<{ id: string; bankId: string; bankName: string } | null>(null);
  const copy = useMutation(trpc.bankAdmin.copyQuestion.mutationOptions());
  const submission = useSubmissionKey();
  const [localProblem, setLocalProblem] = useState<FieldProblem | null>(null);
  const problem = localProblem ?? fieldErrorFrom(copy.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCopied(null);
    const bankName = banks.find((b) => b.id === bankId)?.name ?? t("copy.yourBank");
    const checked = validateForm(copyQuestionInput, { questionId, bankId });
    setLocalProblem(checked.ok ? null : checked.problem);
    if (!checked.ok) return;
    copy.mutate(
      { ...checked.data, idempotencyKey: submission.current() },
      {
        onSuccess: (result) => {
          submission.renew();
          setCopied({ id: result.id, bankId, bankName });
        },
      },
    );
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="card mt-4">
      <h2 id={`${id}-heading`} className="text-base font-semibold">
        {t("copy.heading")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {builtIn ? t("copy.builtInHelp") : t("copy.help")}
      </p>
      {banks.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">
          {t.rich("copy.noBanks", {
            link: (chunks) => (
              <Link href="/banks/new" className="text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : (
        <form onSubmit={submit} onChange={submission.renew} className="mt-3 flex flex-wrap items-end gap-3" noValidate>
          <SelectField
            name="bankId"
            label={t("copy.into")}
            problem={problem}
            className="min-w-56 flex-1"
            options={banks.map((b) => ({ value: b.id, label: b.name }))}
            value={bankId}
            onChange={(e) => setBankId(e.target.value)}
          />
          <button type="submit" className="btn-primary" disabled={copy.isPending}>
            {copy.isPending ? t("copy.copying") : t("copy.heading")}
          </button>
          {problem && problem.field !== "bankId" && (
            <Alert variant="plain" className="basis-full text-sm font-medium">
              {problem.message}
            </Alert>
          )}
        </form>
      )}
      <p role="status" className="mt-2 text-sm text-green-800">
        {copied && (
          <>
            {t("copy.copied", { bank: copied.bankName })}{" "}
            <Link href={`/banks/manage/${copied.bankId}/questions/${copied.id}`} className="text-brand-700 underline">
              {t("copy.editCopy")}
            </Link>
          </>
        )}
      </p>
    </section>
  );
}

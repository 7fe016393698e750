"use client";
// Copies the question into one of the organisation's own banks, where it can be edited.
import { useSubmissionKey } from "@/components/use-submission-key";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { FieldError, fieldErrorFrom } from "@/components/field-error";
import { useTRPC } from "@/trpc/react";

type Props = { questionId: string; banks: { id: string; name: string }[]; builtIn: boolean };

export function CopyToBank({ questionId, banks, builtIn }: Props) {
  const trpc = useTRPC();
  const id = useId();
  const [bankId, setBankId] = useState(banks[0]?.id ?? "");
  const [copied, setCopied] = useState<{ id: string; bankId: string; bankName: string } | null>(null);
  const copy = useMutation(trpc.bankAdmin.copyQuestion.mutationOptions());
  const submission = useSubmissionKey();
  const problem = fieldErrorFrom(copy.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCopied(null);
    const bankName = banks.find((b) => b.id === bankId)?.name ?? "your bank";
    copy.mutate(
      { questionId, bankId, idempotencyKey: submission.current() },
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
      <h2 id={`${id}-heading`} className="text-base font-semibold">Copy to my bank</h2>
      <p className="mt-1 text-sm text-slate-700">
        {builtIn
          ? "Built-in banks are read-only. Copy this question into one of your banks to change its wording, guidance or competencies."
          : "Put a copy of this question into one of your banks."}
      </p>
      {banks.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">
          Your organisation has no banks of its own yet.{" "}
          <Link href="/banks/new" className="text-brand-700 underline">
            Create a bank
          </Link>{" "}
          first, then copy the question into it.
        </p>
      ) : (
        <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-3" noValidate>
          <div className="min-w-56 flex-1">
            <label htmlFor={`${id}-bank`} className="field-label">Copy into</label>
            <select
              id={`${id}-bank`}
              className="field-input"
              value={bankId}
              onChange={(e) => setBankId(e.target.value)}
              aria-describedby={`${id}-bank-error`}
            >
              {banks.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-primary" disabled={copy.isPending}>
            {copy.isPending ? "Copying…" : "Copy to my bank"}
          </button>
          <div className="basis-full">
            <FieldError id={`${id}-bank-error`} problem={problem} field="bankId" />
            {problem && problem.field !== "bankId" && (
              <p role="alert" className="text-sm font-medium text-red-700">
                {problem.message}
              </p>
            )}
          </div>
        </form>
      )}
      <p role="status" className="mt-2 text-sm text-green-800">
        {copied && (
          <>
            Copied into {copied.bankName}.{" "}
            <Link href={`/banks/manage/${copied.bankId}/questions/${copied.id}`} className="text-brand-700 underline">
              Edit the copy
            </Link>
          </>
        )}
      </p>
    </section>
  );
}

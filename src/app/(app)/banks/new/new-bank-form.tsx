"use client";
import { useSubmissionKey } from "@/components/use-submission-key";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/trpc/react";
import { BankDetailsForm } from "../_components/bank-details-form";

export function NewBankForm() {
  const trpc = useTRPC();
  const t = useTranslations("banks");
  const router = useRouter();
  const submission = useSubmissionKey();
  const create = useMutation(
    trpc.bankAdmin.createBank.mutationOptions({ onSuccess: ({ id }) => router.push(`/banks/manage/${id}?created=1`) }),
  );
  // Any change to the details (their fields' change events reach this wrapper) makes the next send a new submission.
  return (
    <div onChange={submission.renew}>
      <BankDetailsForm
        submitLabel={t("new.create")}
        pendingLabel={t("new.creating")}
        pending={create.isPending || create.isSuccess}
        error={create.error}
        onSubmit={(values) =>
          create.mutate({
            name: values.name,
            role: values.role || undefined,
            description: values.description || undefined,
            idempotencyKey: submission.current(),
          })
        }
      />
    </div>
  );
}

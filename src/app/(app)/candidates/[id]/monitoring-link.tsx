"use client";
// A link to the voluntary equal-opportunities form for this candidate (HR, admins, the vacancy's managers).
// The link is shown once (only its hash is stored) and emailed when the candidate has an address and email
// is set up. Nothing here shows whether or how the candidate answered. Each press is a submission with its own
// key: pressed again after the answer was lost, no second link is made (and no second email sent); the
// server says a link was made, and the press after that makes a new one.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/ui/alert";
import { CopyLinkField } from "@/components/ui/copy-link-field";
import { useSubmissionKey } from "@/components/use-submission-key";
import { useTRPC } from "@/trpc/react";
import { When } from "../../interviews/_components/when";

export function MonitoringLink({ candidateId }: { candidateId: string }) {
  const t = useTranslations("candidates.monitoring");
  const trpc = useTRPC();
  const submission = useSubmissionKey();
  const create = useMutation(
    trpc.monitoring.createInvite.mutationOptions({
      onSuccess: submission.renew,
      // CONFLICT: this press's link was made already (its answer lost); the next press asks for a new one.
      onError: (error) => {
        if (error.data?.code === "CONFLICT") submission.renew();
      },
    }),
  );
  const made = create.data;

  return (
    <section aria-labelledby="monitoring-link-heading" className="card h-fit">
      <h2 id="monitoring-link-heading" className="text-lg font-semibold">{t("title")}</h2>
      <p className="mt-2 text-sm text-slate-700">{t("intro")}</p>
      <button type="button" className="btn-secondary mt-3" disabled={create.isPending} onClick={() => create.mutate({ candidateId, idempotencyKey: submission.current() })}>
        {create.isPending ? t("creating") : made ? t("createNew") : t("create")}
      </button>
      <ErrorAlert error={create.error} className="mt-2 text-sm" />
      {made && (
        <div role="status" className="mt-3 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm">
          <p>
            {made.emailed ? t("emailed") : t("notEmailed")} {t.rich("worksOnce", { until: () => <When date={made.expiresAt} dateOnly /> })}
          </p>
          <CopyLinkField key={made.link} id="monitoring-link" label={t("linkLabel")} link={made.link} />
        </div>
      )}
    </section>
  );
}

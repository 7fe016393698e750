"use client";
// Invitations not yet accepted: send again (a new link replaces the old one) or withdraw.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { When } from "@/app/(app)/interviews/_components/when";
import { ErrorAlert } from "@/components/ui/alert";
import { useTRPC } from "@/trpc/react";
import { InvitationLinkBox } from "./invitation-link-box";

export function PendingInvitations() {
  const t = useTranslations("members.pending");
  const common = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pending = useQuery(trpc.invitations.pending.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.invitations.pending.queryKey() });
  const resend = useMutation(trpc.invitations.resend.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.invitations.revoke.mutationOptions({ onSuccess: refresh }));
  const failure = resend.error ?? revoke.error;

  return (
    <section aria-labelledby="pending-invitations-heading" className="card">
      <h2 id="pending-invitations-heading" className="text-lg font-semibold">{t("title")}</h2>
      {pending.isPending && <p className="mt-2">{common("loading")}</p>}
      <ErrorAlert error={pending.error} className="mt-2" />
      <ErrorAlert error={failure} className="mt-2 text-sm" />
      {pending.data?.length === 0 && <p className="mt-2 text-sm text-slate-700">{t("none")}</p>}
      {pending.data && pending.data.length > 0 && (
        <ul className="mt-2 divide-y divide-slate-100" aria-label={t("title")}>
          {pending.data.map((i) => {
            const expired = i.expiresAt.getTime() <= (pending.dataUpdatedAt || 0);
            return (
              <li key={i.id} className="space-y-2 py-2 text-sm">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="min-w-0 break-words">
                    <span className="font-medium">{i.email}</span> · {common(`roles.${i.role}`)}
                    {i.interview && t.rich("onPanel", { when: () => i.interview && <When date={i.interview.scheduledAt} dateOnly /> })} ·{" "}
                    {expired ? (
                      <strong className="text-red-800">{t("expired")}</strong>
                    ) : (
                      t.rich("expires", { when: () => <When date={i.expiresAt} dateOnly /> })
                    )}
                  </span>
                  <span className="flex gap-2">
                    <button type="button" className="btn-secondary" disabled={resend.isPending} onClick={() => resend.mutate({ id: i.id })}>
                      {t.rich("sendAgain", { email: i.email, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
                    </button>
                    <button type="button" className="btn-secondary" disabled={revoke.isPending} onClick={() => revoke.mutate({ id: i.id })}>
                      {t.rich("withdraw", { email: i.email, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
                    </button>
                  </span>
                </div>
                {resend.data?.id === i.id && (
                  <InvitationLinkBox id={`invitation-link-${i.id}`} email={i.email} link={resend.data.link} emailed={resend.data.emailed} />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

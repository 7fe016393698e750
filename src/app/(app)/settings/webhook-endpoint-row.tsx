"use client";
// One webhook endpoint: its events and signing secret, and what an admin can do with it.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/ui/alert";
import { CopyLinkField } from "@/components/ui/copy-link-field";
import type { WebhookEndpoint } from "@/lib/schemas/webhooks";
import { useTRPC } from "@/trpc/react";

export function WebhookEndpointRow({ endpoint }: { endpoint: WebhookEndpoint }) {
  const trpc = useTRPC();
  const t = useTranslations("webhooks.endpoint");
  const router = useRouter();
  const done = { onSuccess: () => router.refresh() };
  const update = useMutation(trpc.webhooks.update.mutationOptions(done));
  const rotate = useMutation(trpc.webhooks.rotateSecret.mutationOptions(done));
  const test = useMutation(trpc.webhooks.sendTest.mutationOptions(done));
  const remove = useMutation(trpc.webhooks.delete.mutationOptions(done));
  const pending = update.isPending || rotate.isPending || test.isPending || remove.isPending;
  const name = <span className="sr-only"> {endpoint.url}</span>;

  return (
    <li className="py-3 text-sm">
      <p className="break-all font-semibold">{endpoint.url}</p>
      {endpoint.description && <p className="text-slate-700">{endpoint.description}</p>}
      <p className="break-words text-slate-700">
        {t("state", { enabled: String(endpoint.enabled), events: endpoint.events.join(", "), notes: String(endpoint.includeNotes) })}
      </p>
      <CopyLinkField key={endpoint.secret} id={`webhook-secret-${endpoint.id}`} label={t("secret", { url: endpoint.url })} link={endpoint.secret} />
      {endpoint.previousSecretExpiresAt && (
        <p className="mt-1 text-slate-700">
          {t("previousSecret", { when: endpoint.previousSecretExpiresAt.toISOString().slice(0, 16).replace("T", " ") })}
        </p>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        <Link className="btn-secondary" href={`/settings/webhooks/${endpoint.id}`}>{t("deliveryLog")}{name}</Link>
        <button type="button" className="btn-secondary" disabled={pending} onClick={() => test.mutate({ id: endpoint.id })}>{t("sendTest")}{name}</button>
        <button type="button" className="btn-secondary" disabled={pending} onClick={() => update.mutate({ id: endpoint.id, enabled: !endpoint.enabled })}>
          {endpoint.enabled ? t("disable") : t("enable")}{name}
        </button>
        <button type="button" className="btn-secondary" disabled={pending}
          onClick={() => { if (window.confirm(t("confirmRotate"))) rotate.mutate({ id: endpoint.id }); }}>
          {t("rotate")}{name}
        </button>
        <button type="button" className="btn-secondary" disabled={pending}
          onClick={() => { if (window.confirm(t("confirmDelete", { url: endpoint.url }))) remove.mutate({ id: endpoint.id }); }}>
          {t("delete")}{name}
        </button>
      </div>
      {test.isSuccess && <p role="status" className="mt-1">{t("testQueued")}</p>}
      <ErrorAlert error={update.error ?? rotate.error ?? test.error ?? remove.error} />
    </li>
  );
}

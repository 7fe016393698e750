"use client";
// One webhook endpoint: its events and signing secret, and what an admin can do with it.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/alert";
import { CopyLinkField } from "@/components/ui/copy-link-field";
import type { WebhookEndpoint } from "@/lib/schemas/webhooks";
import { useTRPC } from "@/trpc/react";

export function WebhookEndpointRow({ endpoint }: { endpoint: WebhookEndpoint }) {
  const trpc = useTRPC();
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
        {endpoint.enabled ? "Enabled" : "Disabled"} · {endpoint.events.join(", ")}
        {endpoint.includeNotes ? " · with notes" : ""}
      </p>
      <CopyLinkField key={endpoint.secret} id={`webhook-secret-${endpoint.id}`} label={`Signing secret of ${endpoint.url}`} link={endpoint.secret} />
      {endpoint.previousSecretExpiresAt && (
        <p className="mt-1 text-slate-700">The previous secret also signs until {endpoint.previousSecretExpiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC.</p>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        <Link className="btn-secondary" href={`/settings/webhooks/${endpoint.id}`}>Delivery log{name}</Link>
        <button type="button" className="btn-secondary" disabled={pending} onClick={() => test.mutate({ id: endpoint.id })}>Send test event{name}</button>
        <button type="button" className="btn-secondary" disabled={pending} onClick={() => update.mutate({ id: endpoint.id, enabled: !endpoint.enabled })}>
          {endpoint.enabled ? "Disable" : "Enable"}{name}
        </button>
        <button type="button" className="btn-secondary" disabled={pending}
          onClick={() => { if (window.confirm("Rotate the secret? The old one keeps signing beside the new one for 24 hours.")) rotate.mutate({ id: endpoint.id }); }}>
          Rotate secret{name}
        </button>
        <button type="button" className="btn-secondary" disabled={pending}
          onClick={() => { if (window.confirm(`Delete the endpoint ${endpoint.url} and its delivery log?`)) remove.mutate({ id: endpoint.id }); }}>
          Delete{name}
        </button>
      </div>
      {test.isSuccess && <p role="status" className="mt-1">Test event queued: see the delivery log.</p>}
      <ErrorAlert error={update.error ?? rotate.error ?? test.error ?? remove.error} />
    </li>
  );
}

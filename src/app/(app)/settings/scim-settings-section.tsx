"use client";
// Settings: SCIM provisioning from Entra ID or Okta. The base URL and a bearer token go into the identity
// provider; the token is shown once (only a hash is kept). Fetches its own data, so the page adds one line.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { CopyLinkField } from "@/components/ui/copy-link-field";
import { useTRPC } from "@/trpc/react";
import { ScimGroupRoles } from "./scim-group-roles";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export function ScimSettingsSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.scim.settings.queryOptions());
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.scim.settings.queryKey() });
  const [token, setToken] = useState<string | null>(null);
  const create = useMutation(trpc.scim.createToken.mutationOptions({ onSuccess: (made) => { setToken(made.token); refresh(); } }));
  const revoke = useMutation(trpc.scim.revokeToken.mutationOptions({ onSuccess: () => { setToken(null); refresh(); } }));
  const live = settings.data?.tokens.filter((t) => !t.revokedAt) ?? [];

  return (
    <section aria-labelledby="scim-settings-heading" className="card mt-6 max-w-2xl">
      <h2 id="scim-settings-heading" className="text-lg font-semibold">SCIM provisioning</h2>
      <p className="mt-1 text-sm text-slate-700">
        Let Entra ID or Okta add and remove people. Someone deactivated there loses access at once (signed out
        everywhere); their submitted scorecards stay. People sign in with single sign-on.
      </p>
      <ErrorAlert error={settings.error} />
      {settings.data && (
        <>
          <h3 className="mt-4 text-sm font-semibold">Base URL</h3>
          <CopyLinkField id="scim-base-url" label="SCIM base URL" link={settings.data.baseUrl} />
          <p className="mt-1 text-xs text-slate-600">{settings.data.provisionedUsers} people provisioned so far.</p>

          <h3 className="mt-4 text-sm font-semibold">Tokens</h3>
          {token && (
            <div role="status" className="mt-2 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm">
              <p>Your new token. Copy it into the identity provider now: it is shown only this once.</p>
              <CopyLinkField key={token} id="scim-new-token" label="New SCIM token" link={token} />
            </div>
          )}
          {live.length > 0 ? (
            <ul className="mt-2 space-y-2" aria-label="SCIM tokens">
              {live.map((t) => (
                <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                  <span>
                    <code>pkscim_{t.prefix}_…</code> made {dateTime.format(t.createdAt)} ·{" "}
                    {t.lastUsedAt ? `last used ${dateTime.format(t.lastUsedAt)}` : "not used yet"}
                  </span>
                  <button type="button" className="btn-secondary" disabled={revoke.isPending} onClick={() => revoke.mutate({ id: t.id })}>
                    Revoke<span className="sr-only"> token pkscim_{t.prefix}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-slate-700">No token yet.</p>
          )}
          <button type="button" className="btn-primary mt-3" disabled={create.isPending} onClick={() => create.mutate()}>
            {create.isPending ? "Making a token…" : "Make a token"}
          </button>
          <ErrorAlert error={create.error ?? revoke.error} className="mt-2" />

          <h3 className="mt-6 text-sm font-semibold">Groups and roles</h3>
          <ScimGroupRoles groups={settings.data.groups} onChanged={refresh} />
        </>
      )}
    </section>
  );
}

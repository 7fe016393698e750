"use client";
// Settings: SCIM provisioning from Entra ID or Okta. The base URL and a bearer token go into the identity
// provider; the token is shown once (only a hash is kept). Fetches its own data, so the page adds one line.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { CopyLinkField } from "@/components/ui/copy-link-field";
import { useTRPC } from "@/trpc/react";
import { ScimGroupRoles } from "./scim-group-roles";

export function ScimSettingsSection() {
  const trpc = useTRPC();
  const t = useTranslations("scim");
  const format = useFormatter();
  const dateTime = (date: Date) => format.dateTime(date, "dateTime");
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.scim.settings.queryOptions());
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.scim.settings.queryKey() });
  const [token, setToken] = useState<string | null>(null);
  const create = useMutation(trpc.scim.createToken.mutationOptions({ onSuccess: (made) => { setToken(made.token); refresh(); } }));
  const revoke = useMutation(trpc.scim.revokeToken.mutationOptions({ onSuccess: () => { setToken(null); refresh(); } }));
  const live = settings.data?.tokens.filter((token) => !token.revokedAt) ?? [];

  return (
    <section aria-labelledby="scim-settings-heading" className="card mt-6 max-w-2xl">
      <h2 id="scim-settings-heading" className="text-lg font-semibold">{t("heading")}</h2>
      <p className="mt-1 text-sm text-slate-700">
        {t("intro")}
      </p>
      <ErrorAlert error={settings.error} />
      {settings.data && (
        <>
          <h3 className="mt-4 text-sm font-semibold">{t("baseUrl")}</h3>
          <CopyLinkField id="scim-base-url" label={t("baseUrlLabel")} link={settings.data.baseUrl} />
          <p className="mt-1 text-xs text-slate-600">{t("provisioned", { count: settings.data.provisionedUsers })}</p>

          <h3 className="mt-4 text-sm font-semibold">{t("tokens")}</h3>
          {token && (
            <div role="status" className="mt-2 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm">
              <p>{t("newToken")}</p>
              <CopyLinkField key={token} id="scim-new-token" label={t("newTokenLabel")} link={token} />
            </div>
          )}
          {live.length > 0 ? (
            <ul className="mt-2 space-y-2" aria-label={t("tokensLabel")}>
              {live.map((token) => (
                <li key={token.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                  <span>
                    <code>{`pkscim_${token.prefix}_…`}</code> {t("made", { date: dateTime(token.createdAt) })} ·{" "}
                    {token.lastUsedAt ? t("lastUsed", { date: dateTime(token.lastUsedAt) }) : t("notUsed")}
                  </span>
                  <button type="button" className="btn-secondary" disabled={revoke.isPending} onClick={() => revoke.mutate({ id: token.id })}>
                    {t("revoke")}<span className="sr-only"> {t("revokeWhich", { token: `pkscim_${token.prefix}` })}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-slate-700">{t("noToken")}</p>
          )}
          <button type="button" className="btn-primary mt-3" disabled={create.isPending} onClick={() => create.mutate()}>
            {create.isPending ? t("making") : t("make")}
          </button>
          <ErrorAlert error={create.error ?? revoke.error} className="mt-2" />

          <h3 className="mt-6 text-sm font-semibold">{t("groupsHeading")}</h3>
          <ScimGroupRoles groups={settings.data.groups} onChanged={refresh} />
        </>
      )}
    </section>
  );
}

"use client";
// Creating (the key shown once, to copy), listing and revoking REST API keys. A key acts for the admin who
// creates it, within the chosen scopes: if that admin's role changes or they leave, the key loses that power.
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FieldError } from "@/components/field-error";
import { ErrorAlert } from "@/components/ui/alert";
import { CopyLinkField } from "@/components/ui/copy-link-field";
import { TextField } from "@/components/ui/field";
import { useCheckedSave } from "@/components/ui/use-checked-save";
import { API_SCOPES } from "@/lib/api-scopes";
import { createApiKeyInput, type ApiKeyRow } from "@/lib/schemas/api-keys";
import { useTRPC } from "@/trpc/react";

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "—");

function keyState(key: ApiKeyRow, t: (key: string, values?: Record<string, string>) => string): string {
  if (key.revokedAt) return t("revoked", { day: day(key.revokedAt) });
  if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) return t("expired", { day: day(key.expiresAt) });
  return t("active");
}

export function ApiKeysManager({ keys }: { keys: ApiKeyRow[] }) {
  const trpc = useTRPC();
  const t = useTranslations("apiKeys");
  const router = useRouter();
  const [shown, setShown] = useState<string | null>(null);
  const create = useMutation(trpc.apiKeys.create.mutationOptions({ onSuccess: (created) => { setShown(created.key); router.refresh(); } }));
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: () => router.refresh() }));
  const { problem, submit } = useCheckedSave(createApiKeyInput, create);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const expires = String(form.get("expiresOn") ?? "").trim();
    await submit({
      name: String(form.get("name") ?? ""),
      scopes: form.getAll("scopes").map(String),
      // The key works through the whole of its last day (UTC).
      expiresAt: expires ? new Date(`${expires}T23:59:59Z`) : null,
    });
  }

  return (
    <section aria-labelledby="api-keys-heading" className="card mt-6 max-w-2xl">
      <h2 id="api-keys-heading" className="text-lg font-semibold">{t("heading")}</h2>
      <p className="mt-1 text-sm text-slate-700">
        {t.rich("intro", {
          link: (chunks) => (
            <a className="underline" href="/api/v1/docs" target="_blank" rel="noreferrer">
              {chunks}
            </a>
          ),
        })}
      </p>
      {shown && (
        <div className="mt-4 rounded border border-emerald-300 bg-emerald-50 p-3" role="status">
          <p className="text-sm font-semibold">{t("copyNow")}</p>
          <CopyLinkField key={shown} id="new-api-key" label={t("newKey")} link={shown} />
        </div>
      )}
      <form onSubmit={(event) => void onSubmit(event)} className="mt-4 space-y-4" noValidate>
        <TextField name="name" id="api-key-name" label={t("name")} hint={t("nameHint")} problem={problem} className="max-w-md" />
        <fieldset className="space-y-2" aria-describedby="api-key-scopes-error">
          <legend className="text-sm font-semibold">{t("scopes")}</legend>
          {API_SCOPES.map((scope) => (
            <div key={scope} className="flex items-center gap-2">
              <input id={`scope-${scope}`} name="scopes" value={scope} type="checkbox" className="size-5" />
              <label htmlFor={`scope-${scope}`} className="text-sm">
                <code>{scope}</code>: {t(`scopeLabels.${scope}`)}
              </label>
            </div>
          ))}
          <FieldError id="api-key-scopes-error" problem={problem} field="scopes" />
        </fieldset>
        <TextField name="expiresOn" errorKey="expiresAt" id="api-key-expiry" label={t("expires")} type="date" problem={problem} className="max-w-xs" />
        {problem && !["name", "scopes", "expiresAt"].includes(problem.field ?? "") && <ErrorAlert error={{ message: problem.message }} />}
        <button type="submit" className="btn-primary" disabled={create.isPending}>{t("create")}</button>
      </form>
      <h3 className="mt-6 font-semibold">{t("keys")}</h3>
      {keys.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">{t("none")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200">
          {keys.map((key) => (
            <li key={key.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
              <div className="min-w-0 text-sm">
                <p className="font-semibold">{key.name} <code className="font-normal">{key.prefix}…</code></p>
                <p className="break-words text-slate-700">{key.scopes.join(", ")}</p>
                <p className="text-slate-700">
                  {t("keyLine", { state: keyState(key, t), name: key.createdByName, lastUsed: day(key.lastUsedAt), expires: day(key.expiresAt) })}
                </p>
              </div>
              {!key.revokedAt && (
                <button type="button" className="btn-secondary" disabled={revoke.isPending}
                  onClick={() => { if (window.confirm(t("confirmRevoke", { name: key.name }))) revoke.mutate({ id: key.id }); }}>
                  {t("revoke")}<span className="sr-only"> {key.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={revoke.error} />
    </section>
  );
}

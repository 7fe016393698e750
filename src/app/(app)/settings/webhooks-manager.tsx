"use client";
// Registering webhook endpoints (URL, events, whether payloads may carry notes), the organisation's
// private-address setting, and the list of endpoints with their actions. Adding sends a submission key, so the
// same form sent again after its answer was lost registers one endpoint; once added, the form empties and says so.
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FieldError } from "@/components/field-error";
import { ErrorAlert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { useCheckedSave } from "@/components/ui/use-checked-save";
import { useSubmissionKey } from "@/components/use-submission-key";
import { createWebhookEndpointInput, WEBHOOK_EVENT_TYPES, type WebhookOverview } from "@/lib/schemas/webhooks";
import { useTRPC } from "@/trpc/react";
import { WebhookEndpointRow } from "./webhook-endpoint-row";

export function WebhooksManager({ overview }: { overview: WebhookOverview }) {
  const trpc = useTRPC();
  const t = useTranslations("webhooks");
  const router = useRouter();
  const submission = useSubmissionKey();
  const [added, setAdded] = useState<string | null>(null);
  // A new form (empty) once an endpoint is added.
  const [formKey, setFormKey] = useState(0);
  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: (endpoint) => {
        submission.renew();
        setFormKey((key) => key + 1);
        setAdded(endpoint.url);
        router.refresh();
      },
    }),
  );
  // Shown as chosen at once; a refused save puts it back.
  const [allowPrivate, setAllowPrivate] = useState(overview.allowPrivateUrls);
  const settings = useMutation(
    trpc.webhooks.updateSettings.mutationOptions({ onSuccess: () => router.refresh(), onError: () => setAllowPrivate(overview.allowPrivateUrls) }),
  );
  const { problem, submit } = useCheckedSave(createWebhookEndpointInput, {
    error: create.error,
    reset: create.reset,
    mutateAsync: (values) => create.mutateAsync({ ...values, idempotencyKey: submission.current() }),
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    setAdded(null);
    await submit({
      url: String(values.get("url") ?? ""),
      description: String(values.get("description") ?? ""),
      events: values.getAll("events").map(String),
      includeNotes: values.get("includeNotes") === "on",
    });
  }

  return (
    <section aria-labelledby="webhooks-heading" className="card mt-6 max-w-2xl">
      <h2 id="webhooks-heading" className="text-lg font-semibold">{t("heading")}</h2>
      <p className="mt-1 text-sm text-slate-700">
        {t("intro")}
      </p>
      <div className="mt-4 flex items-center gap-2">
        <input id="webhooks-allow-private" type="checkbox" className="size-5" checked={allowPrivate} disabled={settings.isPending}
          onChange={(e) => { setAllowPrivate(e.target.checked); settings.mutate({ allowPrivateUrls: e.target.checked }); }} aria-describedby="webhooks-allow-private-hint" />
        <label htmlFor="webhooks-allow-private" className="text-sm">{t("allowPrivate")}</label>
      </div>
      <p id="webhooks-allow-private-hint" className="ml-7 text-sm text-slate-700">{t("allowPrivateHint")}</p>
      <ErrorAlert error={settings.error} />

      <form key={formKey} onSubmit={(event) => void onSubmit(event)} onChange={submission.renew} className="mt-4 space-y-4" noValidate>
        <TextField name="url" id="webhook-url" label={t("url")} hint={t("urlHint")} problem={problem} type="url" className="max-w-md" />
        <TextField name="description" id="webhook-description" label={t("description")} problem={problem} className="max-w-md" />
        <fieldset className="space-y-2" aria-describedby="webhook-events-error">
          <legend className="text-sm font-semibold">{t("events")}</legend>
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <div key={type} className="flex items-center gap-2">
              <input id={`webhook-event-${type}`} name="events" value={type} type="checkbox" className="size-5" />
              <label htmlFor={`webhook-event-${type}`} className="text-sm"><code>{type}</code></label>
            </div>
          ))}
          <FieldError id="webhook-events-error" problem={problem} field="events" />
        </fieldset>
        <div className="flex items-center gap-2">
          <input id="webhook-include-notes" name="includeNotes" type="checkbox" className="size-5" />
          <label htmlFor="webhook-include-notes" className="text-sm">{t("includeNotes")}</label>
        </div>
        {problem && !["url", "description", "events"].includes(problem.field ?? "") && <ErrorAlert error={{ message: problem.message }} />}
        <button type="submit" className="btn-primary" disabled={create.isPending}>{t("add")}</button>
      </form>
      {/* Outside the form, which is made anew once an endpoint is added: the status stays put and is announced. */}
      <p role="status" className="mt-2 text-sm font-medium text-green-800">{added && t("added", { url: added })}</p>

      <h3 className="mt-6 font-semibold">{t("endpoints")}</h3>
      {overview.endpoints.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">{t("none")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200">
          {overview.endpoints.map((endpoint) => <WebhookEndpointRow key={endpoint.id} endpoint={endpoint} />)}
        </ul>
      )}
    </section>
  );
}

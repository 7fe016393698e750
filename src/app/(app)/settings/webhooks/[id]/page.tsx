import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/i18n/client-messages";
import { pageAccess } from "@/trpc/server";
import { ReplayDeliveryButton } from "./replay-delivery-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks.deliveries"))("title") };
}

// A technical log read beside the receiver's own: times in UTC, written the same way in every language.
const when = (date: Date) => `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;

/** An endpoint's delivery log: every event sent to it, every attempt with what the receiver answered. */
export default async function WebhookDeliveriesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [{ api, allowed }, t] = await Promise.all([pageAccess("org:settings"), getTranslations("webhooks.deliveries")]);
  if (!allowed) return <NotForYourRole title={t("title")}>{t("notForRole")}</NotForYourRole>;
  const { endpoint, deliveries } = await api.webhooks.deliveries({ endpointId: id, limit: 50 });
  return (
    <ClientMessages namespaces={["webhooks"]}>
      <PageHeader title={t("title")} description={<span className="break-all">{endpoint.url}</span>}
        actions={<Link className="btn-secondary" href="/settings">{t("back")}</Link>} />
      {deliveries.length === 0 ? (
        <p className="text-sm text-slate-700">{t("none")}</p>
      ) : (
        <ol className="max-w-3xl space-y-4">
          {deliveries.map((delivery) => (
            <li key={delivery.id} className="card text-sm">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-semibold"><code>{delivery.eventType}</code> · {t("status", { status: delivery.status })}</p>
                  <p className="break-all text-slate-700">{t("webhookId")} <code>{delivery.eventId}</code> · {delivery.resourceType} <code>{delivery.resourceId}</code></p>
                  <p className="text-slate-700">
                    {t("created", { when: when(delivery.createdAt) })}
                    {delivery.status === "PENDING" && delivery.nextAttemptAt ? t("nextAttempt", { when: when(delivery.nextAttemptAt) }) : ""}
                  </p>
                </div>
                <ReplayDeliveryButton deliveryId={delivery.id} />
              </div>
              {delivery.attemptLog.length > 0 && (
                <ol className="mt-2 space-y-1 border-t border-slate-200 pt-2">
                  {delivery.attemptLog.map((attempt) => (
                    <li key={attempt.number} className="break-words">
                      #{attempt.number} {when(attempt.at)} · {attempt.responseStatus ?? t("noResponse")} · {t("duration", { ms: String(attempt.durationMs) })}
                      {attempt.error ? ` · ${attempt.error}` : ""}
                      {attempt.responseBody ? <pre className="mt-1 max-h-32 overflow-auto whitespace-pre-wrap rounded bg-slate-100 p-2 text-xs">{attempt.responseBody}</pre> : null}
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ol>
      )}
    </ClientMessages>
  );
}

// Settings: webhook endpoints (issue 22). Fetches its own data, so the settings page adds one line for it.
import { ClientMessages } from "@/i18n/client-messages";
import { signedInServerApi } from "@/trpc/server";
import { WebhooksManager } from "./webhooks-manager";

export async function WebhooksSection() {
  const api = await signedInServerApi();
  return (
    <ClientMessages namespaces={["webhooks", "validation"]}>
      <WebhooksManager overview={await api.webhooks.overview()} />
    </ClientMessages>
  );
}

// Settings: the organisation's REST API keys. Fetches its own list, so the page adds one line for it.
import { ClientMessages } from "@/i18n/client-messages";
import { signedInServerApi } from "@/trpc/server";
import { ApiKeysManager } from "./api-keys-manager";

export async function ApiKeysSection() {
  const api = await signedInServerApi();
  const keys = await api.apiKeys.list();
  return (
    <ClientMessages namespaces={["apiKeys", "validation"]}>
      <ApiKeysManager keys={keys} />
    </ClientMessages>
  );
}

// Settings: which equal-opportunities categories the organisation asks candidates about, the smallest cell a
// fairness report may show, and whether hiring managers get the report of their vacancies. Fetches its own
// settings, so the page adds one line for it.
import { ClientMessages } from "@/i18n/client-messages";
import { signedInServerApi } from "@/trpc/server";
import { MonitoringSettingsForm } from "./monitoring-settings-form";

export async function MonitoringSettingsSection() {
  const api = await signedInServerApi();
  return (
    <ClientMessages namespaces={["monitoringSettings", "validation"]}>
      <MonitoringSettingsForm initial={await api.monitoring.settings()} />
    </ClientMessages>
  );
}

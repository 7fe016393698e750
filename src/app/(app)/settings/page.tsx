import type { Metadata } from "next";
import { pageAccess } from "@/trpc/server";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { PrivacySettingsForm } from "./privacy-settings-form";
import { TrainingSettingsForm } from "./training-settings-form";
import { CalendarSettingsSection } from "./calendar-settings-section";
import { MonitoringSettingsSection } from "./monitoring-settings-section";
import { ScimSettingsSection } from "./scim-settings-section";
import { ApiKeysSection } from "./api-keys-section";
import { WebhooksSection } from "./webhooks-section";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { api, viewer, allowed } = await pageAccess("org:settings");
  if (!allowed) {
    return (
      <NotForYourRole title="Settings">Only admins of {viewer.organization?.name ?? "the organisation"} change its settings.</NotForYourRole>
    );
  }
  const [settings, training] = await Promise.all([api.privacy.settings(), api.readiness.settings()]);
  return (
    <>
      <PageHeader title={<>Settings of {viewer.organization?.name}</>} />
      <PrivacySettingsForm initial={settings} />
      <TrainingSettingsForm initial={training} />
      <CalendarSettingsSection />
      <MonitoringSettingsSection />
      <ScimSettingsSection />
      <ApiKeysSection />
      <WebhooksSection />
    </>
  );
}

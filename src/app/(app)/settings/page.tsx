import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageAccess } from "@/trpc/server";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/i18n/client-messages";
import { PrivacySettingsForm } from "./privacy-settings-form";
import { TrainingSettingsForm } from "./training-settings-form";
import { CalendarSettingsSection } from "./calendar-settings-section";
import { MonitoringSettingsSection } from "./monitoring-settings-section";
import { ScimSettingsSection } from "./scim-settings-section";
import { ApiKeysSection } from "./api-keys-section";
import { WebhooksSection } from "./webhooks-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  const [{ api, viewer, allowed }, t] = await Promise.all([pageAccess("org:settings"), getTranslations("settings")]);
  if (!allowed) {
    return <NotForYourRole title={t("title")}>{t("notForRole", { org: viewer.organization?.name ?? t("theOrganisation") })}</NotForYourRole>;
  }
  const [settings, training] = await Promise.all([api.privacy.settings(), api.readiness.settings()]);
  return (
    <>
      <PageHeader title={t("heading", { org: viewer.organization?.name ?? "" })} />
      <ClientMessages namespaces={["privacySettings", "validation"]}><PrivacySettingsForm initial={settings} /></ClientMessages>
      <TrainingSettingsForm initial={training} />
      <CalendarSettingsSection />
      <MonitoringSettingsSection />
      <ClientMessages namespaces={["scim"]}><ScimSettingsSection /></ClientMessages>
      <ApiKeysSection />
      <WebhooksSection />
    </>
  );
}

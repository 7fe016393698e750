import type { Metadata } from "next";
import { roleHas } from "@/server/auth/permissions";
import { signedInServerApi } from "@/trpc/server";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { PrivacySettingsForm } from "./privacy-settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const api = await signedInServerApi();
  const viewer = await api.org.viewer();
  const role = viewer.organization?.role;
  if (!role || !roleHas(role, "org:settings")) {
    return (
      <NotForYourRole title="Settings">Only admins of {viewer.organization?.name ?? "the organisation"} change its settings.</NotForYourRole>
    );
  }
  const settings = await api.privacy.settings();
  return (
    <>
      <PageHeader title={<>Settings of {viewer.organization?.name}</>} />
      <PrivacySettingsForm initial={settings} />
    </>
  );
}

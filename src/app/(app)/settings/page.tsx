import type { Metadata } from "next";
import { roleHas } from "@/server/auth/permissions";
import { signedInServerApi } from "@/trpc/server";
import { PrivacySettingsForm } from "./privacy-settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const api = await signedInServerApi();
  const viewer = await api.org.viewer();
  const role = viewer.organization?.role;
  if (!role || !roleHas(role, "org:settings")) {
    return (
      <>
        <h1 className="text-2xl font-semibold">Settings</h1>
        <p className="mt-2 text-slate-700">Only admins of {viewer.organization?.name ?? "the organisation"} change its settings.</p>
      </>
    );
  }
  const settings = await api.privacy.settings();
  return (
    <>
      <h1 className="text-2xl font-semibold">Settings of {viewer.organization?.name}</h1>
      <PrivacySettingsForm initial={settings} />
    </>
  );
}

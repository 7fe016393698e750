import type { ReactNode } from "react";
import { TRPCError } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import { signedInServerApi } from "@/trpc/server";
import { AppShell } from "@/components/app-shell";
import { LayShell } from "@/components/lay-shell";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await loadViewer();
  if (viewer) return <AppShell viewer={viewer}>{children}</AppShell>;
  // A panelist without an account (signed in through their scoring link) gets their interview and nothing else.
  const lay = await (await signedInServerApi()).layPanelists.session();
  if (lay) return <LayShell session={lay}>{children}</LayShell>;
  const t = await getTranslations("shell.noOrganisation");
  return (
    <main id="main" className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("body")}</p>
    </main>
  );
}

/** The viewer, or null when the user belongs to no organisation yet. */
async function loadViewer() {
  const api = await signedInServerApi();
  try {
    return await api.org.viewer();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return null;
    throw error;
  }
}

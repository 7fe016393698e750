import type { ReactNode } from "react";
import { TRPCError } from "@trpc/server";
import { signedInServerApi } from "@/trpc/server";
import { AppShell } from "@/components/app-shell";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await loadViewer();
  if (viewer) return <AppShell viewer={viewer}>{children}</AppShell>;
  return (
    <main id="main" className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">No organisation yet</h1>
      <p className="mt-2 text-slate-700">
        You are signed in, but no organisation has added you. Ask an admin of your organisation to add you.
      </p>
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

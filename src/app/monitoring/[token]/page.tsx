import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { Alert } from "@/components/ui/alert";
import { serverApi } from "@/trpc/server";
import { MONITORING_LINK_REFUSALS } from "@/lib/schemas/monitoring";
import { MonitoringForm } from "./monitoring-form";

export const metadata: Metadata = { title: "Equal-opportunities form", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

/** The candidate has no account: the token in the link is the credential. Nothing about them is shown. */
export default async function MonitoringPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const api = await serverApi();
  const form = await api.monitoring.form({ token }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") return { status: "unknown" as const, orgName: null, categories: [] };
    throw error;
  });

  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-10">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Panelkit</p>
      <h1 className="mt-1 text-3xl font-semibold">Equal-opportunities form</h1>
      {form.status !== "valid" ? (
        <Alert tone={form.status === "used" ? "success" : "error"} className="mt-4">
          {MONITORING_LINK_REFUSALS[form.status]}
        </Alert>
      ) : form.categories.length === 0 ? (
        <Alert tone="info" className="mt-4">{form.orgName} no longer asks these questions. There is nothing to answer.</Alert>
      ) : (
        <MonitoringForm token={token} orgName={form.orgName ?? "The organisation"} categories={form.categories} />
      )}
    </main>
  );
}

import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { signedInServerApi } from "@/trpc/server";
import { ScriptList } from "./script-list";

export const metadata: Metadata = { title: "Interview scripts" };

export default async function ScriptsPage() {
  const api = await signedInServerApi();
  const viewer = await api.org.viewer();
  const role = viewer.organization?.role;
  return (
    <>
      <PageHeader
        title="Interview scripts"
        description="The same questions, timing and rating guide for every candidate of a role. Hiring managers and admins build them; everyone on the team can read and print them."
      />
      <Suspense fallback={<p className="mt-6">Loading scripts…</p>}>
        <ScriptList canCreate={role === "ADMIN" || role === "HIRING_MANAGER"} />
      </Suspense>
    </>
  );
}

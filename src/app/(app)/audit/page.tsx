import type { Metadata } from "next";
import { Suspense } from "react";
import { roleHas } from "@/server/auth/permissions";
import { signedInServerApi } from "@/trpc/server";
import { AuditLog } from "./audit-log";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const api = await signedInServerApi();
  const viewer = await api.org.viewer();
  const role = viewer.organization?.role;
  if (!role || !roleHas(role, "audit:read")) {
    return (
      <>
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="mt-2 text-slate-700">Only admins read the audit log.</p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <p className="mt-1 text-slate-700">
        Every change made in {viewer.organization?.name}, newest first. Entries can&apos;t be changed or removed.
      </p>
      <Suspense>
        <AuditLog />
      </Suspense>
    </>
  );
}

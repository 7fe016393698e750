import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { pageAccess } from "@/trpc/server";
import { CompareView } from "./compare-view";
import { ClientMessages } from "@/i18n/client-messages";

export const metadata: Metadata = { title: "Compare candidates" };

export default async function ComparePage() {
  const { allowed } = await pageAccess("insights:read");
  // Candidates' results are for roles with insights; to anyone else the page does not exist.
  if (!allowed) notFound();
  return (
    <>
      <h1 className="text-2xl font-semibold">Compare candidates</h1>
      <p className="mt-1 text-slate-700 print:hidden">
        Each candidate&apos;s mean rating per competency across their submitted scorecards (1 does not meet to 4 exceeds), the
        weighted score and the panel&apos;s recommendations. Every cell says how many ratings it rests on.
      </p>
      <p className="mt-1 print:hidden">
        <Link href="/insights/compare/organisation" className="text-brand-700 underline">
          Every candidate of the organisation, sorted and paged
        </Link>
      </p>
      <Suspense fallback={<p className="mt-6">Loading the comparison…</p>}>
        <ClientMessages namespaces={["strands"]}>
          <CompareView />
        </ClientMessages>
      </Suspense>
    </>
  );
}

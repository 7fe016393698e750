import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { pageAccess } from "@/trpc/server";
import { TrainingHome } from "./training-home";

export const metadata: Metadata = { title: "Training" };

/** `?competencies=<id>,<id>` (a refresher email's link): the competencies the refresher aims at, at most 20. */
function competencyIdsFrom(value: string | string[] | undefined): string[] {
  const raw = (Array.isArray(value) ? value.join(",") : (value ?? "")).split(",");
  const ids = raw.map((id) => id.trim()).filter((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id));
  return [...new Set(ids)].slice(0, 20);
}

export default async function TrainingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ can }, query] = await Promise.all([pageAccess("org:read"), searchParams]);
  const competencyIds = competencyIdsFrom(query.competencies);
  const manages = can("training:manage");
  return (
    <>
      <PageHeader
        title="Training"
        description="Practise rating on sample answers to a script's questions, then compare each rating with the reference rating agreed for it and the reason, on the same anchors as a live interview."
        actions={
          manages ? (
            <>
              <Link href="/training/answers" className="btn-secondary">
                Practice answers
              </Link>
              <Link href="/training/results" className="btn-secondary">
                Results
              </Link>
            </>
          ) : undefined
        }
      />
      <Suspense fallback={<p className="mt-6">Loading training…</p>}>
        <TrainingHome competencyIds={competencyIds} />
      </Suspense>
    </>
  );
}

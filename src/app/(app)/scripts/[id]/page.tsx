import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { ClientMessages } from "@/i18n/client-messages";
import { shownText } from "@/lib/builtin-translation";
import { signedInServerApi } from "@/trpc/server";
import { ScriptBuilder } from "./script-builder";
import { PracticeRequirement } from "./practice-requirement";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scripts");
  return { title: t("builder.title") };
}

export default async function ScriptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await signedInServerApi();
  const [script, competencies, banks, requirement, locale] = await Promise.all([
    api.scripts.get({ id }).catch((error: unknown) => {
      if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
      throw error;
    }),
    api.banks.competencies(),
    api.banks.list(),
    // Whether panelists must practise first; a script that is not found is answered by the call above.
    api.readiness.scriptRequirement({ scriptId: id }).catch(() => null),
    getLocale(),
  ]);
  return (
    <ClientMessages namespaces={["scripts", "scriptBuilder", "builtinContent"]}>
      <ScriptBuilder
        // A new server state (after publishing, archiving, restoring) starts the builder afresh.
        key={`${script.version.id}-${script.status}-${script.version.publishedAt?.toISOString() ?? "draft"}`}
        script={script}
        competencies={competencies.map((c) => ({ id: c.id, slug: c.slug, name: c.name, definition: c.definition, anchors: c.anchors }))}
        banks={banks.map((b) => ({ id: b.id, name: shownText(b, "name", locale).text, questionCount: b.questionCount }))}
      />
      {requirement && <PracticeRequirement key={script.status} initial={requirement} />}
    </ClientMessages>
  );
}

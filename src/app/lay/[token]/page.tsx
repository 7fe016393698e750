import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { serverApi } from "@/trpc/server";
import { OpenLinkForm } from "./open-link-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("layPanelist.open"))("title") };
}
export const dynamic = "force-dynamic";

/**
 * A lay panelist's personal scoring link. Nothing changes by loading it (a link checker or preview fetching
 * the URL binds nothing): the device is bound and the person signed in when they press Start.
 */
export default async function LayLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("layPanelist.open");
  const preview = await (await serverApi()).layPanelists.preview({ token: token.slice(0, 200) });
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-10 text-lg">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Panelkit</p>
      <h1 className="mt-1 text-3xl font-semibold">{t("title")}</h1>
      {preview.refusal ? (
        <Alert className="mt-4">{t(`refused.${preview.refusal}`)}</Alert>
      ) : (
        <div className="card mt-4 space-y-3">
          <p>{t("greeting", { name: preview.name ?? "" })}</p>
          <p>{t("intro", { org: preview.orgName ?? "" })}</p>
          <ClientMessages namespaces={["layPanelist"]}>
            <OpenLinkForm token={token} />
          </ClientMessages>
        </div>
      )}
    </main>
  );
}

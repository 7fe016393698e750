import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { TRPCError } from "@trpc/server";
import { serverApi } from "@/trpc/server";
import { When } from "@/app/(app)/interviews/_components/when";
import { Alert } from "@/components/ui/alert";
import { AcceptInvitation } from "./accept-invitation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.invite"))("metaTitle") };
}
export const dynamic = "force-dynamic";

/** The invitee may be signed out: the token in the link is what lets them in. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const api = await serverApi();
  const [t, common] = await Promise.all([getTranslations("auth.invite"), getTranslations("common")]);
  const preview = await api.invitations.preview({ token }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") return { status: "unknown" as const, signedInEmail: null };
    throw error;
  });

  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-10">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Panelkit</p>
      {preview.status !== "valid" || !("email" in preview) || !preview.email ? (
        <>
          <h1 className="mt-1 text-3xl font-semibold">{t("title")}</h1>
          <Alert className="mt-4">{t(`problems.${preview.status === "valid" ? "unknown" : preview.status}`)}</Alert>
          <p className="mt-4">
            <Link href="/signin" className="font-semibold text-brand-700 underline">{t("goToSignIn")}</Link>
          </p>
        </>
      ) : (
        <>
          <h1 className="mt-1 text-3xl font-semibold">{t("join", { org: preview.orgName ?? "" })}</h1>
          <div className="card mt-4 space-y-2">
            <p>
              {preview.role
                ? t.rich("invitedAsRole", { email: preview.email, role: common(`roles.${preview.role}`), strong: (chunks) => <strong>{chunks}</strong> })
                : t.rich("invitedAs", { email: preview.email, strong: (chunks) => <strong>{chunks}</strong> })}
            </p>
            {preview.interview && (
              <p>{t.rich("alsoPanel", { when: () => preview.interview && <When date={preview.interview.scheduledAt} /> })}</p>
            )}
            <p className="text-sm text-slate-700">{t("panelistsDo")}</p>
          </div>
          <ClientMessages namespaces={["auth", "validation"]}>
            <AcceptInvitation token={token} email={preview.email} signedInEmail={preview.signedInEmail} />
          </ClientMessages>
        </>
      )}
    </main>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { ROLE_LABELS } from "@/server/auth/permissions";
import { serverApi } from "@/trpc/server";
import { When } from "@/app/(app)/interviews/_components/when";
import { Alert } from "@/components/ui/alert";
import { AcceptInvitation } from "./accept-invitation";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

const PROBLEMS = {
  expired: "This invitation has expired. Ask the person who invited you for a new one.",
  used: "This invitation has already been used. If it was you, sign in.",
  revoked: "This invitation was withdrawn. Ask the person who invited you for a new one.",
  unknown: "This invitation link is not valid. Check that you copied all of it.",
} as const;

/** The invitee may be signed out: the token in the link is what lets them in. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const api = await serverApi();
  const preview = await api.invitations.preview({ token }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") return { status: "unknown" as const, signedInEmail: null };
    throw error;
  });

  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-10">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Panelkit</p>
      {preview.status !== "valid" || !("email" in preview) || !preview.email ? (
        <>
          <h1 className="mt-1 text-3xl font-semibold">Invitation</h1>
          <Alert className="mt-4">{PROBLEMS[preview.status === "valid" ? "unknown" : preview.status]}</Alert>
          <p className="mt-4">
            <Link href="/signin" className="font-semibold text-brand-700 underline">Go to sign in</Link>
          </p>
        </>
      ) : (
        <>
          <h1 className="mt-1 text-3xl font-semibold">Join {preview.orgName}</h1>
          <div className="card mt-4 space-y-2">
            <p>
              You were invited as <strong>{preview.email}</strong>
              {preview.role ? ` to join as ${ROLE_LABELS[preview.role]}` : ""}.
            </p>
            {preview.interview && (
              <p>
                Accepting also puts you on an interview panel on <When date={preview.interview.scheduledAt} />.
              </p>
            )}
            <p className="text-sm text-slate-700">
              Panelists read the interview script, rate each answer on their own against the rating guide and submit a scorecard.
            </p>
          </div>
          <AcceptInvitation
            token={token}
            email={preview.email}
            signedInEmail={preview.signedInEmail}
          />
        </>
      )}
    </main>
  );
}

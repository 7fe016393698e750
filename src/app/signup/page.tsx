import type { Metadata } from "next";
import Link from "next/link";
import { INVITED_ONLY, publicSignUpOpen } from "@/server/services/orgs/_shared/public-sign-up";
import { Alert } from "@/components/ui/alert";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an organisation" };
// PUBLIC_SIGNUP is read when the page is served, not when it is built.
export const dynamic = "force-dynamic";

export default function SignUpPage() {
  const open = publicSignUpOpen();
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-10">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Panelkit</p>
      <h1 className="mt-1 text-3xl font-semibold">Create an organisation</h1>
      {open ? (
        <>
          <p className="mt-2 text-slate-700">You become its admin and can add your hiring team afterwards.</p>
          <SignUpForm />
        </>
      ) : (
        <>
          <Alert tone="info" className="mt-4">{INVITED_ONLY}</Alert>
          <p className="mt-4 text-sm text-slate-700">
            Already have an account? <Link href="/signin" className="font-semibold text-brand-700 underline">Sign in</Link>
          </p>
        </>
      )}
    </main>
  );
}

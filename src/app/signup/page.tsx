import type { Metadata } from "next";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an organisation" };

export default function SignUpPage() {
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-10">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Panelkit</p>
      <h1 className="mt-1 text-3xl font-semibold">Create an organisation</h1>
      <p className="mt-2 text-slate-700">You become its admin and can add your hiring team afterwards.</p>
      <SignUpForm />
    </main>
  );
}

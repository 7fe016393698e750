"use client";
// The one-time link to hand over when email is off (or as well as the email). Only a hash of the token is
// stored, so this is the only time it can be shown.
import { useState } from "react";

export function InvitationLinkBox({ id, email, link, emailed }: { id: string; email: string; link: string; emailed: boolean }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div role="status" className="rounded-md border border-brand-100 bg-brand-50 p-3 text-sm">
      <p>
        {emailed
          ? `Invitation emailed to ${email}. You can also share this link; it works once and expires in 7 days:`
          : `Email is not set up here: share this link with ${email} yourself. It works once and expires in 7 days:`}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="sr-only">Invitation link for {email}</label>
        <input id={id} readOnly value={link} className="field-input min-w-0 flex-1 font-mono text-sm" onFocus={(e) => e.target.select()} />
        <button type="button" className="btn-secondary" onClick={() => void copy()}>
          {copied ? "Copied" : "Copy link"}
        </button>
      </div>
    </div>
  );
}

"use client";
// The one-time link to hand over when email is off (or as well as the email). Only a hash of the token is
// stored, so this is the only time it can be shown.
import { CopyLinkField } from "@/components/ui/copy-link-field";

export function InvitationLinkBox({ id, email, link, emailed }: { id: string; email: string; link: string; emailed: boolean }) {
  return (
    <div role="status" className="rounded-md border border-brand-100 bg-brand-50 p-3 text-sm">
      <p>
        {emailed
          ? `Invitation emailed to ${email}. You can also share this link; it works once and expires in 7 days:`
          : `Email is not set up here: share this link with ${email} yourself. It works once and expires in 7 days:`}
      </p>
      <CopyLinkField key={link} id={id} label={`Invitation link for ${email}`} link={link} />
    </div>
  );
}

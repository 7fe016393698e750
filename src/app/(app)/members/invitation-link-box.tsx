"use client";
// The one-time link to hand over when email is off (or as well as the email). Only a hash of the token is
// stored, so this is the only time it can be shown.
import { useTranslations } from "next-intl";
import { CopyLinkField } from "@/components/ui/copy-link-field";

export function InvitationLinkBox({ id, email, link, emailed }: { id: string; email: string; link: string; emailed: boolean }) {
  const t = useTranslations("members.link");
  return (
    <div role="status" className="rounded-md border border-brand-100 bg-brand-50 p-3 text-sm">
      <p>
        {emailed ? t("emailed", { email }) : t("notEmailed", { email })}
      </p>
      <CopyLinkField key={link} id={id} label={t("label", { email })} link={link} />
    </div>
  );
}

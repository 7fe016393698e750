// A person's contact details as a definition list; "—" where a detail is missing.
import { useTranslations } from "next-intl";

export function ContactDetails({ email, phone, className = "" }: { email: string | null | undefined; phone: string | null | undefined; className?: string }) {
  const t = useTranslations("common.ui");
  return (
    <dl className={`grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm ${className}`.trim()}>
      <dt className="font-medium">{t("email")}</dt>
      <dd className="wrap-anywhere">{email || "—"}</dd>
      <dt className="font-medium">{t("phone")}</dt>
      <dd className="wrap-anywhere">{phone || "—"}</dd>
    </dl>
  );
}

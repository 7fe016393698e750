// The trail back from a bank page: the question banks, and the bank when the page is inside one.
import Link from "next/link";
import { useTranslations } from "next-intl";

export function BanksBreadcrumb({ bank }: { bank?: { name: string; href: string } }) {
  const t = useTranslations("banks");
  return (
    <nav aria-label={t("breadcrumb")} className="text-sm">
      <Link href="/banks" className="text-brand-700 underline">
        {t("title")}
      </Link>
      {bank && (
        <>
          <span aria-hidden="true"> / </span>
          <Link href={bank.href} className="text-brand-700 underline">
            {bank.name}
          </Link>
        </>
      )}
    </nav>
  );
}

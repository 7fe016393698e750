// The trail back from a bank page: the question banks, and the bank when the page is inside one.
import Link from "next/link";

export function BanksBreadcrumb({ bank }: { bank?: { name: string; href: string } }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <Link href="/banks" className="text-brand-700 underline">
        Question banks
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

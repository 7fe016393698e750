import Link from "next/link";
import { useTranslations } from "next-intl";

/** What a reader sees on a page for changing banks: why there is nothing to do here, and where to go. */
export function WritersOnly({ title }: { title: string }) {
  const t = useTranslations("banks");
  return (
    <>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-2 max-w-2xl text-slate-700">
        {t("writersOnly.body")}
      </p>
      <Link href="/banks" className="mt-4 inline-block text-brand-700 underline">
        {t("writersOnly.back")}
      </Link>
    </>
  );
}

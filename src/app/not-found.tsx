import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <main id="main" className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("body")}</p>
      {/* A plain link: this page's tree travels with every page's first load (as the not-found boundary), and
          a next/link here made pages that no longer use it fetch it after hydration (~3.2 KB gzip). */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- on purpose, see above; "/" redirects per request */}
      <a href="/" className="mt-4 inline-block text-brand-700 underline">
        {t("home")}
      </a>
    </main>
  );
}

import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { Providers } from "@/components/providers";
import { EARLY_EDITS_SCRIPT } from "@/components/ui/early-edits";
import { ClientMessages } from "@/i18n/client-messages";
import { NONCE_HEADER } from "@/lib/security/content-security-policy";
import { UNREACHABLE_META } from "@/trpc/unreachable";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: "Panelkit", template: "%s · Panelkit" },
    description: t("appDescription"),
    // Read by the browser's tRPC client when a call gets no answer (src/trpc/unreachable.ts).
    other: { [UNREACHABLE_META]: t("unreachable") },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page is rendered per request, so Next.js can put that request's CSP nonce (src/proxy.ts) on its
// scripts. A page prerendered at build time would carry no nonce and its scripts would be blocked.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, requestHeaders] = await Promise.all([getLocale(), getTranslations("common"), headers()]);
  return (
    <html lang={locale}>
      <body className="min-h-screen antialiased">
        {/* Keeps what is chosen or typed before the page's code has run (src/components/ui/early-edits.ts). */}
        <script nonce={requestHeaders.get(NONCE_HEADER) ?? undefined} dangerouslySetInnerHTML={{ __html: EARLY_EDITS_SCRIPT }} />
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
          {t("skipToContent")}
        </a>
        {/* Client components get the shared namespaces; a page adds its own with <ClientMessages namespaces>. */}
        <ClientMessages>
          <Providers>{children}</Providers>
        </ClientMessages>
      </body>
    </html>
  );
}

import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Panelkit", template: "%s · Panelkit" },
  description: "Structured, fair interview panels for health and social services hiring.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page is rendered per request, so Next.js can put that request's CSP nonce (src/proxy.ts) on its
// scripts. A page prerendered at build time would carry no nonce and its scripts would be blocked.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
          Skip to content
        </a>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}

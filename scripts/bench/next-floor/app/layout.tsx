import type { Metadata } from "next";
import type { ReactNode } from "react";

// A title, as every page of the app has (Lighthouse's accessibility audit asks for one); nothing for the browser to run.
export const metadata: Metadata = { title: "Panelkit floor" };

// The least a Next.js App Router page can be: a root layout and nothing else around the page.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}

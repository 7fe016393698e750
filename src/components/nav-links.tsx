"use client";
// Plain links, not next/link: every page is rendered per request and prefetch is off, so client-side
// navigation saved nothing, and next/link was ~3 KB of first-load JavaScript on every signed-in page
// (the scoring page's budget, issue 23). use-hold-navigation still holds these clicks while a change saves.
import { usePathname } from "next/navigation";

export function NavLinks({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-1">
      {links.map((link) => {
        const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <li key={link.href}>
            <a
              href={link.href}
              aria-current={current ? "page" : undefined}
              className={`inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium ${
                current ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"
              }`}
            >
              {link.label}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

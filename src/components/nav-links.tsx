"use client";
// Plain links, not next/link: every page is rendered per request and prefetch is off, so client-side
// navigation saved nothing, and next/link was ~3 KB of first-load JavaScript on every signed-in page
// (the scoring page's budget, issue 23). use-hold-navigation still holds these clicks while a change saves.
// The menu also brings the signed-in app's guard against leaving unsent typing (unsaved-changes-guard.tsx), in
// a chunk of its own and not on the scoring screen: every byte there counts against that page's first-load
// budget, and its ratings, notes and summary are saved or kept as they are typed.
import { usePathname } from "next/navigation";
import { lazyPart } from "./lazy-part";
import { isScoringPath } from "./page-kinds";

// Offline before its chunk was ever fetched, a page goes without the question rather than failing.
const UnsavedChangesGuard = lazyPart(() => import("./unsaved-changes-guard").then((m) => m.UnsavedChangesGuard), { fallback: () => null });

export function NavLinks({ links, leaveQuestion }: { links: { href: string; label: string }[]; leaveQuestion?: string }) {
  const pathname = usePathname();
  return (
    <>
      {leaveQuestion && !isScoringPath(pathname) && <UnsavedChangesGuard question={leaveQuestion} />}
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
    </>
  );
}

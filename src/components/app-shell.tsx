import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { Role } from "@/generated/prisma/enums";
import { roleHas } from "@/server/auth/permissions";
import { LanguagePicker } from "./language-picker";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

type Viewer = {
  user: { name: string; email: string };
  organization: { name: string; role: Role } | null;
};

export async function AppShell({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  const [t, common] = await Promise.all([getTranslations("shell"), getTranslations("common")]);
  const role = viewer.organization?.role;
  // Interviews and candidates are for roles that read candidates; everyone has their own panel seats.
  const readsCandidates = role ? roleHas(role, "candidates:read") : false;
  // Comparing candidates needs insights; calibration shows everyone at least their own rating habits.
  const readsInsights = role ? roleHas(role, "insights:read") : false;
  const readsAudit = role ? roleHas(role, "audit:read") : false;
  const changesSettings = role ? roleHas(role, "org:settings") : false;
  const links = [
    { href: "/my-interviews", label: t("nav.myInterviews") },
    ...(readsCandidates
      ? [
          { href: "/vacancies", label: t("nav.vacancies") },
          { href: "/interviews", label: t("nav.interviews") },
          { href: "/candidates", label: t("nav.candidates") },
        ]
      : []),
    ...(readsInsights
      ? [
          { href: "/insights/compare", label: t("nav.compare") },
          { href: "/insights/decisions", label: t("nav.decisions") },
        ]
      : []),
    // The fairness report: HR and admins (a hiring manager the organisation grants it opens /insights/fairness).
    ...(role === "HR" || role === "ADMIN" ? [{ href: "/insights/fairness", label: t("nav.fairness") }] : []),
    { href: "/insights/calibration", label: t("nav.calibration") },
    { href: "/training", label: t("nav.training") },
    { href: "/scripts", label: t("nav.scripts") },
    { href: "/banks", label: t("nav.banks") },
    { href: "/members", label: t("nav.members") },
    ...(readsAudit
      ? [
          { href: "/audit", label: t("nav.audit") },
          { href: "/jobs", label: t("nav.jobs") },
        ]
      : []),
    ...(changesSettings ? [{ href: "/settings", label: t("nav.settings") }] : []),
  ];
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          {/* A plain link, like the menu's (nav-links.tsx says why). */}
          <a href="/banks" className="text-lg font-bold text-brand-800">
            Panelkit
          </a>
          <nav aria-label={t("mainNav")} className="order-last basis-full lg:order-none lg:basis-auto lg:flex-1">
            <NavLinks links={links} leaveQuestion={common("unsavedChanges")} />
          </nav>
          <div className="ml-auto flex flex-wrap items-center justify-end gap-3 text-sm">
            <div className="text-right leading-tight" data-testid="whoami">
              <p className="font-semibold">{viewer.user.name}</p>
              <p className="text-slate-600">
                {viewer.organization?.name}
                {role ? ` · ${common(`roles.${role}`)}` : ""}
              </p>
            </div>
            <LanguagePicker signedIn />
            <SignOutButton label={common("signOut")} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 print:max-w-none print:p-0">
        {children}
      </main>
    </div>
  );
}

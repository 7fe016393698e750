import Link from "next/link";
import type { ReactNode } from "react";
import type { Role } from "@/generated/prisma/enums";
import { ROLE_LABELS, roleHas } from "@/server/auth/permissions";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

type Viewer = {
  user: { name: string; email: string };
  organization: { name: string; role: Role } | null;
};

export function AppShell({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  const role = viewer.organization?.role;
  // Interviews and candidates are for roles that read candidates; everyone has their own panel seats.
  const readsCandidates = role ? roleHas(role, "candidates:read") : false;
  // Comparing candidates needs insights; calibration shows everyone at least their own rating habits.
  const readsInsights = role ? roleHas(role, "insights:read") : false;
  const readsAudit = role ? roleHas(role, "audit:read") : false;
  const changesSettings = role ? roleHas(role, "org:settings") : false;
  const links = [
    { href: "/my-interviews", label: "My interviews" },
    ...(readsCandidates
      ? [
          { href: "/vacancies", label: "Vacancies" },
          { href: "/interviews", label: "Interviews" },
          { href: "/candidates", label: "Candidates" },
        ]
      : []),
    ...(readsInsights
      ? [
          { href: "/insights/compare", label: "Compare" },
          { href: "/insights/decisions", label: "Decisions" },
        ]
      : []),
    // The fairness report: HR and admins (a hiring manager the organisation grants it opens /insights/fairness).
    ...(role === "HR" || role === "ADMIN" ? [{ href: "/insights/fairness", label: "Fairness" }] : []),
    { href: "/insights/calibration", label: "Calibration" },
    { href: "/training", label: "Training" },
    { href: "/scripts", label: "Interview scripts" },
    { href: "/banks", label: "Question banks" },
    { href: "/members", label: "Members" },
    ...(readsAudit
      ? [
          { href: "/audit", label: "Audit log" },
          { href: "/jobs", label: "Jobs" },
        ]
      : []),
    ...(changesSettings ? [{ href: "/settings", label: "Settings" }] : []),
  ];
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/banks" prefetch={false} className="text-lg font-bold text-brand-800">
            Panelkit
          </Link>
          <nav aria-label="Main" className="order-last basis-full lg:order-none lg:basis-auto lg:flex-1">
            <NavLinks links={links} />
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <div className="text-right leading-tight" data-testid="whoami">
              <p className="font-semibold">{viewer.user.name}</p>
              <p className="text-slate-600">
                {viewer.organization?.name}
                {role ? ` · ${ROLE_LABELS[role]}` : ""}
              </p>
            </div>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 print:max-w-none print:p-0">
        {children}
      </main>
    </div>
  );
}

// Where each role starts after signing in: the page that holds its work, not the same page for everyone.
import type { Role } from "@/generated/prisma/enums";

const LANDING_BY_ROLE: Record<Role, string> = {
  // Panelists score: their upcoming interviews and the scorecards they still owe.
  INTERVIEWER: "/my-interviews",
  // HR weighs candidates against each other.
  HR: "/insights/compare",
  // Hiring managers build the scripts their panels run.
  HIRING_MANAGER: "/scripts",
  // Admins run the hiring as a whole: every interview, from which people, scripts and settings are a click away.
  ADMIN: "/interviews",
};

/** The start page for a role; people with no organisation (or an unknown role) get the question banks, readable by all. */
export function landingPath(role: string | null | undefined): string {
  return (role && LANDING_BY_ROLE[role as Role]) || "/banks";
}

// What each organisation role may do. A role missing from this map (say, one added to the database
// enum before the code knows it) gets no permissions at all: unknown roles fail closed.
import type { Role } from "@/generated/prisma/enums";

export const PERMISSIONS = [
  "org:read",
  "members:read",
  "members:manage",
  "banks:read",
  "banks:write",
  "scripts:read",
  "scripts:write",
  "candidates:read",
  "candidates:contact",
  "candidates:write",
  "interviews:write",
  "insights:read",
  "candidates:privacy",
  "org:settings",
  "audit:read",
  // Create vacancies and edit the interview plans of the vacancies one manages (admins: every vacancy).
  "vacancies:write",
  // Chair debriefs and record decisions for the vacancies one manages (admins: every vacancy).
  "debriefs:chair",
  // Manage the organisation's practice answers (write, promote notes, choose reference raters, resolve and
  // activate) and read every member's practice results.
  "training:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everyone: Permission[] = ["org:read", "members:read", "banks:read", "scripts:read"];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: PERMISSIONS,
  HIRING_MANAGER: [
    ...everyone,
    "banks:write",
    "scripts:write",
    "candidates:read",
    "candidates:contact",
    "candidates:write",
    "interviews:write",
    "insights:read",
    "vacancies:write",
    "debriefs:chair",
  ],
  // HR answers candidates' access and erasure requests. The audit log stays with admins: it records every
  // member's actions (itself staff personal data), and HR sees a candidate's own trail in their export.
  HR: [...everyone, "candidates:read", "candidates:contact", "candidates:write", "insights:read", "candidates:privacy", "training:manage"],
  INTERVIEWER: [...everyone],
};

/** Every role holding `permission` (for SQL that checks a membership's role itself). */
export function rolesWith(permission: Permission): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) => ROLE_PERMISSIONS[role].includes(permission));
}

export function roleHas(role: string, permission: Permission): boolean {
  const granted = (ROLE_PERMISSIONS as Record<string, readonly Permission[] | undefined>)[role];
  return granted?.includes(permission) ?? false;
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  HIRING_MANAGER: "Hiring manager",
  INTERVIEWER: "Interviewer",
  HR: "HR",
};

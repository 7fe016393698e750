// The roles an admin can give, in the order the pickers show them.
export const ROLES = [
  { value: "ADMIN", label: "Admin" },
  { value: "HIRING_MANAGER", label: "Hiring manager" },
  { value: "INTERVIEWER", label: "Interviewer" },
  { value: "HR", label: "HR" },
] as const;
export type RoleValue = (typeof ROLES)[number]["value"];
export const roleLabel = (role: string) => ROLES.find((r) => r.value === role)?.label ?? role;

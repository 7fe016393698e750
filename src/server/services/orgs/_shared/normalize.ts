/** Emails are compared case-insensitively; store them one way. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** A URL-safe organisation slug from its name, with a short random suffix so names may repeat. */
export function slugForOrganization(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  const suffix = Math.random().toString(36).slice(2, 8);
  return `${base || "org"}-${suffix}`;
}

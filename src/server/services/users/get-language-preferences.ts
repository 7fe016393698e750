import type { Db } from "@/server/db";
import { chooseMembership } from "@/server/services/orgs/resolve-actor";

/**
 * What a signed-in user's pages are written in: their saved language (null follows the browser) and the time
 * zone of the organisation they act in (chosen as resolveActor chooses it; a lay panelist's own organisation),
 * UTC when they belong to none. One query, made once per page.
 */
export async function getLanguagePreferences(db: Db, userId: string, preferredOrgId: string | null) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      locale: true,
      layOrg: { select: { timeZone: true } },
      memberships: { select: { orgId: true, org: { select: { timeZone: true } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!user) return { locale: null, timeZone: "UTC" };
  const membership = chooseMembership(user.memberships, preferredOrgId);
  return { locale: user.locale, timeZone: membership?.org.timeZone ?? user.layOrg?.timeZone ?? "UTC" };
}

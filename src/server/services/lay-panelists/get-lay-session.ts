// What a signed-in lay panelist's app shell shows: their name, organisation and the interview their live
// link is for. Null for everyone else (members never see it).
import type { Db } from "@/server/db";

export async function getLaySession(db: Db, userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      name: true,
      layOrg: { select: { name: true } },
      layLinks: { where: { revokedAt: null, expiresAt: { gt: new Date() } }, orderBy: { createdAt: "desc" }, take: 1, select: { interviewId: true } },
    },
  });
  if (!user?.layOrg) return null;
  return { name: user.name, orgName: user.layOrg.name, interviewId: user.layLinks[0]?.interviewId ?? null };
}

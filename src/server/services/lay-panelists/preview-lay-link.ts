// What the link page says before anything happens: whose link it is and for which organisation, or why it
// can't be used. Changes nothing (opening binds a device only when the person presses Start).
import type { Db } from "@/server/db";
import { findLinkByToken } from "./_shared/find-link-by-token";

export async function previewLayLink(db: Db, input: { token: string }) {
  const { link, refusal } = await findLinkByToken(db, input.token);
  if (refusal || !link) return { refusal: refusal ?? "UNKNOWN", name: null, orgName: null };
  const org = await db.organization.findUnique({ where: { id: link.orgId }, select: { name: true } });
  return { refusal: null, name: link.user.name, orgName: org?.name ?? null };
}

// The organisation's privacy settings: how long candidates' data is kept after a decision, and whether
// erasure keeps numeric ratings as anonymous data. Admins only.
import type { PrivacySettings } from "@/lib/schemas/privacy";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { privacySettingsSelect } from "./_shared/privacy-settings-select";

export async function getPrivacySettings(db: Db, actor: Actor): Promise<PrivacySettings & { dueNow: number }> {
  requirePermission(actor, "org:settings");
  const org = await db.organization.findUnique({ where: { id: actor.orgId }, select: privacySettingsSelect });
  if (!org) throw notFound("Organisation");
  return { ...org, dueNow: await countDue(db, actor.orgId, org.retentionDays) };
}

/** How many candidates a retention period would anonymise at the next run: shown before saving a shorter one. */
async function countDue(db: Db, orgId: string, retentionDays: number | null): Promise<number> {
  if (retentionDays === null) return 0;
  const cutoff = new Date(Date.now() - retentionDays * 86_400_000);
  return db.candidate.count({ where: { orgId, anonymizedAt: null, decidedAt: { lt: cutoff } } });
}

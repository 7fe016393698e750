// The organisation's privacy settings: how long candidates' data is kept after a decision, and whether
// erasure keeps numeric ratings as anonymous data. Admins only.
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";

export const RETENTION_DAYS_MIN = 1;
export const RETENTION_DAYS_MAX = 3650;

export type PrivacySettings = { retentionDays: number | null; keepAnonymousRatings: boolean };

export async function getPrivacySettings(db: Db, actor: Actor): Promise<PrivacySettings & { dueNow: number }> {
  requirePermission(actor, "org:settings");
  const org = await db.organization.findUnique({
    where: { id: actor.orgId },
    select: { retentionDays: true, keepAnonymousRatings: true },
  });
  if (!org) throw notFound("Organisation");
  return { ...org, dueNow: await countDue(db, actor.orgId, org.retentionDays) };
}

/** How many candidates a retention period would anonymise at the next run: shown before saving a shorter one. */
async function countDue(db: Db, orgId: string, retentionDays: number | null): Promise<number> {
  if (retentionDays === null) return 0;
  const cutoff = new Date(Date.now() - retentionDays * 86_400_000);
  return db.candidate.count({ where: { orgId, anonymizedAt: null, decidedAt: { lt: cutoff } } });
}

export async function updatePrivacySettings(db: Db, actor: Actor, input: PrivacySettings) {
  requirePermission(actor, "org:settings");
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUnique({
      where: { id: actor.orgId },
      select: { retentionDays: true, keepAnonymousRatings: true },
    });
    if (!before) throw notFound("Organisation");
    const after = await tx.organization.update({
      where: { id: actor.orgId },
      data: { retentionDays: input.retentionDays, keepAnonymousRatings: input.keepAnonymousRatings },
      select: { retentionDays: true, keepAnonymousRatings: true },
    });
    if (before.retentionDays !== after.retentionDays || before.keepAnonymousRatings !== after.keepAnonymousRatings) {
      await recordAuditEvent(tx, {
        orgId: actor.orgId,
        actorId: actor.userId,
        action: "org.privacy_settings_changed",
        entityType: "Organization",
        entityId: actor.orgId,
        data: { from: before, to: after },
      });
    }
    return after;
  });
}

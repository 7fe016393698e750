// Changes the organisation's privacy settings (admins only); a change is audited with both values.
import type { UpdatePrivacySettingsInput } from "@/lib/schemas/privacy";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { lockOrganization, refuseIfShownChanged } from "@/server/services/_shared/lock-for-update";
import { SETTINGS_CHANGED } from "@/server/services/orgs/_shared/settings-changed";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { privacySettingsSelect } from "./_shared/privacy-settings-select";

export async function updatePrivacySettings(db: Db, actor: Actor, { shown, ...input }: UpdatePrivacySettingsInput) {
  requirePermission(actor, "org:settings");
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, actor.orgId);
    const before = await tx.organization.findUnique({ where: { id: actor.orgId }, select: privacySettingsSelect });
    if (!before) throw notFound("Organisation");
    refuseIfShownChanged(shown, before, SETTINGS_CHANGED);
    const after = await tx.organization.update({
      where: { id: actor.orgId },
      data: { retentionDays: input.retentionDays, keepAnonymousRatings: input.keepAnonymousRatings },
      select: privacySettingsSelect,
    });
    if (before.retentionDays !== after.retentionDays || before.keepAnonymousRatings !== after.keepAnonymousRatings) {
      await recordActorEvent(tx, actor, "org.privacy_settings_changed", ["Organization", actor.orgId], { from: before, to: after });
    }
    return after;
  });
}

// The organisation's training thresholds (admins): how accurate a practice session must be for readiness, what
// happens when an unready panelist is added to a script that requires practice, and when live ratings have
// drifted enough to suggest a refresher.
import type { TrainingSettings } from "@/lib/schemas/readiness";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { trainingSettingsSelect } from "./_shared/training-settings-select";

export async function getTrainingSettings(db: Db, actor: Actor): Promise<TrainingSettings> {
  requirePermission(actor, "org:settings");
  const org = await db.organization.findUnique({ where: { id: actor.orgId }, select: trainingSettingsSelect });
  if (!org) throw notFound("Organisation");
  return org;
}

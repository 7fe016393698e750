import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { claimScript, findWorkingVersion } from "./claim-script";
import { countItems, readVersionContent, type ScriptContent } from "./script-content";

/** Why a draft cannot be used in interviews yet; drafts may be incomplete, published versions may not. */
export function assertPublishable(content: ScriptContent): void {
  if (countItems(content) === 0) {
    throw new AppError("BAD_REQUEST", "Add at least one question before publishing.", "sections");
  }
  content.sections.forEach((section, s) =>
    section.items.forEach((item, i) => {
      if (item.competencyIds.length < 1 || item.competencyIds.length > 3) {
        throw new AppError(
          "BAD_REQUEST",
          `Question ${i + 1} in "${section.title}" needs one to three competencies.`,
          `sections.${s}.items.${i}.competencyIds`,
        );
      }
    }),
  );
  if (content.targets.length === 0) {
    throw new AppError("BAD_REQUEST", "Choose at least one target competency and its weight before publishing.", "targets");
  }
  const total = content.targets.reduce((sum, t) => sum + t.weight, 0);
  if (total !== 100) {
    throw new AppError("BAD_REQUEST", `Competency weights must add up to 100% (now ${total}%).`, "targets");
  }
}

/** Publishes the working draft: it becomes immutable and available for interviews. */
export async function publishScript(db: Db, actor: Actor, input: { id: string; baseUpdatedAt: Date }) {
  requirePermission(actor, "scripts:write");
  return db.$transaction(async (tx) => {
    const { after: script } = await claimScript(tx, actor, input.id, {
      baseUpdatedAt: input.baseUpdatedAt,
      refuseArchived: "This script is archived. Restore it before publishing.",
      data: { status: "PUBLISHED" },
    });
    const working = await findWorkingVersion(tx, script.id);
    if (working.publishedAt !== null) {
      throw new AppError("CONFLICT", "Nothing to publish: the latest version is already published.");
    }
    const content = await readVersionContent(tx, working.id);
    assertPublishable(content);
    const publishedAt = new Date();
    await tx.scriptVersion.update({ where: { id: working.id }, data: { publishedAt } });
    await recordAuditEvent(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: "script.published",
      entityType: "InterviewScript",
      entityId: script.id,
      data: {
        version: working.version,
        versionId: working.id,
        sections: content.sections.length,
        items: countItems(content),
        weights: content.targets,
      },
    });
    return { versionId: working.id, version: working.version, updatedAt: script.updatedAt };
  });
}

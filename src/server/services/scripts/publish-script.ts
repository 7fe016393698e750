import type { PublishScriptInput } from "@/lib/schemas/scripts";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { assertPublishable } from "./_shared/assert-publishable";
import { claimScript, findWorkingVersion } from "./_shared/claim-script";
import { countItems, readVersionContent } from "./_shared/script-content";

/** Publishes the working draft: it becomes immutable and available for interviews. */
export async function publishScript(db: Db, actor: Actor, input: PublishScriptInput) {
  requirePermission(actor, "scripts:write");
  return db.$transaction(async (tx) => {
    const { after: script } = await claimScript(tx, actor, input.id, {
      baseUpdatedAt: input.baseUpdatedAt,
      refuseArchived: "This script is archived. Restore it before publishing.",
      data: { status: "PUBLISHED" },
    });
    const working = await findWorkingVersion(tx, script.id);
    if (working.publishedAt !== null) {
      throw new AppError("CONFLICT", { key: "script.nothingToPublish" });
    }
    const content = await readVersionContent(tx, working.id);
    assertPublishable(content);
    const publishedAt = new Date();
    await tx.scriptVersion.update({ where: { id: working.id }, data: { publishedAt } });
    await recordActorEvent(tx, actor, "script.published", ["InterviewScript", script.id], {
      version: working.version,
      versionId: working.id,
      sections: content.sections.length,
      items: countItems(content),
      weights: content.targets,
    });
    return { versionId: working.id, version: working.version, updatedAt: script.updatedAt };
  });
}

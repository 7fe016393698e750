import type { SaveScriptDraftInput } from "@/lib/schemas/scripts";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { claimScript, findWorkingVersion } from "./_shared/claim-script";
import { assertContentReferences, clearVersionContent, countItems, writeVersionContent } from "./_shared/script-content";
import { versionSummarySelect } from "./_shared/selects";

/**
 * Saves the builder's document. An open draft is rewritten in place; when the latest version is published
 * (immutable forever) or already used by an interview, the content becomes a new draft version n+1.
 */
export async function saveScriptDraft(db: Db, actor: Actor, input: SaveScriptDraftInput) {
  requirePermission(actor, "scripts:write");
  const { id, baseUpdatedAt, title, role, ...content } = input;
  return db.$transaction(async (tx) => {
    const { after: script } = await claimScript(tx, actor, id, {
      baseUpdatedAt,
      refuseArchived: "This script is archived. Restore it before editing.",
      data: { title, role },
    });
    await assertContentReferences(tx, actor, content);

    const working = await findWorkingVersion(tx, script.id);
    // Whether an interview uses it: one look through the index, not a relation _count (see countsBy).
    const editableInPlace =
      working.publishedAt === null && (await tx.interview.findFirst({ where: { scriptVersionId: working.id }, select: { id: true } })) === null;
    let version = working;
    if (editableInPlace) {
      await clearVersionContent(tx, working.id);
    } else {
      version = await tx.scriptVersion.create({
        data: { scriptId: script.id, version: working.version + 1 },
        select: versionSummarySelect,
      });
      await recordActorEvent(tx, actor, "script.version_created", ["InterviewScript", script.id], { version: version.version, fromVersion: working.version });
    }
    await writeVersionContent(tx, version.id, content);

    // Edits to a script people already interview with must be traceable.
    const published = await tx.scriptVersion.findFirst({
      where: { scriptId: script.id, publishedAt: { not: null } },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    if (published) {
      await recordActorEvent(tx, actor, "script.draft_saved", ["InterviewScript", script.id], {
        version: version.version,
        publishedVersion: published.version,
        sections: content.sections.length,
        items: countItems(content),
      });
    }
    return {
      versionId: version.id,
      version: version.version,
      updatedAt: script.updatedAt,
      createdNewVersion: !editableInPlace,
    };
  });
}

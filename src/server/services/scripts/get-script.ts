import type { ScriptByIdInput } from "@/lib/schemas/scripts";
import type { Db } from "@/server/db";
import { roleHas } from "@/server/auth/permissions";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { countsBy } from "@/server/services/_shared/counts-by";
import { toVersionDocument } from "./_shared/script-content";
import { versionContentSelect, versionSummarySelect } from "./_shared/selects";

/** A script for the builder: its working (latest) version in full, and every version with its use. */
export async function getScript(db: Db, actor: Actor, input: ScriptByIdInput) {
  requirePermission(actor, "scripts:read");
  const script = await db.interviewScript.findFirst({
    where: { id: input.id, orgId: actor.orgId },
    select: {
      id: true,
      title: true,
      role: true,
      status: true,
      updatedAt: true,
      versions: {
        orderBy: { version: "asc" },
        select: versionSummarySelect,
      },
    },
  });
  const working = script?.versions.at(-1);
  if (!script || !working) throw notFound("Script");
  const [content, interviews] = await Promise.all([
    db.scriptVersion.findUniqueOrThrow({ where: { id: working.id }, select: versionContentSelect }),
    // Grouped from these versions' interviews only, not with a relation _count (see countsBy).
    db.interview.groupBy({ by: ["scriptVersionId"], where: { scriptVersionId: { in: script.versions.map((v) => v.id) } }, _count: { _all: true } }),
  ]);
  const interviewsOf = countsBy(interviews, "scriptVersionId");
  return {
    id: script.id,
    title: script.title,
    role: script.role,
    status: script.status,
    updatedAt: script.updatedAt,
    canEdit: roleHas(actor.role, "scripts:write") && script.status !== "ARCHIVED",
    version: {
      id: working.id,
      version: working.version,
      publishedAt: working.publishedAt,
      interviewCount: interviewsOf(working.id),
      ...toVersionDocument(content),
    },
    versions: script.versions.map((v) => ({
      id: v.id,
      version: v.version,
      publishedAt: v.publishedAt,
      interviewCount: interviewsOf(v.id),
    })),
  };
}

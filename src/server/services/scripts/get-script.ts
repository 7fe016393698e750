import type { ScriptByIdInput } from "@/lib/schemas/scripts";
import type { Db } from "@/server/db";
import { roleHas } from "@/server/auth/permissions";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
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
  const content = await db.scriptVersion.findUniqueOrThrow({ where: { id: working.id }, select: versionContentSelect });
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
      interviewCount: working._count.interviews,
      ...toVersionDocument(content),
    },
    versions: script.versions.map((v) => ({
      id: v.id,
      version: v.version,
      publishedAt: v.publishedAt,
      interviewCount: v._count.interviews,
    })),
  };
}

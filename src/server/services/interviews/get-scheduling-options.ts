import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";

/** What the scheduling form offers: active candidates, the latest published version of each script, members. */
export async function getSchedulingOptions(db: Db, actor: Actor) {
  requirePermission(actor, "interviews:write");
  const [candidates, versions, members] = await Promise.all([
    db.candidate.findMany({
      where: { orgId: actor.orgId, status: "ACTIVE" },
      orderBy: { name: "asc" },
      select: { id: true, name: true, position: true },
    }),
    db.scriptVersion.findMany({
      where: { publishedAt: { not: null }, script: { orgId: actor.orgId, status: { not: "ARCHIVED" } } },
      orderBy: [{ script: { title: "asc" } }, { version: "desc" }],
      select: { id: true, version: true, script: { select: { id: true, title: true, role: true } } },
    }),
    db.membership.findMany({
      where: { orgId: actor.orgId },
      orderBy: { user: { name: "asc" } },
      select: { role: true, user: { select: { id: true, name: true } } },
    }),
  ]);
  const latestPerScript = new Map<string, (typeof versions)[number]>();
  for (const v of versions) if (!latestPerScript.has(v.script.id)) latestPerScript.set(v.script.id, v);
  return {
    candidates,
    scripts: [...latestPerScript.values()].map((v) => ({
      scriptId: v.script.id,
      title: v.script.title,
      role: v.script.role,
      versionId: v.id,
      version: v.version,
    })),
    members: members.map((m) => ({ userId: m.user.id, name: m.user.name, role: m.role })),
  };
}

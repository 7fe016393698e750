import type { Prisma } from "@/generated/prisma/client";
import { notFound } from "@/server/errors";
import type { Actor } from "@/server/services/actor";

/** A script's status, and whether any of its versions was ever published (archiving and restoring ask). */
export async function findScriptStatus(tx: Prisma.TransactionClient, actor: Actor, id: string) {
  const script = await tx.interviewScript.findFirst({
    where: { id, orgId: actor.orgId },
    select: { id: true, status: true, versions: { where: { publishedAt: { not: null } }, select: { id: true }, take: 1 } },
  });
  if (!script) throw notFound("Script");
  return { id: script.id, status: script.status, everPublished: script.versions.length > 0 };
}

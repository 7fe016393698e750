// Checks shared by scheduling and panel changes: the script version is usable, panelists are members.
import type { Prisma } from "@/generated/prisma/client";
import { AppError, notFound } from "@/server/errors";

type Tx = Prisma.TransactionClient;

/** A published version of one of the organisation's scripts; drafts may still change, so they can't be used. */
export async function assertUsableScriptVersion(tx: Tx, orgId: string, scriptVersionId: string) {
  const version = await tx.scriptVersion.findFirst({
    where: { id: scriptVersionId, script: { orgId } },
    select: { id: true, publishedAt: true, script: { select: { status: true } } },
  });
  if (!version) throw notFound("Script version");
  if (version.publishedAt === null) {
    throw new AppError(
      "BAD_REQUEST",
      "This script version is a draft: publish it before scheduling interviews with it.",
      "scriptVersionId",
    );
  }
  if (version.script.status === "ARCHIVED") {
    throw new AppError("BAD_REQUEST", "This script is archived: restore it or choose another script.", "scriptVersionId");
  }
  return version;
}

/** Every user must be a member of the organisation; names the first one who isn't (by position in the list). */
export async function assertPanelMembers(tx: Tx, orgId: string, userIds: string[]) {
  const members = await tx.membership.findMany({
    where: { orgId, userId: { in: userIds } },
    select: { userId: true },
  });
  const known = new Set(members.map((m) => m.userId));
  const index = userIds.findIndex((id) => !known.has(id));
  if (index >= 0) {
    throw new AppError(
      "BAD_REQUEST",
      "Every panelist must be a member of this organisation. Invite new people by email instead.",
      "panelUserIds",
    );
  }
}

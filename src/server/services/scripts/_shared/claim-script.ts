// Every write to a script starts here: find it inside the actor's organisation, check the caller saw the
// latest state, and bump updatedAt with a compare-and-set. The row lock that update takes serialises
// concurrent writers until their transaction ends, so two tabs can never both win.
import type { Prisma } from "@/generated/prisma/client";
import type { ScriptStatus } from "@/generated/prisma/enums";
import { AppError, notFound } from "@/server/errors";
import { refuseIfChangedSince } from "@/server/services/_shared/lock-for-update";
import type { Actor } from "@/server/services/actor";
import { versionSummarySelect } from "./selects";

export const CHANGED_ELSEWHERE =
  "This script was changed elsewhere (another tab or person). Reload to see the latest version.";

type ClaimOptions = {
  /** The script's updatedAt as the caller last saw it; omitted for writes that don't depend on content. */
  baseUpdatedAt?: Date;
  /** Refuse an archived script with this message (CONFLICT). */
  refuseArchived?: string;
  /** Fields to change on the script row along with updatedAt. */
  data?: { title?: string; role?: string; status?: ScriptStatus };
};

export type ClaimedScript = { id: string; title: string; role: string; status: ScriptStatus; updatedAt: Date };

export async function claimScript(
  tx: Prisma.TransactionClient,
  actor: Actor,
  scriptId: string,
  options: ClaimOptions = {},
): Promise<{ before: ClaimedScript; after: ClaimedScript }> {
  const before = await tx.interviewScript.findFirst({
    where: { id: scriptId, orgId: actor.orgId },
    select: { id: true, title: true, role: true, status: true, updatedAt: true },
  });
  if (!before) throw notFound("Script");
  refuseIfChangedSince(options.baseUpdatedAt, before.updatedAt, CHANGED_ELSEWHERE);
  if (options.refuseArchived && before.status === "ARCHIVED") {
    throw new AppError("CONFLICT", options.refuseArchived);
  }
  // Strictly later than the previous value even within one millisecond, so a stale base never matches.
  const updatedAt = new Date(Math.max(Date.now(), before.updatedAt.getTime() + 1));
  const { count } = await tx.interviewScript.updateMany({
    where: { id: before.id, orgId: actor.orgId, updatedAt: before.updatedAt },
    data: { ...options.data, updatedAt },
  });
  if (count === 0) throw new AppError("CONFLICT", CHANGED_ELSEWHERE);
  return { before, after: { ...before, ...options.data, updatedAt } };
}

/** The latest version of a script: the one being edited, or the last published when no draft is open. */
export async function findWorkingVersion(tx: Prisma.TransactionClient, scriptId: string) {
  return tx.scriptVersion.findFirstOrThrow({
    where: { scriptId },
    orderBy: { version: "desc" },
    select: versionSummarySelect,
  });
}

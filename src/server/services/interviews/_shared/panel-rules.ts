// A check shared by scheduling and panel changes: panelists are members (the stage's script: stage-rules.ts).
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";

type Tx = Prisma.TransactionClient;

/**
 * A scorecard its author has started: rated, noted, recommended or submitted anything. Their seat then stays as
 * it is (removing them would throw away their judgement; their ratings belong to the strand they sit in).
 */
export const startedScoring = {
  OR: [{ status: "SUBMITTED" as const }, { ratings: { some: {} } }, { notes: { some: {} } }, { recommendation: { not: null } }],
};

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
      { key: "interview.panelistsMustBeMembers" },
      "panelUserIds",
    );
  }
}

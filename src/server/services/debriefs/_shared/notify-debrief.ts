import type { Prisma } from "@/generated/prisma/client";
import { PROGRESS_CHANNEL } from "@/server/realtime/progress-channel";

/**
 * The live channel's key for a debrief. Debrief changes travel on the panel-progress channel (one LISTEN
 * connection per process) with this payload; interview ids never start with "debrief:".
 */
export const debriefChannelKey = (debriefId: string) => `debrief:${debriefId}`;

/** Tells every app instance the debrief changed; run inside the write's transaction (delivered on commit). */
export async function notifyDebrief(tx: Pick<Prisma.TransactionClient, "$executeRaw">, debriefId: string) {
  await tx.$executeRaw`SELECT pg_notify(${PROGRESS_CHANNEL}, ${debriefChannelKey(debriefId)})`;
}

/** Bumps the debrief's version (what the live channel reports) and notifies. */
export async function touchDebrief(tx: Pick<Prisma.TransactionClient, "$executeRaw" | "debrief">, debriefId: string): Promise<number> {
  const { version } = await tx.debrief.update({ where: { id: debriefId }, data: { version: { increment: 1 } }, select: { version: true } });
  await notifyDebrief(tx, debriefId);
  return version;
}

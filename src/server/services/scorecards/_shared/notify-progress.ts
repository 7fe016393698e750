import type { Prisma } from "@/generated/prisma/client";
import { PROGRESS_CHANNEL } from "@/server/realtime/progress-channel";

/**
 * Tells every app instance that a panelist's progress on this interview moved. Run inside the write's
 * transaction: PostgreSQL delivers the notification only if, and when, it commits.
 */
export async function notifyProgress(tx: Pick<Prisma.TransactionClient, "$executeRaw">, interviewId: string) {
  await tx.$executeRaw`SELECT pg_notify(${PROGRESS_CHANNEL}, ${interviewId})`;
}

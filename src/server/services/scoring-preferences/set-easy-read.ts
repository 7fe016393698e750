// The signed-in panelist's easy-read choice for the scoring screen, kept on their user record so it follows
// them to every interview and device. It changes nobody else's record.
import type { SetEasyReadInput } from "@/lib/schemas/scoring-preferences";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";

export async function setEasyRead(db: Db, actor: Actor, input: SetEasyReadInput): Promise<SetEasyReadInput> {
  const user = await db.user.update({ where: { id: actor.userId }, data: { easyRead: input.easyRead }, select: { easyRead: true } });
  return { easyRead: user.easyRead ?? false };
}

import type { Db } from "@/server/db";

/** The user's saved language (null: follow the browser). Read only when a refusal is to be worded. */
export async function getUserLocale(db: Db, userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return user?.locale ?? null;
}

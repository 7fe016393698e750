import type { Db } from "@/server/db";
import type { Locale } from "@/i18n/config";

/** Saves the signed-in user's language for pages and emails; null goes back to following the browser. */
export async function setUserLocale(db: Db, userId: string, locale: Locale | null): Promise<{ locale: Locale | null }> {
  await db.user.update({ where: { id: userId }, data: { locale } });
  return { locale };
}

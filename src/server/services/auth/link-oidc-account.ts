import type { Db } from "@/server/db";
import { normalizeEmail } from "@/server/services/orgs/_shared/normalize";

/**
 * Finds the Panelkit user behind an identity-provider account, linking by verified email the first time.
 * A new person gets an account without an organisation; an admin adds them to one.
 */
export async function linkOidcAccount(
  db: Db,
  input: { provider: string; providerAccountId: string; email: string; name: string },
): Promise<{ userId: string }> {
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
    select: { userId: true },
  });
  if (linked) return linked;
  const email = normalizeEmail(input.email);
  const user = await db.user.upsert({ where: { email }, create: { email, name: input.name }, update: {}, select: { id: true } });
  await db.account.create({ data: { userId: user.id, provider: input.provider, providerAccountId: input.providerAccountId } });
  return { userId: user.id };
}

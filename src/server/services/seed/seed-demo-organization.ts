// The demo organisation for trying Panelkit locally. Only `npm start` on the embedded database creates it
// (first run), or `npm run db:seed -- --demo` when asked explicitly.
import type { Role } from "@/generated/prisma/enums";
import type { Db } from "@/server/db";
import { hashPassword } from "@/server/auth/passwords";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";

export const DEMO_PASSWORD = "panelkit-demo";
export const DEMO_ORGANIZATION_NAME = "Riverside Community Health (demo)";

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: "admin@riverside.example", name: "Alex Morgan", role: "ADMIN" },
  { email: "manager@riverside.example", name: "Priya Shah", role: "HIRING_MANAGER" },
  { email: "interviewer1@riverside.example", name: "Sam Okafor", role: "INTERVIEWER" },
  { email: "interviewer2@riverside.example", name: "Jordan Lee", role: "INTERVIEWER" },
  { email: "interviewer3@riverside.example", name: "Maria Costa", role: "INTERVIEWER" },
  { email: "hr@riverside.example", name: "Chris Walker", role: "HR" },
];

/** Creates the demo organisation unless one exists. Returns whether it created it. */
export async function seedDemoOrganization(db: Db): Promise<boolean> {
  if (await db.organization.findFirst({ where: { isDemo: true }, select: { id: true } })) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    const org = await tx.organization.create({
      data: { name: DEMO_ORGANIZATION_NAME, slug: "riverside-demo", isDemo: true },
    });
    for (const account of DEMO_ACCOUNTS) {
      const user = await tx.user.upsert({
        where: { email: account.email },
        create: { email: account.email, name: account.name, passwordHash },
        update: {},
      });
      await tx.membership.create({ data: { orgId: org.id, userId: user.id, role: account.role } });
    }
    await recordAuditEvent(tx, {
      orgId: org.id,
      actorId: null,
      action: "organization.created",
      entityType: "Organization",
      entityId: org.id,
      data: { name: org.name, demo: true },
    });
  });
  return true;
}

/** The demo sign-ins to list on the sign-in page, when this database has the demo organisation. */
export async function listDemoAccounts(db: Db) {
  const org = await db.organization.findFirst({ where: { isDemo: true }, select: { id: true } });
  if (!org) return null;
  return { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS.map((account) => ({ ...account })) };
}

// Test data with unique names, so test files can share one database without seeing each other's rows.
import { randomUUID } from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";

export const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

export async function createUser(name = "Test User") {
  return db().user.create({ data: { email: `${unique("user")}@test.example`, name } });
}

/** An organisation with one member per requested role. */
export async function createOrganization(roles: Role[] = ["ADMIN", "HIRING_MANAGER", "INTERVIEWER", "HR"]) {
  const org = await db().organization.create({ data: { name: unique("Org"), slug: unique("org") } });
  const members = {} as Record<Role, { userId: string }>;
  for (const role of roles) {
    const user = await createUser(`${role} person`);
    await db().membership.create({ data: { orgId: org.id, userId: user.id, role } });
    members[role] = { userId: user.id };
  }
  return { org, members };
}

/** A tRPC caller acting as a signed-in user (or signed out with null), exactly as the HTTP handler builds it. */
export function callerFor(userId: string | null, preferredOrgId: string | null = null) {
  return createCaller({ db: db(), userId, preferredOrgId, clientAddress: "127.0.0.1" });
}

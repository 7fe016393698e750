// The last-admin rule under concurrent role changes: each call counts the admins before demoting one, so
// without a lock two admins demoting each other (or themselves) at the same moment both see "two admins"
// and leave the organisation with none.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, createOrganization, createUser } from "./factories";

const ATTEMPTS = 20;
const ROUNDS = 3;

async function twoAdminOrg() {
  const { org, members } = await createOrganization(["ADMIN"]);
  const second = await createUser("Second admin");
  await db().membership.create({ data: { orgId: org.id, userId: second.id, role: "ADMIN" } });
  const memberships = await db().membership.findMany({ where: { orgId: org.id }, select: { id: true, userId: true } });
  const a = memberships.find((m) => m.userId === members.ADMIN.userId)!;
  const b = memberships.find((m) => m.userId === second.id)!;
  return { orgId: org.id, a, b };
}

const adminsOf = (orgId: string) => db().membership.count({ where: { orgId, role: "ADMIN" } });

/** Every refusal must be one a person can act on, never a crash or a database error. */
function expectClearRefusals(results: PromiseSettledResult<unknown>[]) {
  for (const result of results) {
    if (result.status === "fulfilled") continue;
    const error = result.reason as TRPCError;
    expect(error).toBeInstanceOf(TRPCError);
    expect(["CONFLICT", "FORBIDDEN"]).toContain(error.code);
    expect(error.message).toMatch(/needs at least one admin|no longer an admin|does not allow that/);
  }
}

describe("the last-admin rule under concurrent demotions", () => {
  it(`keeps an admin when the last two demote each other ${ATTEMPTS} times at once`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { orgId, a, b } = await twoAdminOrg();
      const calls = Array.from({ length: ATTEMPTS }, (_, i) =>
        i % 2 === 0
          ? callerFor(a.userId).org.setMemberRole({ membershipId: b.id, role: "HR" })
          : callerFor(b.userId).org.setMemberRole({ membershipId: a.id, role: "INTERVIEWER" }),
      );
      const results = await Promise.allSettled(calls);
      expect(await adminsOf(orgId), `round ${round}: admins left`).toBe(1);
      expect(results.some((r) => r.status === "rejected")).toBe(true);
      expectClearRefusals(results);
      // The audit log records exactly the one demotion that happened.
      const demotions = await db().auditEvent.count({
        where: { orgId, action: "member.role_changed", data: { path: ["from"], equals: "ADMIN" } },
      });
      expect(demotions).toBe(1);
    }
  });

  it(`keeps an admin when the last two demote themselves ${ATTEMPTS} times at once`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { orgId, a, b } = await twoAdminOrg();
      const calls = Array.from({ length: ATTEMPTS }, (_, i) => {
        const self = i % 2 === 0 ? a : b;
        return callerFor(self.userId).org.setMemberRole({ membershipId: self.id, role: "HIRING_MANAGER" });
      });
      const results = await Promise.allSettled(calls);
      expect(await adminsOf(orgId), `round ${round}: admins left`).toBe(1);
      expectClearRefusals(results);
    }
  });
});

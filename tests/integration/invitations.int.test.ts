// Invitations by link: single use, expiry, revocation, hashing, and what accepting does for new and
// existing people.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { verifyPassword } from "@/server/auth/passwords";
import { callerFor, createUser, unique } from "./factories";
import { interviewSetup } from "./interview-factories";
import { codeOf, failure } from "./script-factories";

const tokenOf = (link: string) => link.split("/invite/")[1]!;

describe("invitations", () => {
  it("creates a hashed, single-use link that makes a signed-out newcomer a member and a panelist", async () => {
    const { manager, interviewId, org } = await interviewSetup();
    const email = `${unique("newcomer")}@example.org`;
    const created = await manager.invitations.create({ email: email.toUpperCase(), interviewId });
    expect(created.emailed).toBe(false);
    expect(created.link).toMatch(/^https?:\/\/[^/]+\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(created.link);

    const stored = await db().invitation.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({ email, role: "INTERVIEWER", interviewId });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3_600_000);

    const anonymous = callerFor(null);
    expect(await anonymous.invitations.preview({ token })).toMatchObject({
      status: "valid",
      email,
      orgName: org.name,
      signedInEmail: null,
      interview: { scheduledAt: expect.any(Date) },
    });
    const noPassword = await failure(anonymous.invitations.accept({ token, name: "New Person" }));
    expect(noPassword).toMatchObject({ code: "BAD_REQUEST", message: "Choose a password." });

    const accepted = await anonymous.invitations.accept({ token, name: "New Person", password: "a-long-password" });
    expect(accepted).toEqual({ email, orgId: org.id, interviewId });
    const user = await db().user.findUniqueOrThrow({ where: { email }, include: { memberships: true, panelSeats: true } });
    expect(user.name).toBe("New Person");
    expect(await verifyPassword(user.passwordHash!, "a-long-password")).toBe(true);
    expect(user.memberships.map((m) => [m.orgId, m.role])).toEqual([[org.id, "INTERVIEWER"]]);
    expect(user.panelSeats.map((s) => s.interviewId)).toEqual([interviewId]);
    expect((await callerFor(user.id).interviews.get({ id: interviewId })).isPanelist).toBe(true);

    // The token works once.
    const again = await failure(anonymous.invitations.accept({ token, name: "Someone Else", password: "another-password" }));
    expect(again.code).toBe("CONFLICT");
    expect((await anonymous.invitations.preview({ token })).status).toBe("used");
    const audit = await db().auditEvent.findMany({ where: { entityId: created.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["invitation.created", expect.any(String)],
      ["invitation.accepted", user.id],
    ]);
  });

  it("lets only one of two simultaneous accepts through", async () => {
    const { manager, interviewId } = await interviewSetup();
    const member = await createUser("Existing person");
    const { link } = await manager.invitations.create({ email: member.email, interviewId });
    const token = tokenOf(link);
    const results = await Promise.allSettled([
      callerFor(member.id).invitations.accept({ token }),
      callerFor(member.id).invitations.accept({ token }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("refuses expired, revoked and unknown links", async () => {
    const { manager } = await interviewSetup();
    const anonymous = callerFor(null);
    const expired = await manager.invitations.create({ email: `${unique("late")}@example.org` });
    await db().invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await anonymous.invitations.preview({ token: tokenOf(expired.link) })).status).toBe("expired");
    const late = await failure(anonymous.invitations.accept({ token: tokenOf(expired.link), name: "Late", password: "a-long-password" }));
    expect(late.message).toMatch(/expired/);

    const revoked = await manager.invitations.create({ email: `${unique("gone")}@example.org` });
    await manager.invitations.revoke({ id: revoked.id });
    expect((await anonymous.invitations.preview({ token: tokenOf(revoked.link) })).status).toBe("revoked");
    const withdrawn = await failure(anonymous.invitations.accept({ token: tokenOf(revoked.link), name: "Gone", password: "a-long-password" }));
    expect(withdrawn.message).toMatch(/withdrawn/);

    const unknown = "x".repeat(43);
    expect(await anonymous.invitations.preview({ token: unknown })).toEqual({ status: "unknown", signedInEmail: null });
    expect(await codeOf(anonymous.invitations.accept({ token: unknown }))).toBe("NOT_FOUND");
  });

  it("asks an existing account to sign in, refuses a different signed-in user, and keeps an existing member's role", async () => {
    const { manager, interviewId, members, org } = await interviewSetup();
    // HR is already a member: accepting adds the panel seat and keeps the HR role.
    const hrUser = await db().user.findUniqueOrThrow({ where: { id: members.HR.userId } });
    const { link } = await manager.invitations.create({ email: hrUser.email, interviewId });
    const token = tokenOf(link);

    const signedOut = await failure(callerFor(null).invitations.accept({ token, name: "X", password: "a-long-password" }));
    expect(signedOut).toMatchObject({ code: "UNAUTHORIZED", message: `Sign in as ${hrUser.email} to accept.` });

    const wrong = await failure(callerFor(members.ADMIN.userId).invitations.accept({ token }));
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(wrong.message).toMatch(new RegExp(`This invitation is for ${hrUser.email}, but you are signed in as`));

    await callerFor(hrUser.id).invitations.accept({ token });
    const membership = await db().membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: org.id, userId: hrUser.id } } });
    expect(membership.role).toBe("HR");
    expect((await manager.interviews.get({ id: interviewId })).panel.map((p) => p.userId)).toContain(hrUser.id);
  });

  it("is for managers only, keeps hiring managers from inviting admins, and scopes interviews by organisation", async () => {
    const { manager, interviewers, members } = await interviewSetup();
    const other = await interviewSetup();
    expect(await codeOf(callerFor(interviewers[0]).invitations.create({ email: "a@example.org" }))).toBe("FORBIDDEN");
    expect(await codeOf(manager.invitations.create({ email: "a@example.org", role: "ADMIN" }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(members.ADMIN.userId).invitations.create({ email: "a@example.org", role: "HR" }))).toBe("OK");
    expect(await codeOf(manager.invitations.create({ email: "a@example.org", interviewId: other.interviewId }))).toBe("NOT_FOUND");

    const { id } = await manager.invitations.create({ email: "b@example.org" });
    expect(await codeOf(other.manager.invitations.revoke({ id }))).toBe("NOT_FOUND");
  });
});

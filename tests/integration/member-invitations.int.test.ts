// Adding a member is an invitation the person accepts: nobody joins an organisation silently, and neither
// the admin's answer nor the invitation page says whether the email already has a Panelkit account.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { verifyPassword } from "@/server/auth/passwords";
import { callerFor, createOrganization, createUser, unique } from "./factories";
import { failure } from "./script-factories";

const tokenOf = (link: string) => link.split("/invite/")[1]!;

async function adminOrg() {
  const { org, members } = await createOrganization(["ADMIN", "INTERVIEWER"]);
  return { org, members, admin: callerFor(members.ADMIN.userId) };
}

const membershipOf = (orgId: string, userId: string) =>
  db().membership.findUnique({ where: { orgId_userId: { orgId, userId } }, select: { role: true } });

/** What an answer looks like with the parts that must differ (ids, tokens, the email itself) masked. */
function shapeOf(value: unknown, email: string): unknown {
  return JSON.parse(
    JSON.stringify(value)
      .replaceAll(email, "<email>")
      .replace(/\/invite\/[A-Za-z0-9_-]{43}/g, "/invite/<token>")
      .replace(/"c[a-z0-9]{24}"/g, '"<id>"'),
  );
}

describe("adding a member by invitation", () => {
  it("gives the same answer, audit entry and invitation page for a registered and an unregistered email", async () => {
    const { org, admin } = await adminOrg();
    const registered = await createUser("Has an account");
    const freshEmail = `${unique("fresh")}@test.example`;

    const forRegistered = await admin.org.inviteMember({ email: registered.email, role: "HR" });
    const forFresh = await admin.org.inviteMember({ email: freshEmail, role: "HR" });
    expect(shapeOf(forRegistered, registered.email)).toEqual(shapeOf(forFresh, freshEmail));
    expect(forRegistered.emailed).toBe(false);

    // Nobody joined, and no account was made for the new email.
    expect(await membershipOf(org.id, registered.id)).toBeNull();
    expect(await db().user.findUnique({ where: { email: freshEmail } })).toBeNull();
    expect((await admin.org.members()).map((m) => m.email)).not.toContain(registered.email);

    const audit = await db().auditEvent.findMany({
      where: { entityId: { in: [forRegistered.id, forFresh.id] } },
      orderBy: { id: "asc" },
      select: { action: true, data: true },
    });
    expect(audit.map((a) => a.action)).toEqual(["invitation.created", "invitation.created"]);
    expect(shapeOf(audit[0], registered.email)).toEqual(shapeOf(audit[1], freshEmail));

    // Whoever holds the link (the admin, when email is off) sees the same page for both.
    const anonymous = callerFor(null);
    const previewRegistered = await anonymous.invitations.preview({ token: tokenOf(forRegistered.link) });
    const previewFresh = await anonymous.invitations.preview({ token: tokenOf(forFresh.link) });
    expect(previewRegistered).toMatchObject({ status: "valid", email: registered.email, orgName: org.name, role: "HR" });
    expect(shapeOf(previewRegistered, registered.email)).toEqual(shapeOf(previewFresh, freshEmail));

    // Pending until accepted, both listed for the admin.
    const pending = await admin.invitations.pending();
    expect(pending.map((p) => [p.email, p.role]).sort()).toEqual([[freshEmail, "HR"], [registered.email, "HR"]].sort());
  });

  it("lets a registered person join only by accepting while signed in, with the role they were invited to", async () => {
    const { org, admin } = await adminOrg();
    const registered = await createUser("Has an account");
    const { link } = await admin.org.inviteMember({ email: registered.email, role: "HIRING_MANAGER" });

    // Signed out, the account can't be claimed by "creating" it again: the server asks them to sign in.
    const claim = await failure(callerFor(null).invitations.accept({ token: tokenOf(link), name: "Mallory", password: "orchid-lantern-42x" }));
    expect(claim).toMatchObject({ code: "UNAUTHORIZED", message: `Sign in as ${registered.email} to accept.` });
    expect(await membershipOf(org.id, registered.id)).toBeNull();

    await callerFor(registered.id).invitations.accept({ token: tokenOf(link) });
    expect(await membershipOf(org.id, registered.id)).toEqual({ role: "HIRING_MANAGER" });
    expect(await admin.invitations.pending()).toEqual([]);
  });

  it("lets a new person set their own name and password on accepting", async () => {
    const { org, admin } = await adminOrg();
    const email = `${unique("newcomer")}@test.example`;
    const { link } = await admin.org.inviteMember({ email, role: "INTERVIEWER" });
    await callerFor(null).invitations.accept({ token: tokenOf(link), name: "Nia Newcomer", password: "lemon-harbour-violet-42" });
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.name).toBe("Nia Newcomer");
    expect(await verifyPassword(user.passwordHash!, "lemon-harbour-violet-42")).toBe(true);
    expect(await membershipOf(org.id, user.id)).toEqual({ role: "INTERVIEWER" });
  });

  it("refuses inviting a current member or someone already invited, naming the email field", async () => {
    const { members, admin } = await adminOrg();
    const member = await db().user.findUniqueOrThrow({ where: { id: members.INTERVIEWER.userId } });
    const again = await failure(admin.org.inviteMember({ email: member.email.toUpperCase(), role: "HR" }));
    expect(again).toMatchObject({ code: "CONFLICT", message: "This person is already a member of the organisation.", cause: { field: "email" } });

    const email = `${unique("twice")}@test.example`;
    await admin.org.inviteMember({ email, role: "HR" });
    const twice = await failure(admin.org.inviteMember({ email, role: "ADMIN" }));
    expect(twice).toMatchObject({ code: "CONFLICT", cause: { field: "email" } });
    expect(twice.message).toMatch(/already has a pending invitation/);

    const bad = await failure(admin.org.inviteMember({ email: "not-an-email", role: "HR" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toMatch(/Enter a valid email address/);
  });

  it("sends an invitation again with a new link that replaces the old one, and refuses once it is used or withdrawn", async () => {
    const { org, admin } = await adminOrg();
    const email = `${unique("resend")}@test.example`;
    const first = await admin.org.inviteMember({ email, role: "HR" });
    await db().invitation.update({ where: { id: first.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await callerFor(null).invitations.preview({ token: tokenOf(first.link) })).status).toBe("expired");

    const second = await admin.invitations.resend({ id: first.id });
    expect(second.id).toBe(first.id);
    expect(second.link).not.toBe(first.link);
    expect(second.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3_600_000);
    expect((await callerFor(null).invitations.preview({ token: tokenOf(first.link) })).status).toBe("unknown");
    expect((await callerFor(null).invitations.preview({ token: tokenOf(second.link) })).status).toBe("valid");

    await callerFor(null).invitations.accept({ token: tokenOf(second.link), name: "Rae Resent", password: "lemon-harbour-violet-42" });
    const used = await failure(admin.invitations.resend({ id: first.id }));
    expect(used).toMatchObject({ code: "CONFLICT", message: "This invitation has already been accepted." });

    const other = await admin.org.inviteMember({ email: `${unique("withdrawn")}@test.example`, role: "HR" });
    await admin.invitations.revoke({ id: other.id });
    const withdrawn = await failure(admin.invitations.resend({ id: other.id }));
    expect(withdrawn.message).toMatch(/withdrawn/);
    expect(await admin.invitations.pending()).toEqual([]);

    const actions = await db().auditEvent.findMany({ where: { orgId: org.id, entityId: first.id }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["invitation.created", "invitation.resent", "invitation.accepted"]);
  });

  it("keeps inviting members, listing and resending to admins of the organisation", async () => {
    const { members, admin } = await adminOrg();
    const theirs = await adminOrg();
    const interviewer = callerFor(members.INTERVIEWER.userId);
    expect((await failure(interviewer.org.inviteMember({ email: "x@test.example", role: "ADMIN" }))).code).toBe("FORBIDDEN");
    expect((await failure(interviewer.invitations.pending())).code).toBe("FORBIDDEN");
    const { id } = await admin.org.inviteMember({ email: `${unique("mine")}@test.example`, role: "HR" });
    expect((await failure(theirs.admin.invitations.resend({ id }))).code).toBe("NOT_FOUND");
    expect(await theirs.admin.invitations.pending()).toEqual([]);
  });
});

// Seating someone on a panel after a scorecard was submitted: whoever could already read the panel's submitted
// scorecards without a seat (HR, admins, the candidate's hiring manager, the one visibility rule decides) is
// refused, so nobody scores having read the others, not even by leaving the panel, reading, and coming back.
// Interviewers, and managers whose candidate this is not, can still join late; before any submission anyone
// can be seated. The same refusal holds for the REST API and for accepting an invitation to the panel.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, createUser, unique } from "./factories";
import { interviewSetup } from "./interview-factories";
import { api, keyFor } from "./rest-api-kit";
import { rateAndSubmit } from "./scorecard-factories";
import { failure } from "./script-factories";

const tokenOf = (link: string) => link.split("/invite/")[1]!;
const notIndependent = (name: string) =>
  `${name} can already read this panel's submitted scorecards, so their ratings would not be independent; add someone who cannot read them instead.`;

async function nameOf(userId: string) {
  return (await db().user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } })).name;
}

async function panelOf(interviewId: string) {
  const seats = await db().panelMember.findMany({ where: { interviewId }, select: { userId: true, shadow: true } });
  return seats.map((s) => s.userId).sort();
}

describe("seating someone after the panel has started submitting", () => {
  it("refuses a manager who left their own seat, read the submitted scorecards, and adds themselves back", async () => {
    const { manager, members, interviewers, interviewId, org } = await interviewSetup();
    const managerId = members.HIRING_MANAGER.userId;
    const [first, second] = interviewers;
    // Before anyone has submitted, the manager may take a seat.
    await manager.interviews.setPanel({ id: interviewId, userIds: [first, second, managerId] });
    // Not having rated anything, they may leave it again.
    await manager.interviews.setPanel({ id: interviewId, userIds: [first, second] });
    await rateAndSubmit(callerFor(first), interviewId, 4);
    // Off the panel, the script's author reads the submitted scorecard.
    const read = await manager.scorecards.forInterview({ interviewId });
    expect(read.scorecards.map((s) => s.panelist.id)).toEqual([first]);

    const refused = await failure(manager.interviews.setPanel({ id: interviewId, userIds: [first, second, managerId] }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe(notIndependent(await nameOf(managerId)));
    expect(await panelOf(interviewId)).toEqual([first, second].sort());

    // The REST API's PUT /interviews/{id}/panel is the same service: 409 with the same words.
    const { key } = await keyFor(org.id, managerId);
    const answer = await api("PUT", `/interviews/${interviewId}/panel`, key, { body: { userIds: [first, second, managerId] } });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ detail: notIndependent(await nameOf(managerId)) });
    expect(await panelOf(interviewId)).toEqual([first, second].sort());
  });

  it("refuses HR and an admin (as a panelist or as a shadow) once someone has submitted, naming them", async () => {
    const { manager, members, interviewers, interviewId } = await interviewSetup();
    const [first, second] = interviewers;
    await rateAndSubmit(callerFor(first), interviewId, 3);

    const hr = await failure(manager.interviews.setPanel({ id: interviewId, userIds: [first, second, members.HR.userId] }));
    expect(hr.code).toBe("CONFLICT");
    expect(hr.message).toBe(notIndependent(await nameOf(members.HR.userId)));

    const admin = callerFor(members.ADMIN.userId);
    const shadow = await failure(
      admin.interviews.setPanel({ id: interviewId, userIds: [first, second, members.ADMIN.userId], shadowUserIds: [members.ADMIN.userId] }),
    );
    expect(shadow.code).toBe("CONFLICT");
    expect(shadow.message).toBe(notIndependent(await nameOf(members.ADMIN.userId)));
    expect(await panelOf(interviewId)).toEqual([first, second].sort());
  });

  it("still seats a late interviewer, and a manager who can't read this candidate's scorecards, after a submission", async () => {
    const { manager, interviewers, interviewId, org } = await interviewSetup();
    const [first, second, third] = interviewers;
    await rateAndSubmit(callerFor(first), interviewId, 3);
    const otherManager = await createUser(`Other manager ${unique("m")}`);
    await db().membership.create({ data: { orgId: org.id, userId: otherManager.id, role: "HIRING_MANAGER" } });
    // This candidate is outside their vacancies and scripts: off the panel they read none of its scorecards.
    expect((await callerFor(otherManager.id).scorecards.forInterview({ interviewId })).scorecards).toEqual([]);

    await manager.interviews.setPanel({ id: interviewId, userIds: [first, second, third, otherManager.id] });
    expect(await panelOf(interviewId)).toEqual([first, second, third, otherManager.id].sort());
  });

  it("seats HR, the manager and an admin before anyone has submitted", async () => {
    const { manager, members, interviewers, interviewId } = await interviewSetup();
    const [first, second] = interviewers;
    // A draft is nobody's to read but its author's: no reason to refuse.
    const card = await callerFor(first).scorecards.mine({ interviewId });
    await callerFor(first).scorecards.saveNote({ scorecardId: card.id, itemId: card.items[0]!.itemId, body: "Calm under pressure.", baseVersion: 0 });
    const seated = [first, second, members.HR.userId, members.HIRING_MANAGER.userId, members.ADMIN.userId];
    await manager.interviews.setPanel({ id: interviewId, userIds: seated, shadowUserIds: [members.ADMIN.userId] });
    expect(await panelOf(interviewId)).toEqual([...seated].sort());
  });

  it("refuses an existing HR member's acceptance of an invitation to a panel that has started submitting", async () => {
    const { manager, members, interviewers, interviewId } = await interviewSetup();
    const hrUser = await db().user.findUniqueOrThrow({ where: { id: members.HR.userId } });
    const { id, link } = await manager.invitations.create({ email: hrUser.email, interviewId });
    await rateAndSubmit(callerFor(interviewers[0]), interviewId, 3);

    const refused = await failure(callerFor(hrUser.id).invitations.accept({ token: tokenOf(link) }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe(
      "You can already read this panel's submitted scorecards, so your ratings would not be independent; ask whoever invited you to choose someone else.",
    );
    expect(await panelOf(interviewId)).toEqual([interviewers[0], interviewers[1]].sort());
    expect((await db().invitation.findUniqueOrThrow({ where: { id } })).acceptedAt).toBeNull();
  });
});

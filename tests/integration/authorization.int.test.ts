// Role checks and organisation isolation through the real tRPC router, as the HTTP handler calls it.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, createOrganization, createUser, unique } from "./factories";
import { codeOf } from "./script-factories";


describe("who may call what", () => {
  it("answers UNAUTHORIZED to a signed-out caller on organisation procedures", async () => {
    const anonymous = callerFor(null);
    expect(await codeOf(anonymous.banks.list())).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.org.members())).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.banks.searchQuestions({}))).toBe("UNAUTHORIZED");
  });

  it("answers FORBIDDEN to a signed-in user who belongs to no organisation", async () => {
    const loner = await createUser();
    expect(await codeOf(callerFor(loner.id).banks.list())).toBe("FORBIDDEN");
  });

  it("lets every role read the banks, and only admins manage members", async () => {
    const { members } = await createOrganization();
    for (const role of ["ADMIN", "HIRING_MANAGER", "INTERVIEWER", "HR"] as const) {
      const caller = callerFor(members[role].userId);
      expect((await caller.banks.list()).length).toBeGreaterThanOrEqual(2);
      const invite = caller.org.inviteMember({ email: `${unique("new")}@test.example`, role: "INTERVIEWER" });
      expect(await codeOf(invite), role).toBe(role === "ADMIN" ? "OK" : "FORBIDDEN");
    }
  });

  it("keeps the last admin: demoting them is refused with a reason", async () => {
    const { members } = await createOrganization(["ADMIN"]);
    const admin = callerFor(members.ADMIN.userId);
    const [me] = await admin.org.members();
    await expect(admin.org.setMemberRole({ membershipId: me!.membershipId, role: "HR" })).rejects.toThrow(/at least one admin/);
  });

  it("records role changes in the audit log", async () => {
    const { org, members } = await createOrganization(["ADMIN", "INTERVIEWER"]);
    const admin = callerFor(members.ADMIN.userId);
    const target = (await admin.org.members()).find((m) => m.userId === members.INTERVIEWER.userId)!;
    await admin.org.setMemberRole({ membershipId: target.membershipId, role: "HR" });
    const events = await db().auditEvent.findMany({ where: { orgId: org.id, action: "member.role_changed" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual({ from: "INTERVIEWER", to: "HR" });
    expect(events[0]!.actorId).toBe(members.ADMIN.userId);
  });
});

describe("organisation isolation", () => {
  it("answers NOT_FOUND for another organisation's member and question, and never lists them", async () => {
    const mine = await createOrganization(["ADMIN"]);
    const theirs = await createOrganization(["ADMIN", "INTERVIEWER"]);
    const theirMember = (await callerFor(theirs.members.ADMIN.userId).org.members()).find(
      (m) => m.userId === theirs.members.INTERVIEWER.userId,
    )!;
    const theirBank = await db().questionBank.create({
      data: { orgId: theirs.org.id, slug: unique("bank"), name: "Their private bank" },
    });
    const secret = unique("zanzibarquokka");
    const theirQuestion = await db().question.create({
      data: { bankId: theirBank.id, position: 1, text: `A private question ${secret}`, assesses: "x", howToAnswer: "y", exampleAnswer: "z" },
    });

    const me = callerFor(mine.members.ADMIN.userId);
    expect(await codeOf(me.org.setMemberRole({ membershipId: theirMember.membershipId, role: "ADMIN" }))).toBe("NOT_FOUND");
    expect(await codeOf(me.banks.question({ id: theirQuestion.id }))).toBe("NOT_FOUND");
    expect((await me.banks.list()).map((b) => b.id)).not.toContain(theirBank.id);
    expect((await me.banks.searchQuestions({ query: secret })).total).toBe(0);
    expect((await me.banks.searchQuestions({ bankId: theirBank.id })).total).toBe(0);
    expect((await me.org.members()).map((m) => m.userId)).not.toContain(theirs.members.INTERVIEWER.userId);

    const them = callerFor(theirs.members.INTERVIEWER.userId);
    expect((await them.banks.searchQuestions({ query: secret })).questions.map((q) => q.id)).toEqual([theirQuestion.id]);
  });

  it("acts in the organisation the user picked, and only where they are a member", async () => {
    const first = await createOrganization(["ADMIN"]);
    const second = await createOrganization(["HR"]);
    const userId = first.members.ADMIN.userId;
    await db().membership.create({ data: { orgId: second.org.id, userId, role: "INTERVIEWER" } });
    expect((await callerFor(userId, second.org.id).org.viewer()).organization?.id).toBe(second.org.id);
    expect((await callerFor(userId, second.org.id).org.viewer()).organization?.role).toBe("INTERVIEWER");
    const stranger = await createOrganization(["ADMIN"]);
    expect((await callerFor(userId, stranger.org.id).org.viewer()).organization?.id).toBe(first.org.id);
  });
});

describe("question bank browsing", () => {
  it("filters by competency and bank, and searches with stemming", async () => {
    const { members } = await createOrganization(["INTERVIEWER"]);
    const caller = callerFor(members.INTERVIEWER.userId);
    const ethics = await caller.banks.searchQuestions({ competency: "ethics" });
    expect(ethics.total).toBeGreaterThanOrEqual(3);
    expect(ethics.questions.every((q) => q.competencies.some((c) => c.slug === "ethics"))).toBe(true);

    const banks = await caller.banks.list();
    const mhs = banks.find((b) => b.name === "Mental Health Specialist")!;
    const inBank = await caller.banks.searchQuestions({ bankId: mhs.id, limit: 100 });
    expect(inBank.total).toBe(23);
    expect(inBank.questions.map((q) => q.position)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));

    const found = await caller.banks.searchQuestions({ query: "confidentiality" });
    expect(found.total).toBeGreaterThan(0);
    const stemmed = await caller.banks.searchQuestions({ query: "confidential" });
    expect(stemmed.total).toBe(found.total);
    const question = await caller.banks.question({ id: found.questions[0]!.id });
    expect(question.competencies.every((c) => c.anchors.length === 4)).toBe(true);
  });

  it("rejects bad input with a message naming the field", async () => {
    const { members } = await createOrganization(["INTERVIEWER"]);
    const caller = callerFor(members.INTERVIEWER.userId);
    const error = await caller.banks.searchQuestions({ query: "x".repeat(500) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toMatch(/at most 200/);
  });
});

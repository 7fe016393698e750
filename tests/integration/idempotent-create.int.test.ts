// Creates carrying an idempotency key (one per form submission): two requests from one submission, even at
// the same moment, make one record; the key belongs to its user and to the action it was first used for.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, createOrganization, unique, vacancyFor } from "./factories";
import { publishedScriptVersion } from "./interview-factories";
import { codeOf, failure } from "./script-factories";

describe("idempotent creates", () => {
  it("sends one invitation from two concurrent requests of one form, a panelist's or a member's", async () => {
    const { org, members } = await createOrganization(["ADMIN"]);
    const admin = callerFor(members.ADMIN.userId);
    for (const send of [
      (email: string, idempotencyKey: string) => admin.invitations.create({ email, idempotencyKey }),
      (email: string, idempotencyKey: string) => admin.org.inviteMember({ email, role: "HR", idempotencyKey }),
    ]) {
      const email = `${unique("twice")}@test.example`;
      const key = randomUUID();
      const outcomes = await Promise.allSettled([send(email, key), send(email, key)]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const refused = outcomes.find((o) => o.status === "rejected");
      expect((refused as PromiseRejectedResult).reason.message).toContain("already sent from this form");
      expect(await db().invitation.count({ where: { orgId: org.id, email } })).toBe(1);
    }
  });

  it("makes one candidate from two concurrent requests with the same key", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { vacancyId } = await vacancyFor(org.id, { title: "Nurse" });
    const name = unique("Twice");
    const idempotencyKey = randomUUID();
    const [a, b] = await Promise.all([
      manager.candidates.create({ name, vacancyId, idempotencyKey }),
      manager.candidates.create({ name, vacancyId, idempotencyKey }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await db().candidate.count({ where: { name } })).toBe(1);

    // A later retry of the same submission answers the same record; a new submission makes a new one.
    expect((await manager.candidates.create({ name, vacancyId, idempotencyKey })).id).toBe(a.id);
    await manager.candidates.create({ name, vacancyId, idempotencyKey: randomUUID() });
    expect(await db().candidate.count({ where: { name } })).toBe(2);
  });

  it("makes one interview, script and bank from concurrent pairs", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER", "INTERVIEWER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { versionId } = await publishedScriptVersion(manager);
    const { vacancyId, stageId } = await vacancyFor(org.id, { title: "Nurse", scriptVersionId: versionId });
    const candidate = await manager.candidates.create({ name: unique("Pat"), vacancyId });
    const pair = <T>(make: (idempotencyKey: string) => Promise<T>) => {
      const key = randomUUID();
      return Promise.all([make(key), make(key)]);
    };

    const interviews = await pair((idempotencyKey) =>
      manager.interviews.create({
        candidateId: candidate.id,
        stageId,
        scheduledAt: new Date(Date.now() + 86_400_000),
        panelUserIds: [members.INTERVIEWER.userId],
        idempotencyKey,
      }),
    );
    expect(interviews[0].id).toBe(interviews[1].id);
    expect(await db().interview.findMany({ where: { candidateId: candidate.id }, select: { scriptVersionId: true } })).toEqual([
      { scriptVersionId: versionId },
    ]);

    const title = unique("Script");
    const scripts = await pair((idempotencyKey) => manager.scripts.create({ title, role: "Nurse", idempotencyKey }));
    expect(scripts[0].id).toBe(scripts[1].id);
    expect(await db().interviewScript.count({ where: { title } })).toBe(1);

    const bankName = unique("Bank");
    const banks = await pair((idempotencyKey) => manager.bankAdmin.createBank({ name: bankName, role: "Nurse", idempotencyKey }));
    expect(banks[0].id).toBe(banks[1].id);
    expect(await db().questionBank.count({ where: { name: bankName } })).toBe(1);
  });

  it("lets a submission that failed be sent again with its key, and keeps keys per user and per action", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER", "HR"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const hr = callerFor(members.HR.userId);
    const { vacancyId } = await vacancyFor(org.id, { title: "Nurse" });
    const idempotencyKey = randomUUID();

    expect(
      await codeOf(
        manager.interviews.create({
          candidateId: "no-such-candidate",
          stageId: "no-such-stage",
          scheduledAt: new Date(),
          panelUserIds: [members.HIRING_MANAGER.userId],
          idempotencyKey,
        }),
      ),
    ).toBe("NOT_FOUND");
    const name = unique("Retry");
    const first = await manager.candidates.create({ name, vacancyId, idempotencyKey });

    // Another person's identical key is theirs alone.
    const theirs = await hr.candidates.create({ name, vacancyId, idempotencyKey });
    expect(theirs.id).not.toBe(first.id);

    const reused = await failure(manager.scripts.create({ title: unique("S"), role: "Nurse", idempotencyKey }));
    expect(reused.code).toBe("CONFLICT");
    expect(reused.message).toBe("This form was already sent for something else. Reload the page and try again.");

    expect(await codeOf(manager.candidates.create({ name, vacancyId, idempotencyKey: "not a uuid" }))).toBe("BAD_REQUEST");
  });
});

// Candidates through the real router: who sees contact data, who may write, decisions and scoping.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, createOrganization, unique } from "./factories";
import { codeOf, failure } from "./script-factories";

describe("candidates", () => {
  it("shows contact data to HR and hiring managers, and refuses interviewers the list", async () => {
    const { members } = await createOrganization();
    const hr = callerFor(members.HR.userId);
    const name = unique("Robin");
    const { id } = await hr.candidates.create({
      name,
      email: "Robin@Example.org",
      phone: "07700 900123",
      position: "Mental Health Specialist",
      notes: "Referred by a colleague",
    });

    const asHr = await hr.candidates.get({ id });
    expect(asHr).toMatchObject({ name, email: "robin@example.org", phone: "07700 900123", notes: "Referred by a colleague", status: "ACTIVE" });
    const listed = await callerFor(members.HIRING_MANAGER.userId).candidates.list({ query: name.slice(0, 8).toLowerCase() });
    expect(listed.map((c) => [c.id, c.email])).toEqual([[id, "robin@example.org"]]);

    const interviewer = callerFor(members.INTERVIEWER.userId);
    expect(await codeOf(interviewer.candidates.list({}))).toBe("FORBIDDEN");
    expect(await codeOf(interviewer.candidates.get({ id }))).toBe("FORBIDDEN");
    expect(await codeOf(interviewer.candidates.create({ name: "X", position: "Y" }))).toBe("FORBIDDEN");
  });

  it("stamps decidedAt on a hiring decision, clears it when reopened, and audits without contact data", async () => {
    const { members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { id } = await manager.candidates.create({ name: "Ola", email: "ola@example.org", position: "Case Manager" });
    const hired = await manager.candidates.update({ id, status: "HIRED" });
    expect(hired.decidedAt).toBeInstanceOf(Date);
    const renamed = await manager.candidates.update({ id, name: "Ola N." });
    expect(renamed.decidedAt).toEqual(hired.decidedAt);
    const reopened = await manager.candidates.update({ id, status: "ACTIVE", email: "" });
    expect(reopened.decidedAt).toBeNull();
    expect((await manager.candidates.get({ id })).email).toBeNull();

    const audit = await db().auditEvent.findMany({ where: { entityId: id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "candidate.created",
      "candidate.status_changed",
      "candidate.updated",
      "candidate.status_changed",
    ]);
    expect(JSON.stringify(audit.map((a) => a.data))).not.toContain("ola@example.org");
  });

  it("answers not found for another organisation's candidate and names the field at fault", async () => {
    const a = await createOrganization(["HR"]);
    const b = await createOrganization(["HR"]);
    const { id } = await callerFor(a.members.HR.userId).candidates.create({ name: "Kim", position: "Nurse" });
    const other = callerFor(b.members.HR.userId);
    expect(await codeOf(other.candidates.get({ id }))).toBe("NOT_FOUND");
    expect(await codeOf(other.candidates.update({ id, status: "REJECTED" }))).toBe("NOT_FOUND");
    const bad = await failure(other.candidates.create({ name: "Kim", position: "Nurse", email: "not-an-email" }));
    expect(bad.message).toBe("email: Enter a valid email address");
  });
});

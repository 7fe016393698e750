// Candidates through the real router: who sees contact data, who may write, decisions and scoping, and the
// candidacies of one person across vacancies.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, createOrganization, unique, vacancyFor } from "./factories";
import { codeOf, failure } from "./script-factories";

/** A vacancy with two stages ("Screening", "Panel"), for tests that need a specific first stage. */
async function twoStageVacancy(orgId: string, title = unique("Support Worker"), status: "OPEN" | "ON_HOLD" | "FILLED" | "CLOSED" = "OPEN") {
  const vacancy = await db().vacancy.create({
    data: {
      orgId,
      title,
      status,
      stages: { create: [{ position: 2, name: "Panel" }, { position: 1, name: "Screening" }] },
    },
    include: { stages: { orderBy: { position: "asc" } } },
  });
  return { id: vacancy.id, title, screeningId: vacancy.stages[0]!.id };
}

describe("candidates", () => {
  it("shows contact data to HR and hiring managers, and refuses interviewers the list", async () => {
    const { org, members } = await createOrganization();
    const { vacancyId } = await vacancyFor(org.id, { title: "Mental Health Specialist" });
    const hr = callerFor(members.HR.userId);
    const name = unique("Robin");
    const { id } = await hr.candidates.create({
      name,
      email: "Robin@Example.org",
      phone: "07700 900123",
      vacancyId,
      notes: "Referred by a colleague",
    });

    const asHr = await hr.candidates.get({ id });
    expect(asHr).toMatchObject({ name, email: "robin@example.org", phone: "07700 900123", notes: "Referred by a colleague", status: "ACTIVE" });
    const listed = await callerFor(members.HIRING_MANAGER.userId).candidates.list({ query: name.slice(0, 8).toLowerCase() });
    expect(listed.map((c) => [c.id, c.email, c.vacancyTitle, c.stageName])).toEqual([[id, "robin@example.org", "Mental Health Specialist", "Interview"]]);

    const interviewer = callerFor(members.INTERVIEWER.userId);
    expect(await codeOf(interviewer.candidates.list({}))).toBe("FORBIDDEN");
    expect(await codeOf(interviewer.candidates.get({ id }))).toBe("FORBIDDEN");
    expect(await codeOf(interviewer.candidates.create({ name: "X", vacancyId }))).toBe("FORBIDDEN");
  });

  it("stamps decidedAt on a hiring decision, clears it when reopened, and audits without contact data", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER"]);
    const { vacancyId } = await vacancyFor(org.id, { title: "Case Manager" });
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { id } = await manager.candidates.create({ name: "Ola", email: "ola@example.org", vacancyId });
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

  it("answers not found for another organisation's candidate or vacancy and names the field at fault", async () => {
    const a = await createOrganization(["HR"]);
    const b = await createOrganization(["HR"]);
    const aVacancy = await vacancyFor(a.org.id, { title: "Nurse" });
    const bVacancy = await vacancyFor(b.org.id, { title: "Nurse" });
    const { id } = await callerFor(a.members.HR.userId).candidates.create({ name: "Kim", vacancyId: aVacancy.vacancyId });
    const other = callerFor(b.members.HR.userId);
    expect(await codeOf(other.candidates.get({ id }))).toBe("NOT_FOUND");
    expect(await codeOf(other.candidates.update({ id, status: "REJECTED" }))).toBe("NOT_FOUND");
    expect(await codeOf(other.candidates.create({ name: "Kim", vacancyId: aVacancy.vacancyId }))).toBe("NOT_FOUND");
    const bad = await failure(other.candidates.create({ name: "Kim", vacancyId: bVacancy.vacancyId, email: "not-an-email" }));
    expect(bad.message).toBe("email: Enter a valid email address");
  });
});

describe("vacancies and people", () => {
  it("puts a new candidate at the vacancy's first stage and refuses a closed or filled vacancy", async () => {
    const { org, members } = await createOrganization(["HR"]);
    const hr = callerFor(members.HR.userId);
    const open = await twoStageVacancy(org.id);
    const { id } = await hr.candidates.create({ name: "Nia", vacancyId: open.id });
    const page = await hr.candidates.get({ id });
    expect(page.vacancy).toMatchObject({ id: open.id, title: open.title });
    expect(page.stage).toEqual({ id: open.screeningId, name: "Screening" });

    const onHold = await twoStageVacancy(org.id, unique("On hold"), "ON_HOLD");
    await hr.candidates.create({ name: "Nia", vacancyId: onHold.id });
    for (const status of ["CLOSED", "FILLED"] as const) {
      const shut = await twoStageVacancy(org.id, unique("Shut"), status);
      const refused = await failure(hr.candidates.create({ name: "Nia", vacancyId: shut.id }));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(refused.message).toBe(`The vacancy «${shut.title}» is ${status === "CLOSED" ? "closed" : "filled"}: it takes no new candidates.`);
    }
    const options = await hr.candidates.vacancyOptions();
    expect(options.filter((v) => v.id === open.id || v.id === onHold.id).map((v) => v.status).sort()).toEqual(["ON_HOLD", "OPEN"]);
    // The list filters by vacancy.
    expect((await hr.candidates.list({ vacancyId: onHold.id })).map((c) => c.vacancyTitle)).toEqual([onHold.title]);
  });

  it("reuses the person with the same email (any case) and refuses a second candidacy for the same vacancy", async () => {
    const { org, members } = await createOrganization(["HR"]);
    const hr = callerFor(members.HR.userId);
    const first = await twoStageVacancy(org.id);
    const second = await twoStageVacancy(org.id);
    const a = await hr.candidates.create({ name: "Lee Park", email: "lee.park@example.org", vacancyId: first.id });
    const b = await hr.candidates.create({ name: "Lee Park", email: "LEE.Park@Example.org", vacancyId: second.id });
    const c = await hr.candidates.create({ name: "Lee Park", email: "someone.else@example.org", vacancyId: second.id });
    const people = await db().candidate.findMany({ where: { id: { in: [a.id, b.id, c.id] } }, select: { id: true, personId: true } });
    const personOf = Object.fromEntries(people.map((p) => [p.id, p.personId]));
    expect(personOf[a.id]).toBe(personOf[b.id]);
    expect(personOf[c.id]).not.toBe(personOf[a.id]);

    const twice = await failure(hr.candidates.create({ name: "Lee", email: "lee.park@example.org", vacancyId: first.id }));
    expect(twice.code).toBe("CONFLICT");
    expect(twice.message).toBe(`Lee Park has already applied to «${first.title}».`);

    // Each candidate page links to the person's other candidacies.
    const page = await hr.candidates.get({ id: a.id });
    expect(page.otherCandidacies).toEqual([{ id: b.id, vacancyId: second.id, vacancyTitle: second.title, stageName: "Screening", status: "ACTIVE" }]);
  });

  it("applies the same person to another vacancy once, even when the form is sent twice, and refuses a duplicate", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER", "INTERVIEWER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const first = await twoStageVacancy(org.id);
    const second = await twoStageVacancy(org.id);
    const { id } = await manager.candidates.create({
      name: "Ari Stone",
      email: "ari@example.org",
      phone: "07700 900555",
      notes: "First application",
      vacancyId: first.id,
    });

    const idempotencyKey = randomUUID();
    const [x, y] = await Promise.all([
      manager.candidates.applyToVacancy({ candidateId: id, vacancyId: second.id, idempotencyKey }),
      manager.candidates.applyToVacancy({ candidateId: id, vacancyId: second.id, idempotencyKey }),
    ]);
    expect(x.id).toBe(y.id);
    const applied = await manager.candidates.get({ id: x.id });
    expect(applied).toMatchObject({
      name: "Ari Stone",
      email: "ari@example.org",
      phone: "07700 900555",
      notes: "",
      vacancy: { id: second.id },
      stage: { name: "Screening" },
      otherCandidacies: [{ id, vacancyTitle: first.title }],
    });

    const again = await failure(manager.candidates.applyToVacancy({ candidateId: id, vacancyId: second.id }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toBe(`Ari Stone has already applied to «${second.title}».`);
    const back = await failure(manager.candidates.applyToVacancy({ candidateId: x.id, vacancyId: first.id }));
    expect(back.code).toBe("CONFLICT");
    expect(await db().candidate.count({ where: { email: "ari@example.org", orgId: org.id } })).toBe(2);

    const other = await createOrganization(["HIRING_MANAGER"]);
    const foreign = await twoStageVacancy(other.org.id);
    expect(await codeOf(manager.candidates.applyToVacancy({ candidateId: id, vacancyId: foreign.id }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(other.members.HIRING_MANAGER.userId).candidates.applyToVacancy({ candidateId: id, vacancyId: foreign.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(callerFor(members.INTERVIEWER.userId).candidates.applyToVacancy({ candidateId: id, vacancyId: second.id }))).toBe(
      "FORBIDDEN",
    );
  });

  it("changes name, email and phone on every candidacy of the person, notes and status on one", async () => {
    const { org, members } = await createOrganization(["HR"]);
    const hr = callerFor(members.HR.userId);
    const first = await twoStageVacancy(org.id);
    const second = await twoStageVacancy(org.id);
    const { id } = await hr.candidates.create({ name: "Jo Reed", email: "jo@example.org", vacancyId: first.id });
    const { id: otherId } = await hr.candidates.applyToVacancy({ candidateId: id, vacancyId: second.id });

    await hr.candidates.update({ id: otherId, name: "Jo Reed-Hall", email: "Jo.Hall@example.org", phone: "07700 900777", notes: "Moved", status: "WITHDRAWN" });
    const original = await hr.candidates.get({ id });
    expect(original).toMatchObject({ name: "Jo Reed-Hall", email: "jo.hall@example.org", phone: "07700 900777", notes: "", status: "ACTIVE" });
    expect(await hr.candidates.get({ id: otherId })).toMatchObject({ name: "Jo Reed-Hall", notes: "Moved", status: "WITHDRAWN" });

    // Only notes: the other candidacy is left as it was.
    await hr.candidates.update({ id, notes: "Strong references" });
    expect((await hr.candidates.get({ id: otherId })).notes).toBe("Moved");
  });
});

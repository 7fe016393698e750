// Interview scripts through the real tRPC router: versioning, access, validation, concurrency and printing.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, createCandidateRecord, createOrganization, unique } from "./factories";
import {
  builtInCompetencies,
  builtInQuestions,
  codeOf,
  createScriptWithContent,
  draft,
  failure,
  item,
} from "./script-factories";

async function scheduleInterview(orgId: string, scriptVersionId: string) {
  const candidate = await createCandidateRecord(orgId, { name: "Sam Candidate", position: "Crisis Worker", scriptVersionId });
  return db().interview.create({
    data: { orgId, candidateId: candidate.id, stageId: candidate.stageId, scriptVersionId, scheduledAt: new Date("2026-12-01T10:00:00Z") },
  });
}

describe("script versions", () => {
  it("publishes v1, keeps an interview on v1 while v2 is drafted and published", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { id, saved, content } = await createScriptWithContent(manager);
    expect(saved).toMatchObject({ version: 1, createdNewVersion: false });

    const v1 = await manager.scripts.publish({ id, baseUpdatedAt: saved.updatedAt });
    expect(v1).toMatchObject({ version: 1, versionId: saved.versionId });
    const interview = await scheduleInterview(org.id, v1.versionId);

    const afterPublish = await manager.scripts.get({ id });
    expect(afterPublish.status).toBe("PUBLISHED");
    const changed = structuredClone(content);
    changed.sections[0]!.items[0]!.text = "What draws you to crisis work?";
    const v2draft = await manager.scripts.saveDraft(draft(afterPublish, changed));
    expect(v2draft).toMatchObject({ version: 2, createdNewVersion: true });
    expect(v2draft.versionId).not.toBe(v1.versionId);

    // A second save edits the open v2 draft in place.
    changed.sections[1]!.items.pop();
    const again = await manager.scripts.saveDraft(
      draft({ ...afterPublish, updatedAt: v2draft.updatedAt }, changed),
    );
    expect(again).toMatchObject({ version: 2, versionId: v2draft.versionId, createdNewVersion: false });

    const v2 = await manager.scripts.publish({ id, baseUpdatedAt: again.updatedAt });
    expect(v2.version).toBe(2);

    const stillV1 = await db().interview.findUniqueOrThrow({ where: { id: interview.id } });
    expect(stillV1.scriptVersionId).toBe(v1.versionId);
    const v1Print = await manager.scripts.printable({ id, versionId: v1.versionId });
    expect(v1Print.version).toBe(1);
    expect(v1Print.sections.map((s) => s.items.map((i) => i.text))).toEqual([
      ["Why this work?"],
      ["A client asks you to keep a secret.", "A caller says they want to end their life."],
    ]);

    const loaded = await manager.scripts.get({ id });
    expect(loaded.version.version).toBe(2);
    expect(loaded.version.publishedAt).not.toBeNull();
    expect(loaded.version.sections.map((s) => s.items.map((i) => i.text))).toEqual([
      ["What draws you to crisis work?"],
      ["A client asks you to keep a secret."],
    ]);
    expect(loaded.versions.map((v) => [v.version, v.interviewCount])).toEqual([
      [1, 1],
      [2, 0],
    ]);
  });

  it("creates version 1 with an empty Opening section, and round-trips every field through get", async () => {
    const { members } = await createOrganization(["ADMIN"]);
    const admin = callerFor(members.ADMIN.userId);
    const { id } = await admin.scripts.create({ title: "Case manager panel", role: "Clinical Case Manager", plannedMinutes: 45 });
    const created = await admin.scripts.get({ id });
    expect(created).toMatchObject({ title: "Case manager panel", status: "DRAFT", canEdit: true });
    expect(created.version).toMatchObject({ version: 1, publishedAt: null, plannedMinutes: 45, instructions: "", targets: [] });
    expect(created.version.sections).toEqual([{ id: expect.any(String), title: "Opening", items: [] }]);

    const c = await builtInCompetencies();
    const [question] = await builtInQuestions(1);
    const stored = item([c.collaboration!, c.advocacy!, c.empathy!], {
      questionId: question!.id,
      text: question!.text,
      exampleAnswer: question!.exampleAnswer,
      probes: ["Who else was involved?", "What was the outcome?"],
      required: false,
      minutes: 12,
    });
    const targets = [
      { competencyId: c.ethics!, weight: 10 },
      { competencyId: c.collaboration!, weight: 90 },
    ];
    await admin.scripts.saveDraft(
      draft(created, { instructions: "Two panelists.", plannedMinutes: 90, targets, sections: [{ title: "Teamwork", items: [stored] }] }),
    );
    const loaded = await admin.scripts.get({ id });
    expect(loaded.version).toMatchObject({ instructions: "Two panelists.", plannedMinutes: 90, targets });
    expect(loaded.version.sections).toHaveLength(1);
    expect(loaded.version.sections[0]!.items).toEqual([{ id: expect.any(String), ...stored }]);
    expect(loaded.version.sections[0]!.items[0]!.exampleAnswer.length).toBeGreaterThan(20);
  });
});

describe("who may do what with scripts", () => {
  it("lets interviewers and HR read and print, but not write", async () => {
    const { members } = await createOrganization();
    const { id } = await createScriptWithContent(callerFor(members.HIRING_MANAGER.userId));
    for (const role of ["INTERVIEWER", "HR"] as const) {
      const caller = callerFor(members[role].userId);
      expect((await caller.scripts.list()).map((s) => s.id), role).toContain(id);
      const loaded = await caller.scripts.get({ id });
      expect(loaded.canEdit, role).toBe(false);
      expect((await caller.scripts.printable({ id })).sections).toHaveLength(2);
      expect(await caller.scripts.roles()).toEqual(["Crisis Worker"]);

      expect(await codeOf(caller.scripts.create({ title: "Mine", role: "Nurse" })), role).toBe("FORBIDDEN");
      expect(await codeOf(caller.scripts.saveDraft(draft(loaded))), role).toBe("FORBIDDEN");
      expect(await codeOf(caller.scripts.publish({ id, baseUpdatedAt: loaded.updatedAt })), role).toBe("FORBIDDEN");
      expect(await codeOf(caller.scripts.duplicate({ id })), role).toBe("FORBIDDEN");
      expect(await codeOf(caller.scripts.archive({ id })), role).toBe("FORBIDDEN");
      expect(await codeOf(caller.scripts.restore({ id })), role).toBe("FORBIDDEN");
    }
    expect((await callerFor(members.ADMIN.userId).scripts.get({ id })).canEdit).toBe(true);
    // Nothing the refused calls tried was written.
    expect((await callerFor(members.ADMIN.userId).scripts.get({ id })).status).toBe("DRAFT");
  });

  it("answers NOT_FOUND to another organisation and UNAUTHORIZED when signed out", async () => {
    const mine = await createOrganization(["HIRING_MANAGER"]);
    const theirs = await createOrganization(["ADMIN"]);
    const { id, loaded } = await createScriptWithContent(callerFor(mine.members.HIRING_MANAGER.userId));
    const stranger = callerFor(theirs.members.ADMIN.userId);
    expect(await codeOf(stranger.scripts.get({ id }))).toBe("NOT_FOUND");
    expect(await codeOf(stranger.scripts.printable({ id }))).toBe("NOT_FOUND");
    expect(await codeOf(stranger.scripts.saveDraft(draft(loaded)))).toBe("NOT_FOUND");
    expect(await codeOf(stranger.scripts.publish({ id, baseUpdatedAt: loaded.updatedAt }))).toBe("NOT_FOUND");
    expect(await codeOf(stranger.scripts.duplicate({ id }))).toBe("NOT_FOUND");
    expect(await codeOf(stranger.scripts.archive({ id }))).toBe("NOT_FOUND");
    expect((await stranger.scripts.list()).map((s) => s.id)).not.toContain(id);
    expect(await stranger.scripts.roles()).toEqual([]);

    const anonymous = callerFor(null);
    expect(await codeOf(anonymous.scripts.list())).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.scripts.get({ id }))).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.scripts.saveDraft(draft(loaded)))).toBe("UNAUTHORIZED");
  });
});

describe("publishing checks", () => {
  it("refuses weights that don't add up to 100, naming the total", async () => {
    const { members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { id, loaded, content } = await createScriptWithContent(manager);
    const ninety = { ...content, targets: content.targets.map((t, i) => (i === 0 ? { ...t, weight: 40 } : t)) };
    const saved = await manager.scripts.saveDraft(draft(loaded, ninety));

    const error = await failure(manager.scripts.publish({ id, baseUpdatedAt: saved.updatedAt }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("Competency weights must add up to 100% (now 90%).");
    const after = await manager.scripts.get({ id });
    expect(after.status).toBe("DRAFT");
    expect(after.version.publishedAt).toBeNull();
    expect(after.updatedAt).toEqual(saved.updatedAt);
  });

  it("rejects a weight over 100 on save, naming the field", async () => {
    const { members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { loaded, content } = await createScriptWithContent(manager);
    const error = await failure(
      manager.scripts.saveDraft(draft(loaded, { ...content, targets: [{ competencyId: content.targets[0]!.competencyId, weight: 120 }] })),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("targets.0.weight: Weight must be between 0 and 100");
  });

  it("gives human messages for other invalid input", async () => {
    const { members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { loaded, content, competencies: c } = await createScriptWithContent(manager);
    expect((await failure(manager.scripts.create({ title: "  ", role: "Nurse" }))).message).toBe("title: Title is required");
    const tooLong = structuredClone(content);
    tooLong.sections[1]!.items[0]!.minutes = 121;
    tooLong.sections[1]!.items[1]!.competencyIds = [c.empathy!, c.empathy!];
    const message = (await failure(manager.scripts.saveDraft(draft(loaded, tooLong)))).message;
    expect(message).toContain("sections.1.items.0.minutes: Minutes must be between 1 and 120");
    expect(message).toContain("sections.1.items.1.competencyIds.1: Each competency can be chosen once");
  });

  it("saves a draft with a question not tagged yet, but won't publish it until it is", async () => {
    const { members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { id, loaded, content } = await createScriptWithContent(manager);
    const untagged = structuredClone(content);
    untagged.sections[0]!.items.push(item([], { text: "A custom question written on the spot" }));
    const saved = await manager.scripts.saveDraft(draft(loaded, untagged));
    const reloaded = await manager.scripts.get({ id });
    expect(reloaded.version.sections[0]!.items.at(-1)).toMatchObject({ text: "A custom question written on the spot", competencyIds: [] });

    const refused = await failure(manager.scripts.publish({ id, baseUpdatedAt: saved.updatedAt }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/needs one to three competencies/);
    expect((await manager.scripts.get({ id })).version.publishedAt).toBeNull();
  });

  it("refuses to publish a script without questions, and says when there is nothing to publish", async () => {
    const { members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { id } = await manager.scripts.create({ title: "Empty", role: "Nurse" });
    const empty = await manager.scripts.get({ id });
    const refused = await failure(manager.scripts.publish({ id, baseUpdatedAt: empty.updatedAt }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/at least one question/);
    expect((await manager.scripts.get({ id })).status).toBe("DRAFT");

    const ready = await createScriptWithContent(manager);
    const published = await manager.scripts.publish({ id: ready.id, baseUpdatedAt: ready.saved.updatedAt });
    const twice = await failure(manager.scripts.publish({ id: ready.id, baseUpdatedAt: published.updatedAt }));
    expect(twice.code).toBe("CONFLICT");
    expect(twice.message).toBe("Nothing to publish: the latest version is already published.");
  });
});

describe("saving from two places", () => {
  it("keeps the first save and refuses the second one made from the same starting point", async () => {
    const { members } = await createOrganization(["HIRING_MANAGER", "ADMIN"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { id, saved, content } = await createScriptWithContent(manager);
    const loaded = await manager.scripts.get({ id });
    expect(loaded.updatedAt).toEqual(saved.updatedAt);

    const first = structuredClone(content);
    first.sections[0]!.title = "First tab";
    const second = structuredClone(content);
    second.sections[0]!.title = "Second tab";
    const firstSave = await manager.scripts.saveDraft(draft(loaded, first));
    expect(firstSave.updatedAt.getTime()).toBeGreaterThan(loaded.updatedAt.getTime());

    const error = await failure(callerFor(members.ADMIN.userId).scripts.saveDraft(draft(loaded, second)));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      "This script was changed elsewhere (another tab or person). Reload to see the latest version.",
    );
    const after = await manager.scripts.get({ id });
    expect(after.version.sections[0]!.title).toBe("First tab");
    expect(after.updatedAt).toEqual(firstSave.updatedAt);
    expect(await codeOf(manager.scripts.publish({ id, baseUpdatedAt: loaded.updatedAt }))).toBe("CONFLICT");
  });

  it("lets only one of two simultaneous saves win", async () => {
    const { members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { id, content } = await createScriptWithContent(manager);
    const loaded = await manager.scripts.get({ id });
    const results = await Promise.allSettled(
      ["A", "B", "C"].map((title) =>
        manager.scripts.saveDraft(draft(loaded, { ...content, sections: [{ title, items: content.sections[0]!.items }] })),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.map((r) => (r.reason as { code?: string }).code)).toEqual(["CONFLICT", "CONFLICT"]);
    const after = await manager.scripts.get({ id });
    expect(after.version.sections).toHaveLength(1);
    expect(after.versions).toHaveLength(1);
  });
});

describe("references to competencies and questions", () => {
  it("refuses unknown competencies and other organisations' questions, writing nothing", async () => {
    const { members } = await createOrganization(["HIRING_MANAGER"]);
    const other = await createOrganization(["ADMIN"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { id, content } = await createScriptWithContent(manager);
    const before = await manager.scripts.get({ id });

    const unknownCompetency = structuredClone(content);
    unknownCompetency.sections[1]!.items[1]!.competencyIds = ["no-such-competency"];
    const error = await failure(manager.scripts.saveDraft(draft(before, unknownCompetency)));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("sections.1.items.1.competencyIds: Unknown competency");

    const theirCompetency = await db().competency.create({
      data: { orgId: other.org.id, slug: unique("private"), name: "Private", definition: "Theirs" },
    });
    const foreignTarget = { ...content, targets: [...content.targets, { competencyId: theirCompetency.id, weight: 0 }] };
    expect((await failure(manager.scripts.saveDraft(draft(before, foreignTarget)))).message).toBe(
      "targets.3.competencyId: Unknown competency",
    );

    const theirBank = await db().questionBank.create({ data: { orgId: other.org.id, slug: unique("bank"), name: "Theirs" } });
    const theirQuestion = await db().question.create({
      data: { bankId: theirBank.id, position: 1, text: "Private question", assesses: "x", howToAnswer: "y", exampleAnswer: "z" },
    });
    const foreignQuestion = structuredClone(content);
    foreignQuestion.sections[0]!.items[0]!.questionId = theirQuestion.id;
    const questionError = await failure(manager.scripts.saveDraft(draft(before, { ...foreignQuestion, title: "Renamed" })));
    expect(questionError.code).toBe("BAD_REQUEST");
    expect(questionError.message).toBe("sections.0.items.0.questionId: Unknown question");

    const after = await manager.scripts.get({ id });
    expect(after).toEqual(before);
  });
});

describe("audit, duplicates, archive and the list", () => {
  it("records publishing and every later save of a published script", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { id, saved, content } = await createScriptWithContent(manager);
    const actions = async () =>
      (await db().auditEvent.findMany({ where: { orgId: org.id, entityId: id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(await actions()).toEqual(["script.created"]); // drafts of a never-published script are not logged

    const published = await manager.scripts.publish({ id, baseUpdatedAt: saved.updatedAt });
    const loaded = await manager.scripts.get({ id });
    const v2 = await manager.scripts.saveDraft(draft(loaded, content));
    await manager.scripts.saveDraft(draft({ ...loaded, updatedAt: v2.updatedAt }, content));
    expect(await actions()).toEqual([
      "script.created",
      "script.published",
      "script.version_created",
      "script.draft_saved",
      "script.draft_saved",
    ]);
    const events = await db().auditEvent.findMany({ where: { orgId: org.id, entityId: id }, orderBy: { id: "asc" } });
    expect(events[1]!.data).toMatchObject({ version: 1, versionId: published.versionId, items: 3, sections: 2 });
    expect(events[2]!.data).toEqual({ version: 2, fromVersion: 1 });
    expect(events[3]!.data).toMatchObject({ version: 2, publishedVersion: 1, items: 3 });
    expect(events.every((e) => e.actorId === members.HIRING_MANAGER.userId)).toBe(true);
  });

  it("duplicates the working version into a new draft script", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { id, saved } = await createScriptWithContent(manager, { title: "Peer support panel" });
    await manager.scripts.publish({ id, baseUpdatedAt: saved.updatedAt });
    const original = await manager.scripts.get({ id });

    const copy = await manager.scripts.duplicate({ id });
    const duplicated = await manager.scripts.get({ id: copy.id });
    expect(duplicated).toMatchObject({ title: "Copy of Peer support panel", role: original.role, status: "DRAFT" });
    expect(duplicated.versions.map((v) => v.version)).toEqual([1]);
    expect(duplicated.version.publishedAt).toBeNull();
    const strip = (v: typeof original.version) => ({
      instructions: v.instructions,
      plannedMinutes: v.plannedMinutes,
      targets: v.targets,
      sections: v.sections.map((s) => ({ title: s.title, items: s.items.map(({ id: _id, ...rest }) => rest) })),
    });
    expect(strip(duplicated.version)).toEqual(strip(original.version));
    expect(duplicated.version.sections[0]!.id).not.toBe(original.version.sections[0]!.id);
    const event = await db().auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "script.duplicated" } });
    expect(event).toMatchObject({ entityId: copy.id, data: { fromScriptId: id, fromVersion: 1, items: 3 } });
  });

  it("hides archived scripts from the default list until restored, and refuses editing them", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const published = await createScriptWithContent(manager);
    await manager.scripts.publish({ id: published.id, baseUpdatedAt: published.saved.updatedAt });
    const { id: draftOnly } = await manager.scripts.create({ title: "Never published", role: "Nurse" });

    for (const id of [published.id, draftOnly]) expect(await manager.scripts.archive({ id })).toEqual({ id, status: "ARCHIVED" });
    expect((await manager.scripts.list()).map((s) => s.id)).toEqual([]);
    expect((await manager.scripts.list({ status: "ARCHIVED" })).map((s) => s.id).sort()).toEqual([published.id, draftOnly].sort());
    const archived = await manager.scripts.get({ id: published.id });
    expect(archived.canEdit).toBe(false);
    const refused = await failure(manager.scripts.saveDraft(draft(archived, published.content)));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/archived/);
    // Archiving twice changes nothing and logs nothing more.
    expect(await manager.scripts.archive({ id: published.id })).toEqual({ id: published.id, status: "ARCHIVED" });

    expect(await manager.scripts.restore({ id: published.id })).toEqual({ id: published.id, status: "PUBLISHED" });
    expect(await manager.scripts.restore({ id: draftOnly })).toEqual({ id: draftOnly, status: "DRAFT" });
    expect((await manager.scripts.list()).map((s) => s.id).sort()).toEqual([published.id, draftOnly].sort());
    const events = await db().auditEvent.groupBy({
      by: ["action"],
      where: { orgId: org.id, action: { in: ["script.archived", "script.restored"] } },
      _count: true,
    });
    expect(Object.fromEntries(events.map((e) => [e.action, e._count]))).toEqual({ "script.archived": 2, "script.restored": 2 });
  });

  it("filters by role, status and search text and reports the size of the working version", async () => {
    const { members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const crisis = await createScriptWithContent(manager, { title: "Night shift crisis line", role: "Crisis Worker" });
    await manager.scripts.publish({ id: crisis.id, baseUpdatedAt: crisis.saved.updatedAt });
    const { id: nurse } = await manager.scripts.create({ title: "Ward nurse 100%_match", role: "Nurse" });

    const all = await manager.scripts.list();
    expect(all.map((s) => s.id)).toEqual([nurse, crisis.id]); // most recently changed first
    expect(all.find((s) => s.id === crisis.id)).toMatchObject({
      status: "PUBLISHED",
      latestVersion: 1,
      publishedVersion: 1,
      hasUnpublishedDraft: false,
      itemCount: 3,
      totalMinutes: 40,
    });
    expect(all.find((s) => s.id === nurse)).toMatchObject({
      status: "DRAFT",
      latestVersion: 1,
      publishedVersion: null,
      hasUnpublishedDraft: true,
      itemCount: 0,
      totalMinutes: 0,
    });

    // A draft v2 with one item fewer: the list reports the working version, not the published one.
    const loaded = await manager.scripts.get({ id: crisis.id });
    const smaller = structuredClone(crisis.content);
    smaller.sections[1]!.items.pop();
    await manager.scripts.saveDraft(draft(loaded, smaller));
    expect((await manager.scripts.list({ role: "Crisis Worker" }))).toEqual([
      expect.objectContaining({ id: crisis.id, latestVersion: 2, publishedVersion: 1, hasUnpublishedDraft: true, itemCount: 2, totalMinutes: 20 }),
    ]);

    expect((await manager.scripts.list({ role: "Nurse" })).map((s) => s.id)).toEqual([nurse]);
    expect((await manager.scripts.list({ status: "PUBLISHED" })).map((s) => s.id)).toEqual([crisis.id]);
    expect((await manager.scripts.list({ status: "DRAFT" })).map((s) => s.id)).toEqual([nurse]);
    expect((await manager.scripts.list({ query: "CRISIS line" })).map((s) => s.id)).toEqual([crisis.id]);
    expect((await manager.scripts.list({ query: "nurse" })).map((s) => s.id)).toEqual([nurse]); // role matches too
    expect((await manager.scripts.list({ query: "%_" })).map((s) => s.id)).toEqual([nurse]); // literal characters
    expect((await manager.scripts.list({ query: "zzz" }))).toEqual([]);
    expect(await manager.scripts.roles()).toEqual(["Crisis Worker", "Nurse"]);
  });
});

describe("printing", () => {
  it("prints each question with its competencies' anchors, and an old version by id", async () => {
    const { members } = await createOrganization(["HIRING_MANAGER", "INTERVIEWER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { id, saved, content, competencies: c } = await createScriptWithContent(manager);
    const v1 = await manager.scripts.publish({ id, baseUpdatedAt: saved.updatedAt });
    const loaded = await manager.scripts.get({ id });
    const changed = structuredClone(content);
    changed.sections[0]!.items[0]!.text = "Version two opener";
    await manager.scripts.saveDraft(draft(loaded, changed));

    const interviewer = callerFor(members.INTERVIEWER.userId);
    const current = await interviewer.scripts.printable({ id });
    expect(current).toMatchObject({ title: loaded.title, role: "Crisis Worker", version: 2, publishedAt: null, totalMinutes: 40 });
    expect(current.sections[0]!.items[0]!.text).toBe("Version two opener");

    const old = await interviewer.scripts.printable({ id, versionId: v1.versionId });
    expect(old.version).toBe(1);
    expect(old.publishedAt).toBeInstanceOf(Date);
    expect(old.instructions).toBe("Welcome the candidate and explain the format.");
    expect(old.sections[0]!.items[0]!.text).toBe("Why this work?");
    const secret = old.sections[1]!.items[0]!;
    expect(secret.competencies.map((x) => x.id)).toEqual([c.ethics, c.empathy]);
    for (const competency of old.sections.flatMap((s) => s.items.flatMap((i) => i.competencies))) {
      expect(competency.definition.length).toBeGreaterThan(20);
      expect(competency.anchors.map((a) => a.level)).toEqual([1, 2, 3, 4]);
      expect(competency.anchors.every((a) => a.description.length > 20)).toBe(true);
    }
    expect(old.sections[1]!.items[1]).toMatchObject({ required: false, minutes: 20, probes: ["What would you do differently?"] });

    const otherScript = await createScriptWithContent(manager);
    expect(await codeOf(interviewer.scripts.printable({ id, versionId: otherScript.saved.versionId }))).toBe("NOT_FOUND");
  });
});

// Organisations' own banks through the real tRPC router: who may write, where, what the audit log keeps,
// and the article import (preview, then all-or-nothing confirm).
import { readFileSync } from "node:fs";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, createOrganization, unique } from "./factories";

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
    return { code: "OK", message: "" };
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    throw error;
  }
}

const question = (text: string, competencySlugs = ["empathy"]) => ({
  text,
  assesses: "How the candidate builds trust.",
  howToAnswer: "Describe a concrete situation and what you did.",
  exampleAnswer: "“I listened first, then…”",
  competencySlugs,
});

async function builtInQuestion(caller: ReturnType<typeof callerFor>) {
  const banks = await caller.banks.list();
  const builtIn = banks.find((b) => b.builtIn && b.name === "Mental Health Specialist")!;
  const { questions } = await caller.banks.searchQuestions({ bankId: builtIn.id, limit: 1 });
  return { bank: builtIn, question: questions[0]! };
}

const auditActions = async (orgId: string) =>
  (await db().auditEvent.findMany({ where: { orgId }, orderBy: { id: "asc" }, select: { action: true } })).map((e) => e.action);

describe("who may write banks", () => {
  it("lets admins and hiring managers write, and answers FORBIDDEN to interviewers and HR", async () => {
    const { org, members } = await createOrganization();
    const admin = callerFor(members.ADMIN.userId);
    const { id: bankId } = await admin.bankAdmin.createBank({ name: unique("Admin bank") });
    expect(await errorOf(callerFor(members.HIRING_MANAGER.userId).bankAdmin.createBank({ name: unique("HM bank") }))).toEqual({
      code: "OK",
      message: "",
    });

    for (const role of ["INTERVIEWER", "HR"] as const) {
      const caller = callerFor(members[role].userId);
      const attempts = [
        () => caller.bankAdmin.createBank({ name: unique("Nope") }),
        () => caller.bankAdmin.updateBank({ id: bankId, name: "Renamed" }),
        () => caller.bankAdmin.deleteBank({ id: bankId }),
        () => caller.bankAdmin.addQuestion({ bankId, ...question("How do you build trust?") }),
        () => caller.bankAdmin.previewImport({ source: "anything" }),
        () => caller.bankAdmin.confirmImport({ target: { bankId }, questions: [question("How do you build trust?")] }),
        () => caller.bankAdmin.myBanks(),
      ];
      for (const attempt of attempts) expect((await errorOf(attempt())).code, role).toBe("FORBIDDEN");
    }
    expect(await db().question.count({ where: { bankId } })).toBe(0);
    expect((await db().questionBank.findUniqueOrThrow({ where: { id: bankId } })).name).toMatch(/^Admin bank/);
    expect(await auditActions(org.id)).toEqual(["bank.created", "bank.created"]);
  });

  it("answers NOT_FOUND for another organisation's bank and question, and changes nothing", async () => {
    const mine = await createOrganization(["HIRING_MANAGER"]);
    const theirs = await createOrganization(["HIRING_MANAGER"]);
    const them = callerFor(theirs.members.HIRING_MANAGER.userId);
    const { id: theirBank } = await them.bankAdmin.createBank({ name: "Their bank" });
    const { id: theirQuestion } = await them.bankAdmin.addQuestion({ bankId: theirBank, ...question("Their private question?") });

    const me = callerFor(mine.members.HIRING_MANAGER.userId);
    const { id: myBank } = await me.bankAdmin.createBank({ name: "My bank" });
    const builtIn = (await builtInQuestion(me)).question.id;
    const attempts = [
      () => me.bankAdmin.ownBank({ id: theirBank }),
      () => me.bankAdmin.updateBank({ id: theirBank, name: "Mine now" }),
      () => me.bankAdmin.deleteBank({ id: theirBank }),
      () => me.bankAdmin.addQuestion({ bankId: theirBank, ...question("Sneaking a question in?") }),
      () => me.bankAdmin.updateQuestion({ id: theirQuestion, ...question("Rewritten by a stranger?") }),
      () => me.bankAdmin.deleteQuestion({ id: theirQuestion }),
      () => me.bankAdmin.copyQuestion({ questionId: theirQuestion, bankId: myBank }),
      () => me.bankAdmin.copyQuestion({ questionId: builtIn, bankId: theirBank }),
      () => me.bankAdmin.confirmImport({ target: { bankId: theirBank }, questions: [question("Imported into theirs?")] }),
    ];
    for (const attempt of attempts) expect(await errorOf(attempt())).toEqual({ code: "NOT_FOUND", message: expect.stringMatching(/not found/) });

    const bank = await them.bankAdmin.ownBank({ id: theirBank });
    expect(bank.name).toBe("Their bank");
    expect(bank.questions.map((q) => q.text)).toEqual(["Their private question?"]);
    expect((await me.bankAdmin.myBanks()).map((b) => b.name)).toEqual(["My bank"]);
    expect(await db().question.count({ where: { bankId: myBank } })).toBe(0);
  });

  it("refuses writes to a built-in bank with the read-only message", async () => {
    const { org, members } = await createOrganization(["ADMIN"]);
    const admin = callerFor(members.ADMIN.userId);
    const { bank, question: original } = await builtInQuestion(admin);
    const readOnly = {
      code: "FORBIDDEN",
      message: "Built-in banks are read-only: copy the question into one of your banks to change it.",
    };
    expect(await errorOf(admin.bankAdmin.updateBank({ id: bank.id, name: "Hijacked" }))).toEqual(readOnly);
    expect(await errorOf(admin.bankAdmin.deleteBank({ id: bank.id }))).toEqual(readOnly);
    expect(await errorOf(admin.bankAdmin.addQuestion({ bankId: bank.id, ...question("Added to a built-in bank?") }))).toEqual(readOnly);
    expect(await errorOf(admin.bankAdmin.updateQuestion({ id: original.id, ...question("Rewritten built-in?") }))).toEqual(readOnly);
    expect(await errorOf(admin.bankAdmin.deleteQuestion({ id: original.id }))).toEqual(readOnly);
    expect(await errorOf(admin.bankAdmin.copyQuestion({ questionId: original.id, bankId: bank.id }))).toEqual(readOnly);
    expect(await errorOf(admin.bankAdmin.confirmImport({ target: { bankId: bank.id }, questions: [question("Imported?")] }))).toEqual(
      readOnly,
    );
    expect((await admin.banks.list()).find((b) => b.id === bank.id)).toMatchObject({ name: "Mental Health Specialist", questionCount: 23 });
    expect((await admin.banks.question({ id: original.id })).text).toBe(original.text);
    expect(await auditActions(org.id)).toEqual([]);
  });
});

describe("writing an organisation's bank", () => {
  it("creates a bank, refuses a duplicate name naming the field, renames and deletes it, with audit events", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { id } = await manager.bankAdmin.createBank({ name: "  Peer Support  ", role: "Peer Support Worker" });
    const duplicate = await manager.bankAdmin.createBank({ name: "peer support" }).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(TRPCError);
    expect((duplicate as TRPCError).code).toBe("CONFLICT");
    expect((duplicate as TRPCError).message).toMatch(/already exists/);
    // The error formatter passes the field on as `data.field`, so the form marks the name input.
    expect((duplicate as TRPCError).cause).toMatchObject({ field: "name" });

    const tooShort = await errorOf(manager.bankAdmin.createBank({ name: "x" }));
    expect(tooShort).toEqual({ code: "BAD_REQUEST", message: "name: Give the bank a name of at least 2 characters" });

    await manager.bankAdmin.updateBank({ id, name: "Peer Support Workers", description: "For the peer team" });
    const renamed = await manager.bankAdmin.ownBank({ id });
    expect(renamed).toMatchObject({ name: "Peer Support Workers", role: null, description: "For the peer team" });
    expect(await manager.bankAdmin.myBanks()).toEqual([{ id, name: "Peer Support Workers", questionCount: 0 }]);

    await manager.bankAdmin.deleteBank({ id });
    expect(await manager.bankAdmin.myBanks()).toEqual([]);
    const events = await db().auditEvent.findMany({ where: { orgId: org.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.entityId, e.actorId])).toEqual([
      ["bank.created", id, members.HIRING_MANAGER.userId],
      ["bank.updated", id, members.HIRING_MANAGER.userId],
      ["bank.deleted", id, members.HIRING_MANAGER.userId],
    ]);
    expect(events[1]!.data).toEqual({
      changes: {
        name: { from: "Peer Support", to: "Peer Support Workers" },
        role: { from: "Peer Support Worker", to: null },
        description: { from: null, to: "For the peer team" },
      },
    });
  });

  it("records a rename as from the name it replaced, also when it waited for another save of the bank", async () => {
    const { org, members } = await createOrganization(["ADMIN", "HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { id } = await callerFor(members.ADMIN.userId).bankAdmin.createBank({ name: "Night team" });

    // Another save holds the bank's row; the manager's rename waits for it, then replaces what it saved.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const other = db().$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "QuestionBank" WHERE id = ${id} FOR UPDATE`;
        holding();
        await released;
        await tx.questionBank.update({ where: { id }, data: { name: "Night shift team" } });
      },
      { timeout: 20_000 },
    );
    await held;
    const renaming = manager.bankAdmin.updateBank({ id, name: "Crisis line team" });
    await expect
      .poll(async () => (await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)[0]!.n, { timeout: 10_000 })
      .toBeGreaterThan(0);
    release();
    await other;
    await renaming;

    const [event] = await db().auditEvent.findMany({ where: { orgId: org.id, action: "bank.updated" }, select: { data: true } });
    expect(event!.data).toEqual({ changes: { name: { from: "Night shift team", to: "Crisis line team" } } });
  });

  it("adds, edits and deletes questions, keeping positions 1..n, with an audit event for each", async () => {
    const { org, members } = await createOrganization(["ADMIN"]);
    const admin = callerFor(members.ADMIN.userId);
    const { id: bankId } = await admin.bankAdmin.createBank({ name: "Home care" });
    const first = await admin.bankAdmin.addQuestion({ bankId, ...question("How do you start a first home visit?") });
    const second = await admin.bankAdmin.addQuestion({ bankId, ...question("What do you do when a client refuses care?", ["ethics", "empathy"]) });
    const third = await admin.bankAdmin.addQuestion({ bankId, ...question("How do you hand over to the next shift?", ["communication"]) });

    const tooMany = await errorOf(
      admin.bankAdmin.addQuestion({ bankId, ...question("Too many competencies?", ["empathy", "ethics", "advocacy", "resilience"]) }),
    );
    expect(tooMany).toEqual({ code: "BAD_REQUEST", message: "competencySlugs: Choose at most three competencies" });
    expect((await errorOf(admin.bankAdmin.addQuestion({ bankId, ...question("No competency?", []) }))).message).toBe(
      "competencySlugs: Choose at least one competency",
    );
    expect((await errorOf(admin.bankAdmin.addQuestion({ bankId, ...question("Unknown competency?", ["juggling"]) }))).message).toBe(
      'Unknown competency "juggling".',
    );

    await admin.bankAdmin.updateQuestion({
      id: second.id,
      ...question("What do you do when a client refuses personal care?", ["advocacy", "ethics"]),
    });
    const edited = await admin.banks.question({ id: second.id });
    expect(edited.text).toBe("What do you do when a client refuses personal care?");
    expect(edited.competencies.map((c) => c.slug)).toEqual(["advocacy", "ethics"]);
    expect(edited.bank.builtIn).toBe(false);

    await admin.bankAdmin.deleteQuestion({ id: first.id });
    const bank = await admin.bankAdmin.ownBank({ id: bankId });
    expect(bank.questions.map((q) => [q.position, q.id])).toEqual([
      [1, second.id],
      [2, third.id],
    ]);
    const fourth = await admin.bankAdmin.addQuestion({ bankId, ...question("How do you look after yourself after a hard visit?", ["resilience"]) });
    expect((await admin.bankAdmin.ownBank({ id: bankId })).questions.map((q) => [q.position, q.id])).toEqual([
      [1, second.id],
      [2, third.id],
      [3, fourth.id],
    ]);

    const events = await db().auditEvent.findMany({ where: { orgId: org.id, entityType: "Question" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.entityId])).toEqual([
      ["question.created", first.id],
      ["question.created", second.id],
      ["question.created", third.id],
      ["question.updated", second.id],
      ["question.deleted", first.id],
      ["question.created", fourth.id],
    ]);
    expect(events[3]!.data).toMatchObject({
      bankId,
      changed: ["text", "competencies"],
      competencies: { from: ["ethics", "empathy"], to: ["advocacy", "ethics"] },
    });
  });

  it("copies a built-in question into an organisation bank; editing the copy leaves the original alone", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { id: bankId } = await manager.bankAdmin.createBank({ name: "Our picks" });
    const { question: listed } = await builtInQuestion(manager);
    const original = await manager.banks.question({ id: listed.id });

    const { id: copyId } = await manager.bankAdmin.copyQuestion({ questionId: original.id, bankId });
    const copy = await manager.banks.question({ id: copyId });
    expect(copy).toMatchObject({
      text: original.text,
      assesses: original.assesses,
      howToAnswer: original.howToAnswer,
      exampleAnswer: original.exampleAnswer,
      position: 1,
      bank: { id: bankId, builtIn: false },
    });
    expect(copy.competencies.map((c) => c.slug)).toEqual(original.competencies.map((c) => c.slug));

    await manager.bankAdmin.updateQuestion({
      id: copyId,
      text: "Our wording: a client is in acute anxiety in the waiting room. What do you do first?",
      assesses: copy.assesses,
      howToAnswer: copy.howToAnswer,
      exampleAnswer: copy.exampleAnswer,
      competencySlugs: ["crisis-handling"],
    });
    const after = await manager.banks.question({ id: original.id });
    expect(after.text).toBe(original.text);
    expect(after.competencies.map((c) => c.slug)).toEqual(original.competencies.map((c) => c.slug));
    expect((await manager.banks.question({ id: copyId })).text).toMatch(/^Our wording/);

    const copied = await db().auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "question.copied" } });
    expect(copied.entityId).toBe(copyId);
    expect(copied.data).toMatchObject({ fromQuestionId: original.id, bankId });
  });
});

describe("importing an article", () => {
  const clinicalCaseManager = readFileSync("seeds/articles/clinical-case-manager.txt", "utf8");
  const mentalHealth = readFileSync("seeds/articles/mental-health-specialist.txt", "utf8");

  it("previews the Clinical Case Manager article: 23 entries without question text, each with a warning, writing nothing", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const banksBefore = await db().questionBank.count();
    const preview = await manager.bankAdmin.previewImport({ source: clinicalCaseManager });
    expect(preview.role).toBe("Clinical Case Manager");
    expect(preview.questions).toHaveLength(23);
    expect(preview.questions.every((q) => q.text === null)).toBe(true);
    expect(preview.questions.every((q) => q.assesses && q.howToAnswer && q.exampleAnswer)).toBe(true);
    expect(preview.questions.every((q) => q.competencies.length >= 1 && q.competencies.length <= 3)).toBe(true);
    const missingText = preview.problems.filter((p) => /has no question sentence/.test(p.message));
    expect(missingText).toHaveLength(23);
    expect(missingText.every((p) => p.severity === "warning")).toBe(true);
    expect(missingText.map((p) => p.entryIndex)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(missingText.map((p) => p.line)).toEqual(preview.questions.map((q) => q.line));
    expect(preview.problems.filter((p) => p.severity === "error")).toEqual([]);

    // Question sentences supplied for some entries fill them in.
    const withTexts = await manager.bankAdmin.previewImport({
      source: clinicalCaseManager,
      questionTexts: { 1: "How do you develop a care plan with a new client?" },
    });
    expect(withTexts.questions[0]!.text).toBe("How do you develop a care plan with a new client?");
    expect(withTexts.problems.filter((p) => /has no question sentence/.test(p.message))).toHaveLength(22);

    expect(await db().questionBank.count()).toBe(banksBefore);
    expect(await auditActions(org.id)).toEqual([]);
  });

  it("reports a missing \"How to Answer:\" as an error on the line where the entry starts", async () => {
    const { members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const lines = mentalHealth.split("\n");
    const entryStart = lines.findIndex((l) => l.startsWith("4. "));
    const howTo = lines.findIndex((l, i) => i > entryStart && l.startsWith("How to Answer:"));
    lines.splice(howTo, 1);

    const preview = await manager.bankAdmin.previewImport({ source: lines.join("\n") });
    expect(preview.questions).toHaveLength(23);
    const errors = preview.problems.filter((p) => p.severity === "error");
    // With the key the page words it by (issue 23): the English message and the Spanish come from the same facts.
    expect(errors).toEqual([
      {
        line: entryStart + 1,
        severity: "error",
        entryIndex: 4,
        message: expect.stringMatching(/How to Answer/),
        key: "noHowTo",
        values: expect.objectContaining({ entryKind: "question", entryNumber: 4 }),
      },
    ]);
    expect(preview.questions[3]).toMatchObject({ index: 4, line: entryStart + 1, howToAnswer: "" });
  });

  it("imports reviewed entries into a new bank, then appends more after the existing questions", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const preview = await manager.bankAdmin.previewImport({ source: mentalHealth });
    const reviewed = preview.questions.slice(0, 5).map((q) => ({
      text: q.text!,
      assesses: q.assesses,
      howToAnswer: q.howToAnswer,
      exampleAnswer: q.exampleAnswer,
      competencySlugs: q.competencies,
      entry: q.index,
    }));

    const created = await manager.bankAdmin.confirmImport({
      target: { newBank: { name: "MHS shortlist", role: preview.role ?? undefined } },
      source: preview.title ?? undefined,
      questions: reviewed.slice(0, 3),
    });
    expect(created.imported).toBe(3);
    const appended = await manager.bankAdmin.confirmImport({ target: { bankId: created.bankId }, questions: reviewed.slice(3) });
    expect(appended).toEqual({ bankId: created.bankId, imported: 2 });

    const bank = await manager.bankAdmin.ownBank({ id: created.bankId });
    expect(bank).toMatchObject({ name: "MHS shortlist", role: "Mental Health Specialist" });
    expect(bank.questions.map((q) => [q.position, q.text])).toEqual(reviewed.map((q, i) => [i + 1, q.text]));
    const firstQuestion = await manager.banks.question({ id: bank.questions[0]!.id });
    expect(firstQuestion.source).toBe(`${preview.title}, entry 1`);

    const events = await db().auditEvent.findMany({ where: { orgId: org.id, action: "bank.imported" }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ questions: 3, newBank: true, firstPosition: 1 }),
      expect.objectContaining({ questions: 2, newBank: false, firstPosition: 4 }),
    ]);
  });

  it("is all or nothing: one unknown competency writes no bank, no question and no audit event", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { id: bankId } = await manager.bankAdmin.createBank({ name: "Existing" });
    await manager.bankAdmin.addQuestion({ bankId, ...question("The one question already here?") });
    const questions = [
      question("How do you open a first session?"),
      question("How do you close a hard session?", ["resilience", "no-such-competency"]),
      question("How do you write up notes?", ["compliance"]),
    ];

    const intoNew = await errorOf(manager.bankAdmin.confirmImport({ target: { newBank: { name: "Never created" } }, questions }));
    expect(intoNew).toEqual({ code: "BAD_REQUEST", message: 'Question 2: Unknown competency "no-such-competency".' });
    const intoExisting = await errorOf(manager.bankAdmin.confirmImport({ target: { bankId }, questions }));
    expect(intoExisting.code).toBe("BAD_REQUEST");

    expect((await manager.bankAdmin.myBanks()).map((b) => [b.name, b.questionCount])).toEqual([["Existing", 1]]);
    expect(await auditActions(org.id)).toEqual(["bank.created", "question.created"]);

    const takenName = await errorOf(
      manager.bankAdmin.confirmImport({ target: { newBank: { name: "existing" } }, questions: [question("A fine question?")] }),
    );
    expect(takenName.code).toBe("CONFLICT");
    expect(await db().question.count({ where: { bank: { orgId: org.id } } })).toBe(1);
  });
});

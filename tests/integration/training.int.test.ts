// Panel training end to end through the tRPC callers: the built-in practice answers in the database, a practice
// session (start, rate on the scoring screen's cells, reveal, finish, figures), the refusal for a script without
// practice answers, an organisation's own answers with independent reference raters and a consensus, the
// identifying-details check, and who sees practice results.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { loadPracticeAnswers, seedPracticeAnswers } from "@/server/services/seed/seed-practice-answers";
import { callerFor, createOrganization, createUser, unique } from "./factories";
import { codeOf, failure } from "./script-factories";
import { practiceQuestions, publishPracticeScript, submittedNotes } from "./training-factories";

type Caller = ReturnType<typeof callerFor>;
type Session = Awaited<ReturnType<Caller["training"]["session"]>>;

async function addMember(orgId: string, name: string, role: "INTERVIEWER" | "HIRING_MANAGER" | "HR" | "ADMIN") {
  const user = await createUser(name);
  await db().membership.create({ data: { orgId, userId: user.id, role } });
  return { userId: user.id, caller: callerFor(user.id) };
}

async function trainingOrg() {
  const { org, members } = await createOrganization(["ADMIN", "HIRING_MANAGER", "HR", "INTERVIEWER"]);
  return {
    org,
    admin: { userId: members.ADMIN.userId, caller: callerFor(members.ADMIN.userId) },
    manager: { userId: members.HIRING_MANAGER.userId, caller: callerFor(members.HIRING_MANAGER.userId) },
    hr: { userId: members.HR.userId, caller: callerFor(members.HR.userId) },
    interviewer: { userId: members.INTERVIEWER.userId, caller: callerFor(members.INTERVIEWER.userId) },
    colleague: await addMember(org.id, `Colleague ${unique("c")}`, "INTERVIEWER"),
  };
}

/** The reference levels of a session's answers, as the database holds them (consensus rows). */
async function referencesOf(session: Session) {
  const rows = await db().practiceReferenceRating.findMany({
    where: { answerId: { in: session.items.map((i) => i.answerId) }, raterId: null },
    select: { answerId: true, competencyId: true, level: true },
  });
  return (answerId: string, competencyId: string) => rows.find((r) => r.answerId === answerId && r.competencyId === competencyId)!.level;
}

/** Rates every cell of the session with `choose(reference)` and returns the (rating, reference) pairs. */
async function rateAll(caller: Caller, session: Session, choose: (reference: number, index: number) => number) {
  const reference = await referencesOf(session);
  const pairs: Array<{ rating: number; reference: number; competencyId: string }> = [];
  for (const item of session.items) {
    for (const c of item.competencies) {
      const ref = reference(item.answerId, c.id);
      const rating = choose(ref, pairs.length);
      await caller.training.rate({ sessionId: session.id, answerId: item.answerId, competencyId: c.id, score: rating });
      pairs.push({ rating, reference: ref, competencyId: c.id });
    }
  }
  return pairs;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("built-in practice answers", () => {
  it("are seeded for every organisation, active, with their reference ratings, and seeding again changes nothing", async () => {
    const { answers, summary } = await loadPracticeAnswers(db());
    const stored = await db().practiceAnswer.findMany({
      where: { orgId: null, status: "ACTIVE" },
      select: {
        slug: true,
        source: true,
        text: true,
        questionId: true,
        question: { select: { exampleAnswer: true } },
        references: { select: { competencyId: true, level: true, rationale: true, raterId: true } },
      },
    });
    expect(stored).toHaveLength(summary.answers);
    for (const answer of answers) {
      const row = stored.find((s) => s.slug === `${answer.bankSlug}/${answer.slug}`);
      expect(row, answer.slug).toBeDefined();
      expect(row!.questionId).toBe(answer.questionId);
      expect(row!.source).toBe(answer.writtenForTraining ? "WRITTEN_FOR_TRAINING" : "ARTICLE_EXAMPLE");
      if (!answer.writtenForTraining) expect(row!.text).toBe(row!.question.exampleAnswer);
      expect(row!.references.every((r) => r.raterId === null)).toBe(true);
      expect(row!.references.map((r) => [r.competencyId, r.level, r.rationale]).sort()).toEqual(
        answer.ratings.map((r) => [r.competencyId, r.level, r.rationale]).sort(),
      );
    }
    expect((await seedPracticeAnswers(db())).changedRows).toBe(0);

    // A fresh organisation's script on those questions offers them.
    const t = await trainingOrg();
    const script = await publishPracticeScript(t.manager.caller, { questions: 2 });
    const options = await t.interviewer.caller.training.scripts();
    const option = options.find((o) => o.versionId === script.versionId)!;
    const expected = answers.filter((a) => script.questions.some((q) => q.id === a.questionId)).length;
    expect(option).toMatchObject({ questions: 2, questionsWithAnswers: 2, answers: expected });
    // The competencies its questions are rated on, once each, named: what a refresher's link picks scripts by.
    expect(option.competencies.map((c) => c.id)).toEqual([...new Set(script.questions.flatMap((q) => q.competencyIds))]);
    expect(option.competencies.every((c) => c.name.length > 0)).toBe(true);
  });
});

describe("a practice session", () => {
  it("serves the script's practice answers, saves ratings, reveals references and finishes with the hand-computed figures", async () => {
    const t = await trainingOrg();
    const script = await publishPracticeScript(t.manager.caller, { questions: 2 });
    const me = t.interviewer.caller;

    const started = await me.training.start({ scriptVersionId: script.versionId });
    expect(started.resumed).toBe(false);
    // A double click or a second tab lands in the same session.
    expect(await me.training.start({ scriptVersionId: script.versionId })).toEqual({ id: started.id, resumed: true });

    const session = await me.training.session({ id: started.id });
    const builtIn = await db().practiceAnswer.count({ where: { orgId: null, status: "ACTIVE", questionId: { in: script.questions.map((q) => q.id) } } });
    expect(session.items).toHaveLength(builtIn);
    expect(session.items.map((i) => i.number)).toEqual(session.items.map((_, i) => i + 1));
    expect(session.items.every((i) => i.references === null && !i.revealed && i.ratings.every((r) => r.score === null))).toBe(true);
    // Each answer is rated on the competencies its question assesses, with the anchors of the scoring screen.
    for (const item of session.items) {
      expect(item.competencies.length).toBeGreaterThan(0);
      expect(item.competencies.every((c) => c.anchors.map((a) => a.level).join() === "1,2,3,4")).toBe(true);
    }
    // The same order on every read (the session's seed).
    expect((await me.training.session({ id: started.id })).items.map((i) => i.answerId)).toEqual(session.items.map((i) => i.answerId));

    // The reference waits until the answer is fully rated.
    const first = session.items[0]!;
    const refused = await failure(me.training.reveal({ sessionId: started.id, answerId: first.answerId }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toContain("Rate ");
    // Finishing waits for every rating.
    expect((await failure(me.training.finish({ id: started.id }))).message).toContain("Rate every answer before finishing");

    // The first cell matches the reference; every other is one level off (up, or down from 4).
    const pairs = await rateAll(me, session, (ref, i) => (i === 0 ? ref : ref === 4 ? 3 : ref + 1));
    // Saving the same value twice leaves one rating.
    const cell = { sessionId: started.id, answerId: first.answerId, competencyId: first.competencies[0]!.id };
    await me.training.rate({ ...cell, score: pairs[0]!.rating });
    expect(await db().practiceRating.count({ where: { sessionId: started.id } })).toBe(pairs.length);

    const revealed = await me.training.reveal({ sessionId: started.id, answerId: first.answerId });
    const anchors = first.competencies[0]!.anchors;
    expect(revealed.references[0]).toMatchObject({ level: pairs[0]!.reference, anchor: anchors.find((a) => a.level === pairs[0]!.reference)!.description });
    expect(revealed.references[0]!.rationale.length).toBeGreaterThan(20);
    // Once seen, the rating stays.
    expect(await codeOf(me.training.rate({ ...cell, score: 1 }))).toBe("CONFLICT");
    const afterReveal = await me.training.session({ id: started.id });
    expect(afterReveal.items[0]!.revealed).toBe(true);
    expect(afterReveal.items[0]!.references).toEqual(revealed.references);
    expect(afterReveal.items[1]!.references).toBeNull();

    const finished = await me.training.finish({ id: started.id });
    const diffs = pairs.map((p) => p.rating - p.reference);
    const n = pairs.length;
    const ratings = pairs.map((p) => p.rating);
    const refs = pairs.map((p) => p.reference);
    const mr = mean(ratings);
    const mref = mean(refs);
    const cov = pairs.reduce((s, p) => s + (p.rating - mr) * (p.reference - mref), 0);
    const r = cov / Math.sqrt(ratings.reduce((s, x) => s + (x - mr) ** 2, 0) * refs.reduce((s, x) => s + (x - mref) ** 2, 0));
    expect(finished.figures.n).toBe(n);
    expect(finished.figures.meanAbsDiff).toBeCloseTo((n - 1) / n, 10);
    expect(finished.figures.bias).toBeCloseTo(mean(diffs), 10);
    expect(finished.figures.separation).toBeCloseTo(r, 10);

    // Stored on the session, shown with every reference, and audited without any figure or rating.
    const stored = await db().practiceSession.findUniqueOrThrow({ where: { id: started.id } });
    expect(stored).toMatchObject({ status: "COMPLETED" });
    expect(stored.meanAbsDiff).toBeCloseTo((n - 1) / n, 10);
    expect(stored.bias).toBeCloseTo(mean(diffs), 10);
    expect(stored.separation).toBeCloseTo(r, 10);
    const done = await me.training.session({ id: started.id });
    expect(done.status).toBe("COMPLETED");
    expect(done.items.every((i) => i.references !== null && i.references.length === i.competencies.length)).toBe(true);
    expect(done.figures?.meanAbsDiff).toBeCloseTo((n - 1) / n, 10);
    const events = await db().auditEvent.findMany({ where: { orgId: t.org.id, action: "practice_session.finished" } });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]!.data)).not.toMatch(/meanAbsDiff|bias|score/);
    // A finished session takes no more ratings; finishing again gives the same figures.
    expect(await codeOf(me.training.rate({ sessionId: started.id, answerId: session.items[1]!.answerId, competencyId: session.items[1]!.competencies[0]!.id, score: 2 }))).toBe("CONFLICT");
    expect((await me.training.finish({ id: started.id })).figures.meanAbsDiff).toBeCloseTo((n - 1) / n, 10);

    // Starting again after finishing is a new session; the list shows both, newest first.
    const again = await me.training.start({ scriptVersionId: script.versionId });
    expect(again).toMatchObject({ resumed: false });
    expect(again.id).not.toBe(started.id);
    const mine = await me.training.sessions({});
    expect(mine.sessions.map((s) => s.id)).toEqual([again.id, started.id]);
  });

  it("refuses a script whose questions have no practice answers, saying so", async () => {
    const t = await trainingOrg();
    const script = await publishPracticeScript(t.manager.caller, { questions: 2, bankQuestions: false });
    const error = await failure(t.interviewer.caller.training.start({ scriptVersionId: script.versionId }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("has no practice answers yet");
    expect(await db().practiceSession.count({ where: { orgId: t.org.id } })).toBe(0);
    const option = (await t.interviewer.caller.training.scripts()).find((o) => o.versionId === script.versionId);
    expect(option).toMatchObject({ answers: 0, questionsWithAnswers: 0 });
  });

  it("serves a refresher set: only the answers rated on the aimed competencies, rated on those alone", async () => {
    const t = await trainingOrg();
    const script = await publishPracticeScript(t.manager.caller, { questions: 3 });
    const whole = await db().practiceAnswer.findMany({
      where: { orgId: null, status: "ACTIVE", questionId: { in: script.questions.map((q) => q.id) } },
      select: { id: true, references: { where: { raterId: null }, select: { competencyId: true } } },
    });
    const rated = [...new Set(whole.flatMap((a) => a.references.map((r) => r.competencyId)))];
    expect(rated.length).toBeGreaterThan(1);
    const aimed = rated[0]!;
    const { id } = await t.interviewer.caller.training.start({ scriptVersionId: script.versionId, competencyIds: [aimed] });
    const session = await t.interviewer.caller.training.session({ id });
    const expected = whole.filter((a) => a.references.some((r) => r.competencyId === aimed)).map((a) => a.id).sort();
    expect(session.items.map((i) => i.answerId).sort()).toEqual(expected);
    expect(session.items.every((i) => i.competencies.length === 1 && i.competencies[0]!.id === aimed)).toBe(true);
    expect(expected.length).toBeLessThanOrEqual(whole.length);

    // A competency none of the script's answers is rated on: refused with the reason, nothing started.
    const other = await failure(t.colleague.caller.training.start({ scriptVersionId: script.versionId, competencyIds: ["no-such-competency"] }));
    expect(other.code).toBe("BAD_REQUEST");
    expect(other.message).toContain("is rated on the competencies of this refresher");
    expect(await db().practiceSession.count({ where: { userId: t.colleague.userId } })).toBe(0);
  });

  it("only its panelist rates it; a rating outside 1 to 4 is refused", async () => {
    const t = await trainingOrg();
    const script = await publishPracticeScript(t.manager.caller, { questions: 1 });
    const { id } = await t.interviewer.caller.training.start({ scriptVersionId: script.versionId });
    const session = await t.interviewer.caller.training.session({ id });
    const cell = { sessionId: id, answerId: session.items[0]!.answerId, competencyId: session.items[0]!.competencies[0]!.id };
    expect(await codeOf(t.interviewer.caller.training.rate({ ...cell, score: 5 }))).toBe("BAD_REQUEST");
    expect(await codeOf(t.hr.caller.training.rate({ ...cell, score: 2 }))).toBe("FORBIDDEN");
    expect(await codeOf(t.colleague.caller.training.rate({ ...cell, score: 2 }))).toBe("NOT_FOUND");
    expect(await t.interviewer.caller.training.rate({ ...cell, score: 2 })).toEqual({ score: 2 });
    // Clearing a rating (the scoring screen's Clear) leaves the cell empty again.
    expect(await t.interviewer.caller.training.rate({ ...cell, score: null })).toEqual({ score: null });
    expect((await t.interviewer.caller.training.session({ id })).items[0]!.ratings[0]!.score).toBeNull();
  });
});

describe("an organisation's own practice answers", () => {
  it("are rated independently by the reference raters; agreements become the consensus, the manager resolves the rest, then it is active", async () => {
    const t = await trainingOrg();
    // A question assessing two or more competencies, so the raters can agree on one and differ on another.
    const question = (await practiceQuestions(14)).find((q) => q.competencyIds.length > 1);
    expect(question).toBeDefined();
    const manager = t.hr.caller;
    const text = "I would stay with the client, listen to what they say has changed, and agree the next step with them and the team.";
    const { id } = await manager.training.createAnswer({ questionId: question!.id, text });
    await manager.training.setRaters({ answerId: id, userIds: [t.interviewer.userId, t.colleague.userId] });

    // Someone who is neither a manager nor a rater finds nothing.
    expect(await codeOf(t.manager.caller.training.answer({ id }))).toBe("NOT_FOUND");
    // Activating before the raters have rated is refused.
    expect((await failure(manager.training.activateAnswer({ id }))).message).toContain("Waiting for the reference ratings");

    const competencies = (await t.interviewer.caller.training.answer({ id })).competencies;
    expect(competencies.map((c) => c.id)).toEqual(question!.competencyIds);
    const rate = (level: (i: number) => number, why: string) =>
      competencies.map((c, i) => ({ competencyId: c.id, level: level(i), rationale: `${why} ${c.name}: “fits the anchor”.` }));

    // A level outside the anchors is refused.
    expect(await codeOf(t.interviewer.caller.training.rateReference({ answerId: id, ratings: rate(() => 5, "Too high") }))).toBe("BAD_REQUEST");
    expect((await failure(t.interviewer.caller.training.rateReference({ answerId: id, ratings: rate(() => 2, "Part").slice(1) }))).message).toContain(
      `Rate every competency the question assesses: ${competencies[0]!.name} is missing.`,
    );

    const first = await t.interviewer.caller.training.rateReference({ answerId: id, ratings: rate(() => 2, "First rater") });
    expect(first.allSubmitted).toBe(false);
    expect(await codeOf(t.interviewer.caller.training.rateReference({ answerId: id, ratings: rate(() => 2, "Again") }))).toBe("CONFLICT");

    // The second rater sees no other rater's ratings until submitting their own.
    const before = await t.colleague.caller.training.answer({ id });
    expect(before.viewer).toMatchObject({ isRater: true, submitted: false, seesOtherRaters: false });
    expect(before.raterRatings).toEqual([]);
    expect(before.consensus).toEqual([]);
    expect(before.withheld).toContain("stay hidden until you submit your own");
    expect(JSON.stringify(before)).not.toContain("First rater");

    // The second rater agrees on the first competency and differs on the others.
    const second = await t.colleague.caller.training.rateReference({ answerId: id, ratings: rate((i) => (i === 0 ? 2 : 3), "Second rater") });
    expect(second).toEqual({ allSubmitted: true, agreed: 1, disagreements: competencies.length - 1 });

    const after = await t.colleague.caller.training.answer({ id });
    expect(after.viewer.seesOtherRaters).toBe(true);
    expect(after.raterRatings).toHaveLength(2 * competencies.length);
    expect(after.consensus).toEqual([{ competencyId: competencies[0]!.id, level: 2, rationale: expect.stringContaining("First rater") as string }]);
    expect(after.unresolved).toEqual(competencies.slice(1).map((c) => c.id));

    expect((await failure(manager.training.activateAnswer({ id }))).message).toContain("Resolve the raters' disagreement");
    // An agreed competency is not open to resolution.
    expect(await codeOf(manager.training.resolveReference({ answerId: id, competencyId: competencies[0]!.id, level: 3, rationale: "No." }))).toBe("BAD_REQUEST");
    for (const c of competencies.slice(1)) {
      await manager.training.resolveReference({ answerId: id, competencyId: c.id, level: 3, rationale: `Consensus: “meets” for ${c.name}.` });
    }
    // Resolving again replaces, never duplicates.
    await manager.training.resolveReference({ answerId: id, competencyId: competencies[1]!.id, level: 2, rationale: "Consensus after discussion." });
    expect(await db().practiceReferenceRating.count({ where: { answerId: id, raterId: null } })).toBe(competencies.length);
    expect(await manager.training.activateAnswer({ id })).toEqual({ id, status: "ACTIVE" });
    expect((await manager.training.answers({})).rows.find((r) => r.id === id)).toMatchObject({ status: "ACTIVE", raters: 2, submitted: 2 });

    // Practice on a script with that question now serves it too, with the consensus as its reference.
    const script = await publishPracticeScript(t.manager.caller, { from: [question!] });
    const { id: sessionId } = await t.manager.caller.training.start({ scriptVersionId: script.versionId });
    const session = await t.manager.caller.training.session({ id: sessionId });
    const served = session.items.find((i) => i.answerId === id);
    expect(served?.text).toBe(text);
    expect(served).toMatchObject({ source: "ORG_WRITTEN", sourceLabel: "Written by your organisation" });

    const actions = (await db().auditEvent.findMany({ where: { orgId: t.org.id, entityId: id }, select: { action: true } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["practice_answer.created", "practice_answer.raters_set", "practice_answer.reference_rated", "practice_answer.activated"]));
  });

  it("from interview notes: refuses text that still identifies the candidate, listing each match, and saves once edited", async () => {
    const t = await trainingOrg();
    const notes = await submittedNotes({
      orgId: t.org.id,
      manager: t.manager.caller,
      panelist: t.interviewer,
      candidate: { name: "Jordan Al-Farsi", email: "jordan.farsi@mail.example", phone: "07700 900123" },
      note: "Jordan described calming a distressed caller, then calling the crisis team; contact jordan.farsi@mail.example.",
    });
    // The notes are offered to HR through the access rule, without the candidate's name.
    const offered = await t.hr.caller.training.promotableNotes({});
    const note = offered.find((n) => n.scorecardId === notes.scorecardId);
    expect(note).toMatchObject({ itemId: notes.itemId, questionId: notes.questionId });
    expect(Object.keys(note!)).not.toContain("candidateName");

    const promote = (text: string) => t.hr.caller.training.promoteNotes({ scorecardId: notes.scorecardId, itemId: notes.itemId, text });
    const error = await failure(
      promote("The applicant (jordan) said Al-Farsi family asked FARSI to ring 07700.900.123 or jordan.farsi@mail.example; a Jordanian client."),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("“jordan”");
    expect(error.message).toContain("“FARSI”");
    expect(error.message).toContain("“jordan.farsi@mail.example”");
    expect(error.message).toContain("“07700.900.123”");
    // "Jordanian" is another word; "Al" is under three letters.
    expect(error.message).not.toContain("Jordanian");
    expect(error.message).not.toContain("“Al”");
    expect(await db().practiceAnswer.count({ where: { orgId: t.org.id } })).toBe(0);

    const { id } = await promote("The applicant described calming a distressed caller, then calling the crisis team for support; a Jordanian client was mentioned.");
    const saved = await db().practiceAnswer.findUniqueOrThrow({ where: { id } });
    expect(saved).toMatchObject({ source: "PROMOTED_NOTES", status: "DRAFT", questionId: notes.questionId });
    // Later edits are checked against the same candidate.
    expect((await failure(t.hr.caller.training.updateAnswer({ id, text: "Jordan called the team." }))).message).toContain("“Jordan”");
    // Written answers are checked for contact details too.
    const written = await failure(t.admin.caller.training.createAnswer({ questionId: notes.questionId, text: "Call me on +44 20 7946 0958 or a@b.example." }));
    expect(written.message).toContain("“+44 20 7946 0958”");
    expect(written.message).toContain("“a@b.example”");
    // An interviewer can't promote notes at all.
    expect(await codeOf(t.interviewer.caller.training.promoteNotes({ scorecardId: notes.scorecardId, itemId: notes.itemId, text: "Edited text" }))).toBe("FORBIDDEN");
  });
});

describe("practice results", () => {
  it("are the panelist's own and HR's and admins' to read, never another member's; HR sees the trend and exports it", async () => {
    const t = await trainingOrg();
    const script = await publishPracticeScript(t.manager.caller, { questions: 1 });
    const me = t.interviewer.caller;
    for (const choose of [(ref: number) => (ref === 4 ? 3 : ref + 1), (ref: number) => ref]) {
      const { id } = await me.training.start({ scriptVersionId: script.versionId });
      await rateAll(me, await me.training.session({ id }), choose);
      await me.training.finish({ id });
    }
    const [latest] = (await me.training.sessions({})).sessions;

    for (const reader of [t.hr.caller, t.admin.caller, me]) {
      expect((await reader.training.sessions({ userId: t.interviewer.userId })).sessions).toHaveLength(2);
      expect((await reader.training.session({ id: latest!.id })).figures?.meanAbsDiff).toBe(0);
    }
    for (const other of [t.colleague.caller, t.manager.caller]) {
      expect(await codeOf(other.training.sessions({ userId: t.interviewer.userId }))).toBe("NOT_FOUND");
      expect(await codeOf(other.training.session({ id: latest!.id }))).toBe("NOT_FOUND");
      expect(await codeOf(other.training.results())).toBe("FORBIDDEN");
    }
    // HR reads, but does not rate or finish, someone else's session.
    expect(await codeOf(t.hr.caller.training.finish({ id: latest!.id }))).toBe("FORBIDDEN");

    const results = await t.hr.caller.training.results();
    const row = results.rows.find((r) => r.userId === t.interviewer.userId && r.scriptId === script.scriptId)!;
    expect(row).toMatchObject({ sessions: 2, meanAbsDiff: 0, bias: 0, trend: [1, 0] });
    expect(results.scripts.find((s) => s.scriptId === script.scriptId)).toMatchObject({ panelists: 1, meanAbsDiff: 0 });

    const { fileName, csv } = await t.admin.caller.training.resultsCsv();
    expect(fileName).toMatch(/^practice-results-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.trim().split("\n");
    expect(lines[0]).toContain("Panelist,Script,Finished sessions");
    const line = lines.find((l) => l.includes(row.name) && l.includes(row.scriptTitle));
    expect(line).toContain(",2,");
    expect(line).toMatch(/,0\.00,0\.00,.*,1\.00 0\.00$/);

    // A Spanish page asks for Spanish: the header row is in Spanish, in the same order; the rows are the same.
    const spanish = (await t.admin.caller.training.resultsCsv({ locale: "es" })).csv.trim().split("\n");
    expect(spanish[0]).toMatch(/^Panelista,Guion,Sesiones terminadas,Última práctica,Preparación,/);
    expect(spanish.slice(1)).toEqual(lines.slice(1));
    // A language the user saved wins over the page's.
    await db().user.update({ where: { id: t.admin.userId }, data: { locale: "en" } });
    expect((await t.admin.caller.training.resultsCsv({ locale: "es" })).csv.split("\n")[0]).toBe(lines[0]);
  });

  it("another organisation's sessions, answers and scripts are NOT_FOUND", async () => {
    const t = await trainingOrg();
    const script = await publishPracticeScript(t.manager.caller, { questions: 1 });
    const { id } = await t.interviewer.caller.training.start({ scriptVersionId: script.versionId });
    const [question] = await practiceQuestions(1);
    const answer = await t.admin.caller.training.createAnswer({ questionId: question!.id, text: "A practice answer written for the test, long enough to read." });
    const other = await createOrganization(["ADMIN"]);
    const stranger = callerFor(other.members.ADMIN.userId);
    expect(await codeOf(stranger.training.session({ id }))).toBe("NOT_FOUND");
    expect(await codeOf(stranger.training.sessions({ userId: t.interviewer.userId }))).toBe("NOT_FOUND");
    expect(await codeOf(stranger.training.start({ scriptVersionId: script.versionId }))).toBe("NOT_FOUND");
    expect(await codeOf(stranger.training.answer({ id: answer.id }))).toBe("NOT_FOUND");
    expect(await codeOf(stranger.training.activateAnswer({ id: answer.id }))).toBe("NOT_FOUND");
    expect((await stranger.training.results()).rows.some((r) => r.userId === t.interviewer.userId)).toBe(false);
  });
});

describe("a practice answer changed from an older page", () => {
  it("keeps the text and the raters saved in one tab when the other, still showing them as they were, saves", async () => {
    const t = await trainingOrg();
    const question = (await practiceQuestions(14))[0]!;
    const manager = t.hr.caller;
    const first = "I would stay with the client and listen to what has changed.";
    const { id } = await manager.training.createAnswer({ questionId: question.id, text: first });
    const raters = [t.interviewer.userId, t.colleague.userId];
    await manager.training.setRaters({ answerId: id, userIds: raters, shown: [] });

    // Text: the first tab saves; the second, still showing the first text, is refused and the first tab's stays.
    const second = "I would stay with the client, listen, and agree the next step with the team.";
    await manager.training.updateAnswer({ id, text: second, shown: first });
    const refused = await failure(t.admin.caller.training.updateAnswer({ id, text: `${first} Then I would call the duty worker.`, shown: first }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain("This answer's text was changed in another tab or by someone else");
    expect((await manager.training.answer({ id })).text).toBe(second);
    await t.admin.caller.training.updateAnswer({ id, text: `${second} Then I would call the duty worker.`, shown: second });

    // Raters: one tab takes the colleague off and adds the admin; the other, still showing the colleague, is refused.
    await manager.training.setRaters({ answerId: id, userIds: [t.interviewer.userId, t.admin.userId], shown: [...raters].reverse() });
    const stale = await failure(t.admin.caller.training.setRaters({ answerId: id, userIds: [...raters, t.manager.userId], shown: raters }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toContain("This answer's reference raters were changed in another tab or by someone else");
    const now = (await manager.training.answer({ id })).raters.map((r) => r.userId).sort();
    expect(now).toEqual([t.interviewer.userId, t.admin.userId].sort());
    // Without `shown`, as before.
    await manager.training.setRaters({ answerId: id, userIds: raters });
    expect((await manager.training.answer({ id })).raters.map((r) => r.userId).sort()).toEqual([...raters].sort());
  });
});

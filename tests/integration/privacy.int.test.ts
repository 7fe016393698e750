// Candidates' privacy through the real routers and services: export (subject access), erasure in both of
// the organisation's modes, who may do either, and the retention job.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { applyRetention, RETENTION_ACTION } from "@/server/services/privacy/apply-retention";
import type { exportCandidateData } from "@/server/services/privacy/export-candidate-data";
import { callerFor, candidateData, createCandidateRecord, createOrganization, createUser, vacancyFor } from "./factories";
import { compareAs, recordDebrief } from "./insights-factories";
import { createPanelInterview, rateAndSubmit } from "./scorecard-factories";
import { codeOf, failure } from "./script-factories";

const NOTE = "Described calming a distressed client at the front desk";
const SUMMARY = "Clear, specific examples; safe practice throughout.";
type ExportedInterview = Awaited<ReturnType<typeof exportCandidateData>>["interviews"][number];
/** A scorecard exported with its content (the others say only that theirs is withheld). */
type ExportedScorecard = Extract<ExportedInterview["scorecards"][number], { ratings: unknown }>;
const PERSONAL = ["Sam Candidate", "sam@example.org", "07700 900456", "Prefers mornings", NOTE, SUMMARY];

/** A candidate with contact data and notes, interviewed by three panelists who all submitted, one with an evidence note and an amendment. */
async function interviewedCandidate(options: { keepAnonymousRatings?: boolean } = {}) {
  const f = await createPanelInterview();
  if (options.keepAnonymousRatings) {
    await db().organization.update({ where: { id: f.org.id }, data: { keepAnonymousRatings: true } });
  }
  const interview = await db().interview.update({
    where: { id: f.interviewId },
    data: { location: "Riverside clinic, room 4", status: "COMPLETED" },
    select: { candidateId: true },
  });
  const candidateId = interview.candidateId;
  await db().candidate.update({
    where: { id: candidateId },
    data: { email: "sam@example.org", phone: "07700 900456", notes: "Prefers mornings" },
  });
  const [ada, ben, cleo] = f.panelists;
  const card = await ada.caller.scorecards.mine({ interviewId: f.interviewId });
  await ada.caller.scorecards.saveNote({ scorecardId: card.id, itemId: card.items[0]!.itemId, body: NOTE, baseVersion: 0 });
  await rateAndSubmit(ada.caller, f.interviewId, 3);
  await rateAndSubmit(ben.caller, f.interviewId, 4);
  await rateAndSubmit(cleo.caller, f.interviewId, 2);
  await ada.caller.scorecards.amend({ scorecardId: card.id, reason: "Misread my own notes on question one", recommendation: "STRONG_YES" });

  // Someone else in the same organisation, who must not appear in Sam's export.
  const other = await createCandidateRecord(f.org.id, { name: "Pat Bystander", vacancyId: f.vacancyId, stageId: f.stageId });
  return { ...f, candidateId, scorecardId: card.id, otherCandidateId: other.id };
}

describe("candidate data export", () => {
  it("gives HR one document with the record, interviews, panel, scorecards, notes, amendments and audit trail, and audits the export", async () => {
    const f = await interviewedCandidate();
    const doc = await f.hr.caller.privacy.exportCandidate({ candidateId: f.candidateId });

    expect(doc.candidate).toMatchObject({
      id: f.candidateId,
      name: "Sam Candidate",
      email: "sam@example.org",
      phone: "07700 900456",
      notes: "Prefers mornings",
      vacancyId: f.vacancyId,
    });
    const text = JSON.stringify(doc);
    expect(text).not.toContain("Pat Bystander");
    expect(text).not.toContain(f.otherCandidateId);
    expect(text).not.toMatch(/tokenHash/);

    const [interview] = doc.interviews as ExportedInterview[];
    expect(doc.interviews).toHaveLength(1);
    expect(interview).toMatchObject({ location: "Riverside clinic, room 4", status: "COMPLETED", script: { version: 1 } });
    expect(interview!.panel.map((p) => p.name)).toEqual(f.panelists.map((p) => p.name));
    expect(interview!.scorecards).toHaveLength(3);
    const ada = interview!.scorecards.find((s) => s.panelist === f.panelists[0].name) as ExportedScorecard;
    expect(ada).toMatchObject({ status: "SUBMITTED", recommendation: "STRONG_YES", summary: SUMMARY });
    expect(ada.evidenceNotes).toEqual([expect.objectContaining({ note: NOTE, question: expect.any(String) })]);
    expect(ada.ratings.length).toBeGreaterThan(0);
    expect(ada.ratings[0]).toMatchObject({ score: 3, notAssessed: false, question: expect.any(String), competency: expect.any(String) });
    expect(ada.amendments).toEqual([
      expect.objectContaining({ reason: "Misread my own notes on question one", after: { recommendation: "STRONG_YES" } }),
    ]);
    const actions = (doc.auditEvents as Array<{ action: string }>).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["scorecard.submitted", "scorecard.amended"]));

    const exported = await db().auditEvent.findMany({ where: { entityId: f.candidateId, action: "candidate.exported" } });
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ actorId: f.hr.userId, orgId: f.org.id });
    expect(JSON.stringify(exported[0]!.data)).not.toContain("Sam");
  });

  it("is for HR and admins only; another organisation's candidate is not found", async () => {
    const f = await interviewedCandidate();
    expect(await codeOf(f.admin.caller.privacy.exportCandidate({ candidateId: f.candidateId }))).toBe("OK");
    expect(await codeOf(f.manager.caller.privacy.exportCandidate({ candidateId: f.candidateId }))).toBe("FORBIDDEN");
    expect(await codeOf(f.panelists[0].caller.privacy.exportCandidate({ candidateId: f.candidateId }))).toBe("FORBIDDEN");
    expect(await codeOf(f.manager.caller.privacy.erase({ candidateId: f.candidateId }))).toBe("FORBIDDEN");
    expect(await codeOf(f.panelists[0].caller.privacy.erase({ candidateId: f.candidateId }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(null).privacy.erase({ candidateId: f.candidateId }))).toBe("UNAUTHORIZED");

    const stranger = await createOrganization(["HR", "ADMIN"]);
    const strangerHr = callerFor(stranger.members.HR.userId);
    expect(await codeOf(strangerHr.privacy.exportCandidate({ candidateId: f.candidateId }))).toBe("NOT_FOUND");
    expect(await codeOf(strangerHr.privacy.erase({ candidateId: f.candidateId }))).toBe("NOT_FOUND");
    expect(await codeOf(strangerHr.privacy.erasePreview({ candidateId: f.candidateId }))).toBe("NOT_FOUND");
    expect((await db().candidate.findUniqueOrThrow({ where: { id: f.candidateId } })).name).toBe("Sam Candidate");
    const bad = await failure(f.hr.caller.privacy.exportCandidate({ candidateId: "" }));
    expect(bad.code).toBe("BAD_REQUEST");
  });
});

describe("erasure", () => {
  it("by default removes personal data and deletes the interviews, scorecards and ratings, keeping an anonymous tombstone", async () => {
    const f = await interviewedCandidate();
    const preview = await f.hr.caller.privacy.erasePreview({ candidateId: f.candidateId });
    expect(preview).toMatchObject({ keepAnonymousRatings: false, interviews: 1, scorecards: 3, notes: 1, anonymizedAt: null });

    const result = await f.hr.caller.privacy.erase({ candidateId: f.candidateId });
    expect(result).toMatchObject({ mode: "deleted", interviews: 1, scorecards: 3, notes: 1, name: preview.erasedName });
    expect(result.name).toMatch(/^Erased candidate [a-z0-9]{6}$/);

    const row = await db().candidate.findUniqueOrThrow({ where: { id: f.candidateId } });
    expect(row).toMatchObject({ name: result.name, email: null, phone: null, notes: "", vacancyId: f.vacancyId, stageId: f.stageId });
    expect(row.anonymizedAt).toBeInstanceOf(Date);
    expect(await db().interview.count({ where: { candidateId: f.candidateId } })).toBe(0);
    expect(await db().scorecard.count({ where: { id: f.scorecardId } })).toBe(0);
    expect(await db().rating.count({ where: { scorecardId: f.scorecardId } })).toBe(0);
    expect(await db().scorecardNote.count({ where: { scorecardId: f.scorecardId } })).toBe(0);
    // The bystander is untouched.
    expect((await db().candidate.findUniqueOrThrow({ where: { id: f.otherCandidateId } })).name).toBe("Pat Bystander");

    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: f.candidateId, action: "candidate.erased" } });
    expect(event).toMatchObject({ actorId: f.hr.userId, data: { mode: "deleted", interviews: 1, scorecards: 3, notes: 1 } });

    // Lists and the record show the anonymous label only; the record can't be edited back, or erased twice.
    const listed = await f.hr.caller.candidates.list({});
    expect(JSON.stringify(listed)).not.toContain("Sam Candidate");
    expect(listed.find((c) => c.id === f.candidateId)?.name).toBe(result.name);
    const got = await f.hr.caller.candidates.get({ id: f.candidateId });
    expect(got).toMatchObject({ name: result.name, email: null, phone: null, notes: "", canEdit: false, interviews: [] });
    expect(got.anonymizedAt).toBeInstanceOf(Date);
    expect(await codeOf(f.hr.caller.candidates.update({ id: f.candidateId, name: "Sam Candidate" }))).toBe("CONFLICT");
    const again = await failure(f.admin.caller.privacy.erase({ candidateId: f.candidateId }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/already erased/);
    // Nor can the tombstone be interviewed again (that would start collecting data about an erased person).
    const rebook = await failure(
      f.admin.caller.interviews.create({
        candidateId: f.candidateId,
        stageId: f.stageId,
        scheduledAt: new Date(Date.now() + 86_400_000),
        panelUserIds: f.panelists.map((p) => p.userId),
      }),
    );
    expect(rebook.code).toBe("CONFLICT");
    expect(rebook.message).toMatch(/erased/);
  });

  it("keeps numeric ratings and recommendations as anonymous data when the organisation chose to, and no name reaches the insights", async () => {
    const f = await interviewedCandidate({ keepAnonymousRatings: true });
    const before = await f.hr.caller.insights.candidateSummary({ candidateId: f.candidateId, blind: false });
    const ratingsBefore = await db().rating.count({ where: { scorecard: { interviewId: f.interviewId } } });
    expect(ratingsBefore).toBeGreaterThan(0);

    const result = await f.admin.caller.privacy.erase({ candidateId: f.candidateId });
    expect(result).toMatchObject({ mode: "ratings_kept", scorecards: 3, notes: 1 });

    expect(await db().rating.count({ where: { scorecard: { interviewId: f.interviewId } } })).toBe(ratingsBefore);
    const cards = await db().scorecard.findMany({ where: { interviewId: f.interviewId }, select: { summary: true, recommendation: true } });
    expect(cards.map((c) => c.summary)).toEqual(["", "", ""]);
    expect(cards.map((c) => c.recommendation).sort()).toEqual(["STRONG_YES", "YES", "YES"]);
    expect(await db().scorecardNote.count({ where: { scorecard: { interviewId: f.interviewId } } })).toBe(0);
    expect((await db().interview.findUniqueOrThrow({ where: { id: f.interviewId } })).location).toBe("");
    // The amendment keeps its recommendation change but not the panelist's reason.
    const amendments = await db().scorecardAmendment.findMany({ where: { scorecardId: f.scorecardId } });
    expect(amendments.map((a) => [a.reason, a.after])).toEqual([["", { recommendation: "STRONG_YES" }]]);

    const compare = await compareAs(f.hr.caller, { vacancyId: f.vacancyId, blind: false });
    const row = compare.rows.find((r) => r.candidateId === f.candidateId);
    expect(row?.label).toBe(result.name);
    expect(row?.scorecards).toBe(3);
    const summary = await f.hr.caller.insights.candidateSummary({ candidateId: f.candidateId, blind: false });
    expect(summary.candidate).toMatchObject({ label: result.name, email: null, phone: null });
    // Same numbers as before erasure, without the words.
    expect(summary.competencies.map((c) => [c.id, c.mean, c.n])).toEqual(before.competencies.map((c) => [c.id, c.mean, c.n]));
    expect(summary.scorecards.every((s) => s.summary === "")).toBe(true);
    const everything = JSON.stringify([compare, summary, await f.hr.caller.candidates.list({}), await f.hr.caller.candidates.get({ id: f.candidateId })]);
    for (const value of PERSONAL) expect(everything).not.toContain(value);

    // An export after erasure holds nothing personal either (the audit trail included).
    const exported = JSON.stringify(await f.hr.caller.privacy.exportCandidate({ candidateId: f.candidateId }));
    for (const value of ["Sam Candidate", "sam@example.org", "07700 900456", "Prefers mornings", SUMMARY, "Misread my own notes"]) {
      expect(exported).not.toContain(value);
    }
  });

  it("audits no personal data about candidates in any candidate event", async () => {
    const { org, members } = await createOrganization(["HR"]);
    const hr = callerFor(members.HR.userId);
    const { vacancyId } = await vacancyFor(org.id, { title: "Nurse" });
    const { id } = await hr.candidates.create({ name: "Noor Private", email: "noor@example.org", phone: "0123 456", vacancyId, notes: "Private note" });
    await hr.candidates.update({ id, name: "Noor P.", email: "noor2@example.org", notes: "Another note", status: "WITHDRAWN" });
    await hr.privacy.exportCandidate({ candidateId: id });
    await hr.privacy.erase({ candidateId: id });
    const events = await db().auditEvent.findMany({ where: { entityId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["candidate.created", "candidate.status_changed", "candidate.exported", "candidate.erased"]);
    const data = JSON.stringify(events.map((e) => e.data));
    for (const value of ["Noor", "noor@", "noor2@", "0123 456", "Private note", "Another note"]) expect(data).not.toContain(value);
  });
});

describe("retention", () => {
  const DAY = 86_400_000;
  const now = new Date("2027-03-01T12:00:00Z");

  async function orgWithDecisions(retentionDays: number | null, keepAnonymousRatings = false) {
    const { org, members } = await createOrganization(["ADMIN"]);
    if (retentionDays !== null || keepAnonymousRatings) {
      await callerFor(members.ADMIN.userId).privacy.updateSettings({ retentionDays, keepAnonymousRatings });
    }
    const make = async (name: string, decidedDaysAgo: number | null) =>
      db().candidate.create({
        data: {
          ...(await candidateData(org.id, { name, position: "Support Worker" })),
          email: `${name.toLowerCase()}@example.org`,
          status: decidedDaysAgo === null ? "ACTIVE" : "REJECTED",
          decidedAt: decidedDaysAgo === null ? null : new Date(now.getTime() - decidedDaysAgo * DAY),
        },
      });
    return {
      org,
      admin: callerFor(members.ADMIN.userId),
      old: await make("Olwen", 31),
      recent: await make("Rhys", 29),
      active: await make("Aled", null),
    };
  }

  it("anonymises candidates decided longer ago than the period, once, and audits it with no actor", async () => {
    const f = await orgWithDecisions(30);
    const untouched = await orgWithDecisions(null);
    await applyRetention(db(), now);

    const old = await db().candidate.findUniqueOrThrow({ where: { id: f.old.id } });
    expect(old).toMatchObject({ email: null, name: expect.stringMatching(/^Erased candidate /) });
    expect(old.anonymizedAt).toEqual(now);
    for (const id of [f.recent.id, f.active.id, untouched.old.id, untouched.recent.id]) {
      const row = await db().candidate.findUniqueOrThrow({ where: { id } });
      expect(row.anonymizedAt).toBeNull();
      expect(row.email).not.toBeNull();
    }
    const events = await db().auditEvent.findMany({ where: { orgId: f.org.id, action: RETENTION_ACTION } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityId: f.old.id, actorId: null, data: { retentionDays: 30, mode: "deleted" } });

    // Idempotent: a second run (or a second app instance) finds nothing new for this organisation.
    await applyRetention(db(), now);
    expect(await db().auditEvent.count({ where: { orgId: f.org.id, action: RETENTION_ACTION } })).toBe(1);
    expect((await db().candidate.findUniqueOrThrow({ where: { id: f.old.id } })).anonymizedAt).toEqual(now);
  });

  it("two runs at once anonymise each candidate exactly once", async () => {
    const f = await orgWithDecisions(10);
    await Promise.all([applyRetention(db(), now), applyRetention(db(), now)]);
    const events = await db().auditEvent.findMany({ where: { orgId: f.org.id, action: RETENTION_ACTION } });
    expect(events.map((e) => e.entityId).sort()).toEqual([f.old.id, f.recent.id].sort());
  });

  it("counts from the moment a candidate is hired, rejected or withdrawn", async () => {
    const { org, members } = await createOrganization(["HR"]);
    const hr = callerFor(members.HR.userId);
    const { id } = await hr.candidates.create({ name: "Wyn", vacancyId: (await vacancyFor(org.id, { title: "Nurse" })).vacancyId });
    const withdrawn = await hr.candidates.update({ id, status: "WITHDRAWN" });
    expect(withdrawn.decidedAt).toBeInstanceOf(Date);
    const reopened = await hr.candidates.update({ id, status: "ACTIVE" });
    expect(reopened.decidedAt).toBeNull();
  });

  it("lets only admins change the settings, validates them and audits the change", async () => {
    const { org, members } = await createOrganization(["ADMIN", "HR", "HIRING_MANAGER"]);
    const admin = callerFor(members.ADMIN.userId);
    expect(await admin.privacy.settings()).toEqual({ retentionDays: null, keepAnonymousRatings: false, dueNow: 0 });
    expect(await codeOf(callerFor(members.HR.userId).privacy.updateSettings({ retentionDays: 30, keepAnonymousRatings: true }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(members.HIRING_MANAGER.userId).privacy.settings())).toBe("FORBIDDEN");

    for (const retentionDays of [0, 3651, 1.5]) {
      const bad = await failure(admin.privacy.updateSettings({ retentionDays, keepAnonymousRatings: false }));
      expect(bad.code).toBe("BAD_REQUEST");
      expect(bad.message).toMatch(/^retentionDays: /);
    }
    await admin.privacy.updateSettings({ retentionDays: 180, keepAnonymousRatings: true });
    expect(await admin.privacy.settings()).toMatchObject({ retentionDays: 180, keepAnonymousRatings: true });
    await admin.privacy.updateSettings({ retentionDays: null, keepAnonymousRatings: true });
    const events = await db().auditEvent.findMany({ where: { orgId: org.id, action: "org.privacy_settings_changed" }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.data)).toEqual([
      { from: { retentionDays: null, keepAnonymousRatings: false }, to: { retentionDays: 180, keepAnonymousRatings: true } },
      { from: { retentionDays: 180, keepAnonymousRatings: true }, to: { retentionDays: null, keepAnonymousRatings: true } },
    ]);
  });
});

// ---- Debriefs and decisions: the words the panel wrote about a person ----------------------------------

const WORDS = {
  entry: "Consensus after hearing Sam's full account of the night shift",
  comment: "I think Sam downplayed the escalation at question one",
  openedEarly: "Cleo is on leave until Sam's offer deadline",
  rationale: "Empathy carried the day; ethics answers were specific",
  justification: "Reference from the previous employer raised timekeeping concerns",
  correctionReason: "The first rationale named the wrong exercise",
  oldRationale: "Empathy in the role play was outstanding",
  secondRationale: "Ethics: strong, but the peer support post needs lived experience Sam did not describe",
};
const BYSTANDER_RATIONALE = "Crisis handling: Pat froze on the escalation question";

/**
 * interviewedCandidate, whose person has a second candidacy (Peer Support Worker, its own stage), a debrief
 * of each candidacy with the panel's words (WORDS) and a decision, and a bystander's decided debrief.
 */
async function debriefedCandidate(options: { keepAnonymousRatings?: boolean } = {}) {
  const f = await interviewedCandidate(options);
  // Applied before the interview of 1 December.
  const sam = await db().candidate.update({ where: { id: f.candidateId }, data: { createdAt: new Date("2026-11-20T09:00:00Z") }, select: { personId: true } });
  const item = await db().scriptItem.findFirstOrThrow({
    where: { section: { version: { scriptId: f.scriptId } } },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  const cell = { itemId: item.id, competencyId: f.competencies.empathy! };
  const peer = await vacancyFor(f.org.id, { title: "Peer Support Worker" });
  const second = await createCandidateRecord(f.org.id, {
    name: "Sam Candidate",
    email: "sam@example.org",
    vacancyId: peer.vacancyId,
    stageId: peer.stageId,
    personId: sam.personId,
  });
  const [ada] = f.panelists;
  const first = await recordDebrief({
    orgId: f.org.id,
    candidateId: f.candidateId,
    stageId: f.stageId,
    openedEarlyReason: WORDS.openedEarly,
    entries: [{ ...cell, reason: WORDS.entry, rating: 3 }],
    comments: [{ ...cell, body: WORDS.comment, authorId: ada.userId }],
    corrections: [{ reason: WORDS.correctionReason, before: { rationale: WORDS.oldRationale }, after: { rationale: WORDS.rationale }, actorId: f.manager.userId }],
    decision: { outcome: "REJECT", rationale: WORDS.rationale, overrideJustification: WORDS.justification, decidedById: f.manager.userId },
  });
  // What the debrief service audits when a chair decides.
  await db().auditEvent.create({
    data: { orgId: f.org.id, actorId: f.manager.userId, action: "debrief.decided", entityType: "Debrief", entityId: first.debriefId, data: { outcome: "REJECT" } },
  });
  const secondDebrief = await recordDebrief({
    orgId: f.org.id,
    candidateId: second.id,
    stageId: peer.stageId,
    decision: { outcome: "RESERVE", rationale: WORDS.secondRationale, decidedById: f.manager.userId },
  });
  const bystander = await recordDebrief({
    orgId: f.org.id,
    candidateId: f.otherCandidateId,
    stageId: f.stageId,
    decision: { outcome: "REJECT", rationale: BYSTANDER_RATIONALE, decidedById: f.manager.userId },
  });
  return { ...f, secondCandidateId: second.id, cell, debriefIds: [first.debriefId, secondDebrief.debriefId], bystanderDebriefId: bystander.debriefId };
}

/** Every debrief row of the candidacies, as text, to look for words that must be gone. */
async function debriefText(candidateIds: string[]) {
  const rows = await db().debrief.findMany({
    where: { candidateId: { in: candidateIds } },
    include: { entries: true, comments: true, corrections: true, decision: true },
  });
  return JSON.stringify(rows);
}

describe("debriefs and decisions in the candidate export", () => {
  it("holds every candidacy of the person: vacancy, stage history, debrief reasons, comments and decisions with rationales", async () => {
    const f = await debriefedCandidate();
    const doc = await f.hr.caller.privacy.exportCandidate({ candidateId: f.candidateId });
    const candidacies = doc.candidacies as Array<Record<string, unknown> & { decisions: unknown[]; debriefs: unknown[]; stageHistory: unknown[] }>;
    expect(candidacies.map((c) => c.id)).toEqual([f.candidateId, f.secondCandidateId]);
    const [crisis, peer] = candidacies;
    expect(crisis).toMatchObject({ vacancy: { title: "Crisis Worker" }, currentStage: "Interview" });
    expect(crisis!.decisions).toEqual([
      expect.objectContaining({
        stage: "Interview",
        outcome: "REJECT",
        rationale: WORDS.rationale,
        isOverride: true,
        overrideJustification: WORDS.justification,
      }),
    ]);
    expect(crisis!.debriefs).toEqual([
      expect.objectContaining({
        stage: "Interview",
        status: "CLOSED",
        openedEarlyReason: WORDS.openedEarly,
        entries: [expect.objectContaining({ kind: "CONSENSUS", rating: 3, reason: WORDS.entry, competency: "Empathy" })],
        comments: [expect.objectContaining({ comment: WORDS.comment, by: f.panelists[0].name })],
        corrections: [expect.objectContaining({ reason: WORDS.correctionReason, before: { rationale: WORDS.oldRationale } })],
      }),
    ]);
    // Applying, the interview and the decision, oldest first.
    expect(crisis!.stageHistory.map((s) => (s as { event: string }).event)).toEqual(["applied", "interview (completed)", "decision"]);
    expect(peer).toMatchObject({ vacancy: { title: "Peer Support Worker" }, decisions: [expect.objectContaining({ outcome: "RESERVE", rationale: WORDS.secondRationale })] });
    // The bystander's decision is not Sam's.
    expect(JSON.stringify(doc)).not.toContain(BYSTANDER_RATIONALE);
    // The debrief's audit trail is the person's too.
    expect(doc.auditEvents.map((e) => e.action)).toContain("debrief.decided");
  });

  it("withholds the debrief of a stage whose panel the exporter sits on without having submitted", async () => {
    const f = await debriefedCandidate();
    const seatedAdmin = await createUser("Seated Admin");
    await db().membership.create({ data: { orgId: f.org.id, userId: seatedAdmin.id, role: "ADMIN" } });
    await db().panelMember.create({ data: { interviewId: f.interviewId, userId: seatedAdmin.id } });
    const doc = await callerFor(seatedAdmin.id).privacy.exportCandidate({ candidateId: f.candidateId });
    const [crisis, peer] = doc.candidacies as Array<{ debriefs: Array<Record<string, unknown>>; decisions: unknown[] }>;
    expect(crisis!.decisions).toEqual([]);
    expect(crisis!.debriefs).toEqual([expect.objectContaining({ stage: "Interview", contentWithheld: expect.stringMatching(/not submitted/) })]);
    const text = JSON.stringify(doc);
    for (const words of [WORDS.rationale, WORDS.entry, WORDS.comment, WORDS.justification]) expect(text).not.toContain(words);
    // The other candidacy's stage has no panel of theirs.
    expect(peer!.decisions).toHaveLength(1);
  });
});

describe("erasure of a person", () => {
  it("erases every candidacy of the person, deleting their debriefs and decisions, and leaves others alone", async () => {
    const f = await debriefedCandidate();
    const preview = await f.hr.caller.privacy.erasePreview({ candidateId: f.candidateId });
    expect(preview).toMatchObject({
      candidacies: 2,
      vacancies: ["Crisis Worker", "Peer Support Worker"],
      debriefs: 2,
      decisions: 2,
      debriefEntries: 1,
      debriefComments: 1,
      interviews: 1,
    });

    const result = await f.hr.caller.privacy.erase({ candidateId: f.candidateId });
    expect(result).toMatchObject({ mode: "deleted", candidacies: 2, debriefs: 2, decisions: 2, interviews: 1 });
    for (const id of [f.candidateId, f.secondCandidateId]) {
      const row = await db().candidate.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ email: null, name: expect.stringMatching(/^Erased candidate /) });
      expect(row.anonymizedAt).toBeInstanceOf(Date);
    }
    expect(await db().debrief.count({ where: { id: { in: f.debriefIds } } })).toBe(0);
    expect(await db().decision.count({ where: { candidateId: { in: [f.candidateId, f.secondCandidateId] } } })).toBe(0);
    expect(await db().debriefEntry.count({ where: { debriefId: { in: f.debriefIds } } })).toBe(0);
    expect(await db().debriefComment.count({ where: { debriefId: { in: f.debriefIds } } })).toBe(0);
    // Each candidacy's audit trail records its erasure, without words.
    const events = await db().auditEvent.findMany({ where: { action: "candidate.erased", entityId: { in: [f.candidateId, f.secondCandidateId] } } });
    expect(events).toHaveLength(2);
    const data = JSON.stringify(events.map((e) => e.data));
    for (const words of Object.values(WORDS)) expect(data).not.toContain(words);

    // The bystander's decision and its rationale stay.
    expect(await db().decision.findFirstOrThrow({ where: { debriefId: f.bystanderDebriefId } })).toMatchObject({ rationale: BYSTANDER_RATIONALE });
    // Asked again from the other candidacy: nothing is left to erase.
    expect((await failure(f.hr.caller.privacy.erase({ candidateId: f.secondCandidateId }))).message).toMatch(/already erased/);
  });

  it("keeps debriefs and decisions as anonymous rows with their words blanked when the organisation keeps anonymous ratings", async () => {
    const f = await debriefedCandidate({ keepAnonymousRatings: true });
    const result = await f.admin.caller.privacy.erase({ candidateId: f.secondCandidateId });
    expect(result).toMatchObject({ mode: "ratings_kept", candidacies: 2, debriefs: 2, decisions: 2 });

    const [first] = await db().debrief.findMany({
      where: { id: f.debriefIds[0] },
      include: { entries: true, comments: true, corrections: true, decision: true },
    });
    expect(first).toMatchObject({ status: "CLOSED", openedEarlyReason: "" });
    expect(first!.entries).toEqual([expect.objectContaining({ kind: "CONSENSUS", rating: 3, valueAfter: 3, reason: "" })]);
    expect(first!.comments).toEqual([expect.objectContaining({ body: "" })]);
    expect(first!.corrections).toEqual([expect.objectContaining({ reason: "", before: { rationale: "" }, after: { rationale: "" } })]);
    // The outcome and that it overrode the formula stay; why does not.
    expect(first!.decision).toMatchObject({ outcome: "REJECT", isOverride: true, rationale: "", overrideJustification: "" });
    expect(await db().decision.findFirstOrThrow({ where: { candidateId: f.secondCandidateId } })).toMatchObject({ outcome: "RESERVE", rationale: "" });

    const text = await debriefText([f.candidateId, f.secondCandidateId]);
    for (const words of Object.values(WORDS)) expect(text).not.toContain(words);
    const exported = JSON.stringify(await f.hr.caller.privacy.exportCandidate({ candidateId: f.candidateId }));
    for (const words of [...Object.values(WORDS), "Sam Candidate", "sam@example.org"]) expect(exported).not.toContain(words);
    // The insights still count the decision, without its words.
    const compare = await compareAs(f.hr.caller, { vacancyId: f.vacancyId, blind: false });
    expect(compare.rows.find((r) => r.candidateId === f.candidateId)).toMatchObject({ outcome: "REJECT", label: expect.stringMatching(/^Erased candidate/) });
  });

  it("by retention blanks the debrief words of a candidacy past the period, as erasure does", async () => {
    const f = await debriefedCandidate({ keepAnonymousRatings: true });
    const now = new Date();
    await f.admin.caller.privacy.updateSettings({ retentionDays: 30, keepAnonymousRatings: true });
    await db().candidate.update({ where: { id: f.candidateId }, data: { status: "REJECTED", decidedAt: new Date(now.getTime() - 31 * 86_400_000) } });
    await applyRetention(db(), now);

    expect((await db().candidate.findUniqueOrThrow({ where: { id: f.candidateId } })).anonymizedAt).toEqual(now);
    const first = await debriefText([f.candidateId]);
    for (const words of [WORDS.entry, WORDS.comment, WORDS.openedEarly, WORDS.rationale, WORDS.justification, WORDS.correctionReason, WORDS.oldRationale]) {
      expect(first).not.toContain(words);
    }
    expect(await db().decision.findFirstOrThrow({ where: { debriefId: f.debriefIds[0] } })).toMatchObject({ outcome: "REJECT", isOverride: true });
    // Retention counts from each candidacy's decision: the person's other candidacy, still open, keeps its words.
    expect(await db().decision.findFirstOrThrow({ where: { candidateId: f.secondCandidateId } })).toMatchObject({ rationale: WORDS.secondRationale });
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: f.candidateId, action: RETENTION_ACTION } });
    expect(event.data).toMatchObject({ mode: "ratings_kept", debriefs: 1, decisions: 1 });
  });
});

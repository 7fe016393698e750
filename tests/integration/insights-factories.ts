// Insights test data: an organisation with a hiring manager's published script, three candidates for one
// vacancy each interviewed by the same three panelists with hand-picked scores (the third panelist always
// one point above the other two's mean), a draft scorecard with extreme scores, a candidate on an admin's
// script, a second script on which every panelist agrees, and a candidate in another organisation.
import { expandComparison, type Comparison } from "@/lib/insights/comparison-wire";
import { db } from "@/server/db";
import { callerFor, candidateData, createOrganization, createUser, unique, vacancyFor } from "./factories";
import { createScriptWithContent } from "./script-factories";

type Caller = ReturnType<typeof callerFor>;
type Score = number | "NA";
/** Scores in cell order: Q1 empathy, Q2 ethics, Q2 empathy, Q3 crisis handling. */
type Scores = [Score, Score, Score, Score];

async function addMember(orgId: string, name: string, role: "INTERVIEWER" | "HIRING_MANAGER" | "HR" | "ADMIN") {
  const user = await createUser(name);
  await db().membership.create({ data: { orgId, userId: user.id, role } });
  return { userId: user.id, name, caller: callerFor(user.id) };
}

/** Publishes createScriptWithContent's script (weights empathy 50, ethics 30, crisis 20) as `caller`. */
async function publishedScript(caller: Caller, role: string) {
  const script = await createScriptWithContent(caller, { role });
  const published = await caller.scripts.publish({ id: script.id, baseUpdatedAt: script.saved.updatedAt });
  const items = await db().scriptItem.findMany({
    where: { section: { versionId: published.versionId } },
    orderBy: [{ section: { position: "asc" } }, { position: "asc" }],
    select: { id: true, text: true },
  });
  const c = script.competencies;
  const [q1, q2, q3] = items;
  if (!q1 || !q2 || !q3) throw new Error("expected three script items");
  const cells = [
    { itemId: q1.id, competencyId: c.empathy! },
    { itemId: q2.id, competencyId: c.ethics! },
    { itemId: q2.id, competencyId: c.empathy! },
    { itemId: q3.id, competencyId: c["crisis-handling"]! },
  ];
  return { scriptId: script.id, versionId: published.versionId, items, cells };
}

type Script = Awaited<ReturnType<typeof publishedScript>>;

const SCHEDULED = new Date("2026-11-02T10:00:00Z");
/** The script's planned length is 60 minutes: the interview ends at 11:00. */
const hoursAfterEnd = (hours: number) => new Date(SCHEDULED.getTime() + (60 + hours * 60) * 60_000);

async function interviewWithScores(
  orgId: string,
  candidate: string | { id: string; stageId: string | null },
  script: Script,
  cards: Array<{
    panelistId: string;
    scores: Scores;
    status?: "SUBMITTED" | "DRAFT";
    recommendation?: "STRONG_NO" | "NO" | "YES" | "STRONG_YES";
    submittedHoursAfterEnd?: number;
    notes?: Array<{ item: number; body: string }>;
    summary?: string;
  }>,
  scheduledAt = SCHEDULED,
) {
  const { id: candidateId, stageId } = typeof candidate === "string" ? { id: candidate, stageId: null } : candidate;
  const interview = await db().interview.create({
    data: {
      orgId,
      candidateId,
      stageId,
      scriptVersionId: script.versionId,
      scheduledAt,
      status: "COMPLETED",
      panel: { create: cards.map((c) => ({ userId: c.panelistId })) },
    },
  });
  for (const card of cards) {
    const submitted = (card.status ?? "SUBMITTED") === "SUBMITTED";
    await db().scorecard.create({
      data: {
        orgId,
        interviewId: interview.id,
        panelistId: card.panelistId,
        status: submitted ? "SUBMITTED" : "DRAFT",
        recommendation: card.recommendation ?? (submitted ? "YES" : "STRONG_NO"),
        summary: card.summary ?? "Specific examples throughout.",
        submittedAt: submitted ? hoursAfterEnd(card.submittedHoursAfterEnd ?? 2) : null,
        ratings: {
          create: script.cells.map((cell, i) => {
            const score = card.scores[i]!;
            return { ...cell, score: score === "NA" ? null : score, notAssessed: score === "NA" };
          }),
        },
        notes: {
          create: (card.notes ?? []).map((n) => ({ itemId: script.items[n.item - 1]!.id, body: n.body })),
        },
      },
    });
  }
  return interview.id;
}

export async function createInsightsFixture() {
  const { org, members } = await createOrganization(["ADMIN", "HIRING_MANAGER", "HR"]);
  const admin = { userId: members.ADMIN.userId, caller: callerFor(members.ADMIN.userId) };
  const manager = { userId: members.HIRING_MANAGER.userId, caller: callerFor(members.HIRING_MANAGER.userId) };
  const hr = { userId: members.HR.userId, caller: callerFor(members.HR.userId) };
  const otherManager = await addMember(org.id, "Second Manager", "HIRING_MANAGER");
  const [ada, ben, cleo, dev] = [
    await addMember(org.id, `Ada Panelist ${unique("a")}`, "INTERVIEWER"),
    await addMember(org.id, `Ben Panelist ${unique("b")}`, "INTERVIEWER"),
    await addMember(org.id, `Cleo Panelist ${unique("c")}`, "INTERVIEWER"),
    await addMember(org.id, `Dev Drafter ${unique("d")}`, "INTERVIEWER"),
  ];

  const position = "Crisis Worker";
  const managerScript = await publishedScript(manager.caller, position);
  const adminScript = await publishedScript(admin.caller, "Peer Support Worker");
  // Two vacancies, each with a one-stage plan on its script; the hiring manager manages the first.
  const crisisWorker = await vacancyFor(org.id, { title: position, scriptVersionId: managerScript.versionId });
  const peerSupport = await vacancyFor(org.id, { title: "Peer Support Worker", scriptVersionId: adminScript.versionId });
  await db().vacancyManager.create({ data: { vacancyId: crisisWorker.vacancyId, userId: manager.userId } });

  const candidate = async (name: string, email: string | null, phone: string | null, vacancy: typeof crisisWorker, minute: number) =>
    db().candidate.create({
      data: await candidateData(org.id, { name, email, phone, ...vacancy, createdAt: new Date(Date.UTC(2026, 9, 1, 9, minute)) }),
    });
  // Created in this order, so blind labels are A, B, C.
  const nora = await candidate("Nora Quill", "nora.quill@example.org", "+1 555 0100", crisisWorker, 0);
  const omar = await candidate("Omar Reyes", "omar.reyes@example.org", "+1 555 0101", crisisWorker, 1);
  const pia = await candidate("Pia Sol", "pia.sol@example.org", "+1 555 0102", crisisWorker, 2);
  const quinn = await candidate("Quinn Ortega", null, null, peerSupport, 3);
  const rosa = await candidate("Rosa Lindqvist", null, null, peerSupport, 4);

  // Nora: Q1 empathy 1 vs 3 (flagged), Q2 ethics 2 vs 3 (not flagged). Cleo = mean(Ada, Ben) + 1 everywhere.
  const noraInterview = await interviewWithScores(org.id, nora, managerScript, [
    {
      panelistId: ada.userId,
      scores: [1, 2, 3, 2],
      recommendation: "NO",
      notes: [{ item: 1, body: "Nora Quill called her supervisor at once; NORA stayed calm. Reach her on +1 555 0100." }],
      summary: "Nora needs support with boundaries.",
    },
    { panelistId: ben.userId, scores: [3, 2, 3, 2], recommendation: "YES" },
    { panelistId: cleo.userId, scores: [3, 3, 4, 3], recommendation: "STRONG_YES", submittedHoursAfterEnd: 30 },
    // A draft with extreme scores: never counted.
    { panelistId: dev.userId, scores: [4, 4, 4, 4], status: "DRAFT" },
  ]);
  await interviewWithScores(org.id, omar, managerScript, [
    { panelistId: ada.userId, scores: [2, 2, 2, 1], recommendation: "NO" },
    { panelistId: ben.userId, scores: [2, 2, 2, 1], recommendation: "NO" },
    { panelistId: cleo.userId, scores: [3, 3, 3, 2], recommendation: "YES", submittedHoursAfterEnd: 30 },
  ]);
  await interviewWithScores(org.id, pia, managerScript, [
    { panelistId: ada.userId, scores: [3, 3, 3, "NA"], recommendation: "YES", submittedHoursAfterEnd: 4 },
    { panelistId: ben.userId, scores: [3, 3, 3, 3], recommendation: "YES" },
    { panelistId: cleo.userId, scores: [4, 4, 4, 4], recommendation: "STRONG_YES", submittedHoursAfterEnd: 30 },
  ]);
  // On the admin's script every panelist gives the same, varied scores: perfect agreement.
  await interviewWithScores(org.id, quinn, adminScript, [
    { panelistId: ada.userId, scores: [1, 2, 3, 4] },
    { panelistId: ben.userId, scores: [1, 2, 3, 4] },
    { panelistId: cleo.userId, scores: [1, 2, 3, 4] },
  ]);
  await interviewWithScores(org.id, rosa, adminScript, [
    { panelistId: ada.userId, scores: [4, 3, 2, 1] },
    { panelistId: ben.userId, scores: [4, 3, 2, 1] },
    { panelistId: cleo.userId, scores: [4, 3, 2, 1] },
  ]);

  // Another organisation's candidate.
  const other = await createOrganization(["ADMIN"]);
  const foreign = await db().candidate.create({
    data: await candidateData(other.org.id, { name: "Foreign Candidate", position }),
  });

  return {
    org,
    /** The Crisis Worker vacancy (Nora, Omar, Pia) and its one stage; the Peer Support Worker one (Quinn, Rosa). */
    vacancyId: crisisWorker.vacancyId,
    stageId: crisisWorker.stageId,
    peerSupport,
    admin,
    manager,
    hr,
    otherManager,
    panelists: { ada, ben, cleo, dev },
    scripts: { manager: managerScript, admin: adminScript },
    candidates: { nora, omar, pia, quinn, rosa, foreign },
    noraInterview,
  };
}

export type InsightsFixture = Awaited<ReturnType<typeof createInsightsFixture>>;

export { interviewWithScores, publishedScript, addMember };

/** The comparison as the page shows it: the tRPC answer (ComparisonWire) read with expandComparison. */
export async function compareAs(caller: Caller, input: Parameters<Caller["insights"]["compare"]>[0]): Promise<Comparison> {
  return expandComparison(await caller.insights.compare(input));
}

type DebriefRows = {
  orgId: string;
  candidateId: string;
  stageId: string;
  chairId?: string | null;
  openedEarlyReason?: string | null;
  openedAt?: Date;
  /** Without one the debrief stays open. */
  decision?: {
    outcome: "ADVANCE" | "APPOINT" | "RESERVE" | "REJECT";
    rationale: string;
    nextStageId?: string | null;
    overrideJustification?: string | null;
    decidedById?: string | null;
    decidedAt?: Date;
  };
  entries?: Array<{ itemId: string; competencyId: string; reason: string; kind?: "CONSENSUS" | "KEEP_MEAN"; rating?: number | null }>;
  comments?: Array<{ itemId: string; competencyId: string; body: string; authorId?: string | null }>;
  corrections?: Array<{ reason: string; before: object; after: object; actorId?: string | null }>;
};

/**
 * A debrief of the candidate at the stage, written straight into the database (the debrief services are
 * tested on their own): its entries, comments and corrections, and the decision that closed it. An
 * override is a decision with a justification.
 */
export async function recordDebrief(rows: DebriefRows) {
  const decidedAt = rows.decision?.decidedAt ?? new Date();
  const debrief = await db().debrief.create({
    data: {
      orgId: rows.orgId,
      candidateId: rows.candidateId,
      stageId: rows.stageId,
      chairId: rows.chairId ?? rows.decision?.decidedById ?? null,
      status: rows.decision ? "CLOSED" : "OPEN",
      openedEarlyReason: rows.openedEarlyReason ?? null,
      openedAt: rows.openedAt ?? new Date(decidedAt.getTime() - 3_600_000),
      closedAt: rows.decision ? decidedAt : null,
      entries: {
        create: (rows.entries ?? []).map((e) => ({
          itemId: e.itemId,
          competencyId: e.competencyId,
          kind: e.kind ?? "CONSENSUS",
          rating: e.kind === "KEEP_MEAN" ? null : (e.rating ?? 3),
          meanBefore: 2,
          valueAfter: e.kind === "KEEP_MEAN" ? 2 : (e.rating ?? 3),
          reason: e.reason,
          recordedById: rows.chairId ?? rows.decision?.decidedById ?? null,
        })),
      },
      comments: {
        create: (rows.comments ?? []).map((c) => ({ itemId: c.itemId, competencyId: c.competencyId, body: c.body, authorId: c.authorId ?? null })),
      },
      corrections: {
        create: (rows.corrections ?? []).map((c) => ({ reason: c.reason, before: c.before, after: c.after, actorId: c.actorId ?? null })),
      },
    },
    select: { id: true },
  });
  const decision = rows.decision
    ? await db().decision.create({
        data: {
          orgId: rows.orgId,
          debriefId: debrief.id,
          candidateId: rows.candidateId,
          stageId: rows.stageId,
          outcome: rows.decision.outcome,
          nextStageId: rows.decision.nextStageId ?? null,
          rationale: rows.decision.rationale,
          isOverride: Boolean(rows.decision.overrideJustification),
          overrideJustification: rows.decision.overrideJustification ?? null,
          decidedById: rows.decision.decidedById ?? null,
          decidedAt,
        },
        select: { id: true },
      })
    : null;
  return { debriefId: debrief.id, decisionId: decision?.id ?? null };
}

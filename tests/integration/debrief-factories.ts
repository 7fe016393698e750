// A vacancy with a two-stage plan, candidates and panels whose scorecards are written straight into the
// database (submitted ones with ratings and notes, drafts with a note), for debrief tests. Ratings are given
// per question and competency, so the figures can be computed by hand.
import { db } from "@/server/db";
import { callerFor, createOrganization, createUser, unique } from "./factories";
import { createScriptWithContent } from "./script-factories";

type Role = "INTERVIEWER" | "HIRING_MANAGER" | "HR" | "ADMIN";

export async function addMember(orgId: string, name: string, role: Role) {
  const user = await createUser(name);
  await db().membership.create({ data: { orgId, userId: user.id, role } });
  return { userId: user.id, name, caller: callerFor(user.id, orgId) };
}

/** The questions of a published version as (question, competency) cells, named by their text's first word. */
export async function versionCells(versionId: string) {
  const sections = await db().scriptSection.findMany({
    where: { versionId },
    orderBy: { position: "asc" },
    select: { items: { orderBy: { position: "asc" }, select: { id: true, text: true, competencies: { orderBy: { position: "asc" }, select: { competencyId: true } } } } },
  });
  return sections.flatMap((s) => s.items).map((item, index) => ({ number: index + 1, itemId: item.id, text: item.text, competencyIds: item.competencies.map((c) => c.competencyId) }));
}

/**
 * An organisation with an admin, HR, the vacancy's hiring manager (who wrote the script and chairs), a
 * second hiring manager with a vacancy of their own, panelists Ada, Ben and Cleo (in panel order) and an
 * interviewer off every panel; a vacancy "Crisis Worker" with stages "Panel interview" and "Practical task",
 * both counting, on the script of createScriptWithContent (1 Empathy; 2 Ethics + Empathy; 3 Crisis
 * handling, optional; weights Empathy 50, Ethics 30, Crisis handling 20).
 */
export async function debriefWorld() {
  const { org, members } = await createOrganization(["ADMIN", "HIRING_MANAGER", "HR", "INTERVIEWER"]);
  const manager = { userId: members.HIRING_MANAGER.userId, caller: callerFor(members.HIRING_MANAGER.userId, org.id) };
  const script = await createScriptWithContent(manager.caller);
  const published = await manager.caller.scripts.publish({ id: script.id, baseUpdatedAt: script.saved.updatedAt });
  const versionId = published.versionId;
  const c = script.competencies;
  const [q1, q2, q3] = await versionCells(versionId);

  const vacancy = await db().vacancy.create({
    data: {
      orgId: org.id,
      title: unique("Crisis Worker"),
      managers: { create: [{ userId: manager.userId }] },
      stages: {
        create: [
          { position: 1, name: "Panel interview", scriptVersionId: versionId },
          { position: 2, name: "Practical task", scriptVersionId: versionId },
        ],
      },
    },
    select: { id: true, stages: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  const [panelStage, taskStage] = vacancy.stages as [{ id: string }, { id: string }];

  const otherManager = await addMember(org.id, "Other Manager", "HIRING_MANAGER");
  await db().vacancy.create({ data: { orgId: org.id, title: unique("Other vacancy"), managers: { create: [{ userId: otherManager.userId }] } } });

  const panelists = [
    await addMember(org.id, `Ada Panelist ${unique("a")}`, "INTERVIEWER"),
    await addMember(org.id, `Ben Panelist ${unique("b")}`, "INTERVIEWER"),
    await addMember(org.id, `Cleo Panelist ${unique("c")}`, "INTERVIEWER"),
  ] as const;

  async function addCandidate(name: string, stageId = panelStage.id) {
    const person = await db().person.create({ data: { orgId: org.id } });
    return db().candidate.create({ data: { orgId: org.id, name, vacancyId: vacancy.id, stageId, personId: person.id }, select: { id: true, name: true } });
  }

  async function interviewAt(candidateId: string, stageId: string, panel: readonly string[], scriptVersionId = versionId) {
    const interview = await db().interview.create({
      data: { orgId: org.id, candidateId, stageId, scriptVersionId, scheduledAt: new Date("2026-12-01T10:00:00Z") },
      select: { id: true },
    });
    // One at a time, so the panel order (the order members were added) is the order given.
    for (const userId of panel) {
      await db().panelMember.create({ data: { interviewId: interview.id, userId, addedAt: new Date(Date.now() + panel.indexOf(userId)) } });
    }
    return interview.id;
  }

  /** A scorecard with the given scores per cell ("item/competency" → 1..4 or "NA") and notes per item. */
  async function scorecard(
    interviewId: string,
    panelistId: string,
    options: { submitted: boolean; scores?: Record<string, number | "NA">; notes?: Record<string, string> },
  ) {
    const card = await db().scorecard.create({
      data: {
        orgId: org.id,
        interviewId,
        panelistId,
        status: "DRAFT",
        ratings: {
          create: Object.entries(options.scores ?? {}).map(([cell, score]) => {
            const [itemId, competencyId] = cell.split("/") as [string, string];
            return score === "NA" ? { itemId, competencyId, score: null, notAssessed: true } : { itemId, competencyId, score, notAssessed: false };
          }),
        },
        notes: { create: Object.entries(options.notes ?? {}).map(([itemId, body]) => ({ itemId, body })) },
      },
      select: { id: true },
    });
    if (options.submitted) {
      await db().scorecard.update({
        where: { id: card.id },
        data: { status: "SUBMITTED", submittedAt: new Date(), recommendation: "YES", summary: "Submitted for the debrief test." },
      });
    }
    return card.id;
  }

  /** Every cell of the script rated `score` (question 3, optional, too). */
  const uniform = (score: number): Record<string, number> => ({
    [`${q1!.itemId}/${c.empathy}`]: score,
    [`${q2!.itemId}/${c.ethics}`]: score,
    [`${q2!.itemId}/${c.empathy}`]: score,
    [`${q3!.itemId}/${c["crisis-handling"]}`]: score,
  });

  /** A candidate at the panel stage whose three panelists all submitted `score` everywhere. */
  async function scoredCandidate(name: string, score: number) {
    const candidate = await addCandidate(name);
    const interviewId = await interviewAt(candidate.id, panelStage.id, panelists.map((p) => p.userId));
    for (const p of panelists) await scorecard(interviewId, p.userId, { submitted: true, scores: uniform(score) });
    return { ...candidate, interviewId };
  }

  return {
    org,
    versionId,
    competencies: c,
    questions: { q1: q1!, q2: q2!, q3: q3! },
    vacancyId: vacancy.id,
    stages: { panel: panelStage.id, task: taskStage.id },
    admin: { userId: members.ADMIN.userId, caller: callerFor(members.ADMIN.userId, org.id) },
    hr: { userId: members.HR.userId, caller: callerFor(members.HR.userId, org.id) },
    manager,
    otherManager,
    outsider: { userId: members.INTERVIEWER.userId, caller: callerFor(members.INTERVIEWER.userId, org.id) },
    panelists,
    addCandidate,
    interviewAt,
    scorecard,
    uniform,
    scoredCandidate,
  };
}

export type DebriefWorld = Awaited<ReturnType<typeof debriefWorld>>;

const fixtureVacancies = new Map<string, Promise<{ vacancyId: string; stageId: string }>>();

/**
 * A debrief fixture for the authorization matrix: a candidate of a vacancy (one per organisation and
 * version, managed by `managerId`, one stage on `versionId`) interviewed at its stage by a panel where
 * `pendingIds` have not submitted and `submittedIds` have (the first rating every cell 1, the others 4, so
 * every cell is a queued disagreement); with a debrief left unopened, open, or closed with a decision.
 */
export async function debriefFixture(options: {
  orgId: string;
  managerId: string;
  versionId: string;
  pendingIds: readonly string[];
  submittedIds: readonly string[];
  state: "none" | "open" | "closed";
}) {
  const key = `${options.orgId}|${options.versionId}`;
  let vacancy = fixtureVacancies.get(key);
  if (!vacancy) {
    vacancy = db()
      .vacancy.create({
        data: {
          orgId: options.orgId,
          title: unique("Debrief matrix vacancy"),
          managers: { create: [{ userId: options.managerId }] },
          stages: { create: [{ position: 1, name: "Panel interview", scriptVersionId: options.versionId }] },
        },
        select: { id: true, stages: { select: { id: true } } },
      })
      .then((v) => ({ vacancyId: v.id, stageId: v.stages[0]!.id }));
    fixtureVacancies.set(key, vacancy);
  }
  const { vacancyId, stageId } = await vacancy;
  const person = await db().person.create({ data: { orgId: options.orgId } });
  const candidate = await db().candidate.create({
    data: { orgId: options.orgId, name: unique("Debrief Candidate"), vacancyId, stageId, personId: person.id },
    select: { id: true },
  });
  const interview = await db().interview.create({
    data: {
      orgId: options.orgId,
      candidateId: candidate.id,
      stageId,
      scriptVersionId: options.versionId,
      scheduledAt: new Date(Date.now() - 3_600_000),
      panel: { create: [...new Set([...options.submittedIds, ...options.pendingIds])].map((userId) => ({ userId })) },
    },
    select: { id: true },
  });
  const cells = (await versionCells(options.versionId)).flatMap((q) => q.competencyIds.map((competencyId) => ({ itemId: q.itemId, competencyId })));
  for (const [index, panelistId] of options.submittedIds.entries()) {
    const score = index === 0 ? 1 : 4;
    await db().scorecard.create({
      data: {
        orgId: options.orgId,
        interviewId: interview.id,
        panelistId,
        status: "SUBMITTED",
        submittedAt: new Date(),
        recommendation: "YES",
        summary: "Submitted for the matrix.",
        ratings: { create: cells.map((c) => ({ ...c, score, notAssessed: false })) },
      },
    });
  }
  const unit = cells[0]!;
  if (options.state === "none") return { candidateId: candidate.id, stageId, debriefId: null, ...unit };
  const debrief = await db().debrief.create({
    data: {
      orgId: options.orgId,
      candidateId: candidate.id,
      stageId,
      chairId: options.managerId,
      openedEarlyReason: options.pendingIds.length ? "Opened for the matrix." : null,
      ...(options.state === "closed" ? { status: "CLOSED" as const, closedAt: new Date() } : {}),
    },
    select: { id: true },
  });
  if (options.state === "closed") {
    await db().decision.create({
      data: {
        orgId: options.orgId,
        debriefId: debrief.id,
        candidateId: candidate.id,
        stageId,
        outcome: "RESERVE",
        rationale: "Empathy was adequate.",
        decidedById: options.managerId,
      },
    });
    await db().candidate.update({ where: { id: candidate.id }, data: { status: "RESERVE", decidedAt: new Date() } });
  }
  return { candidateId: candidate.id, stageId, debriefId: debrief.id, ...unit };
}

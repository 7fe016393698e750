// A scheduled interview with a three-person panel, built with Prisma on a published script, for scorecard
// tests; plus helpers to fill in and submit a scorecard the way the scoring screen would.
import { db } from "@/server/db";
import { callerFor, createCandidateRecord, createOrganization, createUser, unique } from "./factories";
import { builtInCompetencies, createScriptWithContent, draft, item } from "./script-factories";

type Caller = ReturnType<typeof callerFor>;
export type MyScorecard = Awaited<ReturnType<Caller["scorecards"]["mine"]>>;

async function addMember(orgId: string, name: string, role: "INTERVIEWER" | "HIRING_MANAGER" | "HR" | "ADMIN") {
  const user = await createUser(name);
  await db().membership.create({ data: { orgId, userId: user.id, role } });
  return { userId: user.id, name, caller: callerFor(user.id) };
}

/**
 * An organisation with an admin, a hiring manager (who wrote the script), HR, three interviewers on the panel (named so that they
 * sort A, B, C) and one interviewer off it, and an interview on the published script of
 * createScriptWithContent (questions: 1 Empathy, required; 2 Ethics + Empathy, required; 3 Crisis handling,
 * optional). `wideScript` instead publishes seven required questions each rating three competencies.
 */
export async function createPanelInterview(options: { wideScript?: boolean } = {}) {
  const { org, members } = await createOrganization(["ADMIN", "HIRING_MANAGER", "HR"]);
  const admin = callerFor(members.ADMIN.userId);
  const panelists = [
    await addMember(org.id, `Ada Panelist ${unique("a")}`, "INTERVIEWER"),
    await addMember(org.id, `Ben Panelist ${unique("b")}`, "INTERVIEWER"),
    await addMember(org.id, `Cleo Panelist ${unique("c")}`, "INTERVIEWER"),
  ] as const;
  const outsider = await addMember(org.id, "Off-panel Interviewer", "INTERVIEWER");

  // The hiring manager writes the script, so the candidate is theirs: they see its submitted scorecards.
  const manager = callerFor(members.HIRING_MANAGER.userId);
  const script = await createScriptWithContent(manager);
  let baseUpdatedAt = script.saved.updatedAt;
  if (options.wideScript) {
    const c = await builtInCompetencies();
    const three = [c.empathy!, c.ethics!, c["crisis-handling"]!];
    const saved = await manager.scripts.saveDraft(
      draft(
        { ...script.loaded, updatedAt: baseUpdatedAt },
        {
          targets: script.content.targets,
          sections: [{ title: "Scenarios", items: Array.from({ length: 7 }, () => item(three)) }],
        },
      ),
    );
    baseUpdatedAt = saved.updatedAt;
  }
  const published = await manager.scripts.publish({ id: script.id, baseUpdatedAt });

  const candidate = await createCandidateRecord(org.id, {
    name: "Sam Candidate",
    position: "Crisis Worker",
    scriptVersionId: published.versionId,
  });
  const interview = await db().interview.create({
    data: {
      orgId: org.id,
      candidateId: candidate.id,
      scriptVersionId: published.versionId,
      stageId: candidate.stageId,
      scheduledAt: new Date("2026-12-01T10:00:00Z"),
      panel: { create: panelists.map((p) => ({ userId: p.userId })) },
    },
  });
  return {
    org,
    interviewId: interview.id,
    candidateId: candidate.id,
    vacancyId: candidate.vacancyId,
    stageId: candidate.stageId!,
    scriptId: script.id,
    competencies: script.competencies,
    admin: { userId: members.ADMIN.userId, caller: admin },
    manager: { userId: members.HIRING_MANAGER.userId, caller: manager },
    hr: { userId: members.HR.userId, caller: callerFor(members.HR.userId) },
    panelists,
    outsider,
  };
}

/** Every competency of every question, as (item, competency) cells in screen order. */
/** A saveRating input for one cell, as the scoring screen sends it. */
export const rating = (scorecardId: string, cell: { itemId: string; competencyId: string }, score: number | null, baseVersion: number) => ({
  scorecardId,
  itemId: cell.itemId,
  competencyId: cell.competencyId,
  score,
  notAssessed: false,
  baseVersion,
});

export function cellsOf(card: MyScorecard) {
  return card.items.flatMap((i) =>
    i.competencies.map((c) => ({ itemId: i.itemId, competencyId: c.id, required: i.required })),
  );
}

/** Rates every required cell with `score` (first save of each cell) and submits with a recommendation. */
export async function rateAndSubmit(caller: Caller, interviewId: string, score = 3) {
  const card = await caller.scorecards.mine({ interviewId });
  for (const cell of cellsOf(card).filter((c) => c.required)) {
    const saved = await caller.scorecards.saveRating({
      scorecardId: card.id,
      itemId: cell.itemId,
      competencyId: cell.competencyId,
      score,
      notAssessed: false,
      baseVersion: 0,
    });
    if (saved.status !== "saved") throw new Error("rateAndSubmit expects a fresh scorecard");
  }
  const { submittedAt } = await caller.scorecards.submit({
    scorecardId: card.id,
    recommendation: "YES",
    summary: "Clear, specific examples; safe practice throughout.",
  });
  return { card, submittedAt };
}

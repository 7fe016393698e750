// Building blocks for interview, candidate and invitation tests: a published script version, a candidate
// and a scheduled interview in one organisation, made through the real routers.
import { callerFor, createOrganization, createUser, unique, vacancyFor } from "./factories";
import { createScriptWithContent } from "./script-factories";
import { db } from "@/server/db";

type Caller = ReturnType<typeof callerFor>;

/** A published script version of the caller's organisation (the caller needs scripts:write). */
export async function publishedScriptVersion(caller: Caller) {
  const { id, saved } = await createScriptWithContent(caller);
  const published = await caller.scripts.publish({ id, baseUpdatedAt: saved.updatedAt });
  return { scriptId: id, versionId: published.versionId };
}

/**
 * An organisation with an admin, a hiring manager, HR and three interviewers (the last one not on the
 * panel), a vacancy "Crisis Worker" whose one stage uses the published script version, a candidate at that
 * stage, and an interview at the stage with interviewers 1 and 2 on the panel.
 */
export async function interviewSetup(options: { scheduledAt?: Date } = {}) {
  const { org, members } = await createOrganization(["ADMIN", "HIRING_MANAGER", "HR", "INTERVIEWER"]);
  const extra = [];
  for (const name of ["Second interviewer", "Third interviewer"]) {
    const user = await createUser(name);
    await db().membership.create({ data: { orgId: org.id, userId: user.id, role: "INTERVIEWER" } });
    extra.push(user.id);
  }
  const interviewers = [members.INTERVIEWER.userId, ...extra] as [string, string, string];
  const manager = callerFor(members.HIRING_MANAGER.userId);
  const { scriptId, versionId } = await publishedScriptVersion(manager);
  const { vacancyId, stageId } = await vacancyFor(org.id, { title: "Crisis Worker", scriptVersionId: versionId });
  const candidate = await manager.candidates.create({
    name: unique("Candidate"),
    email: "candidate@example.org",
    phone: "+44 20 7946 0000",
    vacancyId,
    notes: "Prefers mornings",
  });
  const scheduledAt = options.scheduledAt ?? new Date(Date.now() + 3 * 24 * 3_600_000);
  const interview = await manager.interviews.create({
    candidateId: candidate.id,
    stageId,
    scheduledAt,
    location: "Room 4",
    panelUserIds: [interviewers[0], interviewers[1]],
  });
  return {
    org,
    members,
    interviewers,
    manager,
    scriptId,
    versionId,
    vacancyId,
    stageId,
    candidateId: candidate.id,
    interviewId: interview.id,
  };
}

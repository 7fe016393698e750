// The signed-in member's own panel seats, sorted into what's coming, what to score and what's done.
import type { MyInterviewRow, ScorecardProgress } from "@/lib/schemas/interviews";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { debriefsOfInterviews } from "@/server/services/debriefs/_shared/interview-debriefs";
import { reminderDueAt } from "./_shared/reminder-due";

/** Cancelled interviews are left out; "today" counts as time to score, so a panelist finds the scorecard during the interview. */
export async function listMyInterviews(db: Db, actor: Actor, now: Date = new Date()) {
  const seats = await db.panelMember.findMany({
    where: { userId: actor.userId, interview: { orgId: actor.orgId, status: { not: "CANCELLED" } } },
    select: {
      shadow: true,
      interview: {
        select: {
          id: true,
          scheduledAt: true,
          location: true,
          candidate: { select: { name: true, vacancy: { select: { title: true } } } },
          stage: { select: { name: true } },
          scriptVersion: { select: { plannedMinutes: true, script: { select: { title: true } } } },
          scorecards: { where: { panelistId: actor.userId }, select: { status: true } },
        },
      },
    },
  });
  const debriefOf = await debriefsOfInterviews(db, actor, seats.map((s) => s.interview.id));
  const startOfTomorrow = new Date(now);
  startOfTomorrow.setHours(24, 0, 0, 0);

  const upcoming: MyInterviewRow[] = [];
  const toScore: MyInterviewRow[] = [];
  const submitted: MyInterviewRow[] = [];
  for (const { interview, shadow } of seats) {
    const scorecardStatus: ScorecardProgress = interview.scorecards[0]?.status ?? "NOT_STARTED";
    const row: MyInterviewRow = {
      interviewId: interview.id,
      candidateName: interview.candidate.name,
      vacancyTitle: interview.candidate.vacancy.title,
      stageName: interview.stage?.name ?? null,
      scriptTitle: interview.scriptVersion.script.title,
      scheduledAt: interview.scheduledAt,
      location: interview.location,
      scorecardStatus,
      overdue:
        scorecardStatus !== "SUBMITTED" && now > reminderDueAt(interview.scheduledAt, interview.scriptVersion.plannedMinutes),
      shadow,
      debrief: debriefOf.get(interview.id) ?? null,
    };
    if (scorecardStatus === "SUBMITTED") submitted.push(row);
    else if (interview.scheduledAt < startOfTomorrow) toScore.push(row);
    else upcoming.push(row);
  }
  const byTime = (a: MyInterviewRow, b: MyInterviewRow) => a.scheduledAt.getTime() - b.scheduledAt.getTime();
  upcoming.sort(byTime);
  toScore.sort((a, b) => Number(b.overdue) - Number(a.overdue) || byTime(a, b));
  submitted.sort((a, b) => byTime(b, a));
  return { upcoming, toScore, submitted };
}

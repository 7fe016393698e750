// The signed-in member's own panel seats, sorted into what's coming, what to score and what's done.
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";

/**
 * Hours after an interview's planned end before an unsubmitted scorecard is flagged overdue. Scores
 * written long after the interview lean on memory rather than notes, so the app nudges early.
 */
export const REMINDER_HOURS = 4;

export type ScorecardProgress = "NOT_STARTED" | "DRAFT" | "SUBMITTED";

export type MyInterviewRow = {
  interviewId: string;
  candidateName: string;
  position: string;
  scriptTitle: string;
  scheduledAt: Date;
  location: string;
  scorecardStatus: ScorecardProgress;
  overdue: boolean;
};

/** When an unsubmitted scorecard of an interview becomes overdue. */
export function reminderDueAt(scheduledAt: Date, plannedMinutes: number): Date {
  return new Date(scheduledAt.getTime() + plannedMinutes * 60_000 + REMINDER_HOURS * 3_600_000);
}

/** Cancelled interviews are left out; "today" counts as time to score, so a panelist finds the scorecard during the interview. */
export async function listMyInterviews(db: Db, actor: Actor, now: Date = new Date()) {
  const seats = await db.panelMember.findMany({
    where: { userId: actor.userId, interview: { orgId: actor.orgId, status: { not: "CANCELLED" } } },
    select: {
      interview: {
        select: {
          id: true,
          scheduledAt: true,
          location: true,
          candidate: { select: { name: true, position: true } },
          scriptVersion: { select: { plannedMinutes: true, script: { select: { title: true } } } },
          scorecards: { where: { panelistId: actor.userId }, select: { status: true } },
        },
      },
    },
  });
  const startOfTomorrow = new Date(now);
  startOfTomorrow.setHours(24, 0, 0, 0);

  const upcoming: MyInterviewRow[] = [];
  const toScore: MyInterviewRow[] = [];
  const submitted: MyInterviewRow[] = [];
  for (const { interview } of seats) {
    const scorecardStatus: ScorecardProgress = interview.scorecards[0]?.status ?? "NOT_STARTED";
    const row: MyInterviewRow = {
      interviewId: interview.id,
      candidateName: interview.candidate.name,
      position: interview.candidate.position,
      scriptTitle: interview.scriptVersion.script.title,
      scheduledAt: interview.scheduledAt,
      location: interview.location,
      scorecardStatus,
      overdue:
        scorecardStatus !== "SUBMITTED" && now > reminderDueAt(interview.scheduledAt, interview.scriptVersion.plannedMinutes),
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

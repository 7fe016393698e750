// What an interview's calendar event is made of, read once and shaped for src/lib/calendar: the select, the
// event (links absolute on the app's public URL) and the organiser (the organisation, at Panelkit's sending
// address). The candidate's name only: never their contact details or notes.
import type { Prisma } from "@/generated/prisma/client";
import { serverEnv } from "@/env";
import type { InterviewEvent } from "@/lib/calendar/interview-calendar";
import { DEFAULT_FROM } from "@/server/email/send-email";

export const interviewEventSelect = {
  id: true,
  scheduledAt: true,
  location: true,
  status: true,
  calendarSequence: true,
  candidate: { select: { name: true, vacancy: { select: { title: true } } } },
  stage: { select: { name: true } },
  scriptVersion: { select: { plannedMinutes: true } },
} satisfies Prisma.InterviewSelect;

export type InterviewEventRow = Prisma.InterviewGetPayload<{ select: typeof interviewEventSelect }>;

/** The app's public URL (NEXTAUTH_URL), without a trailing slash. */
export function appUrl(): string {
  const env = serverEnv();
  return (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT ?? "3000"}`).replace(/\/+$/, "");
}

export function toInterviewEvent(row: InterviewEventRow, base: string, attendee?: InterviewEvent["attendee"]): InterviewEvent {
  return {
    interviewId: row.id,
    sequence: row.calendarSequence,
    start: row.scheduledAt,
    durationMinutes: row.scriptVersion.plannedMinutes,
    cancelled: row.status === "CANCELLED",
    candidateName: row.candidate.name,
    vacancyTitle: row.candidate.vacancy.title,
    stageName: row.stage?.name ?? null,
    location: row.location,
    interviewUrl: `${base}/interviews/${row.id}`,
    scoringUrl: `${base}/interviews/${row.id}/score`,
    ...(attendee ? { attendee } : {}),
  };
}

/** The organisation as organiser, at the address Panelkit sends from (SMTP_FROM). */
export function organizerFor(orgName: string): { name: string; email: string } {
  const from = serverEnv().SMTP_FROM ?? DEFAULT_FROM;
  const email = /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
  return { name: orgName, email };
}

// "Add to calendar": one interview as an .ics file for someone on its panel or who schedules interviews.
// Anyone else, and any other organisation's interview, gets "not found". The download is a PUBLISH (a
// copy to keep) with the same UID as the emailed invitations, so importing it never makes a second event.
import type { Locale } from "@/i18n/config";
import { buildInterviewCalendar } from "@/lib/calendar/interview-calendar";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { roleHas } from "@/server/auth/permissions";
import type { Actor } from "@/server/services/actor";
import { appUrl, interviewEventSelect, organizerFor, toInterviewEvent } from "./_shared/interview-event";

/** `locale`: the language of the page it is downloaded from (the event's words are for the one downloading it). */
export async function getInterviewCalendar(db: Db, actor: Actor, interviewId: string, locale?: Locale): Promise<{ fileName: string; ics: string }> {
  const interview = await db.interview.findFirst({
    where: {
      id: interviewId,
      orgId: actor.orgId,
      ...(roleHas(actor.role, "interviews:write") ? {} : { panel: { some: { userId: actor.userId } } }),
    },
    select: { ...interviewEventSelect, org: { select: { name: true, timeZone: true } } },
  });
  if (!interview) throw notFound("Interview");
  const ics = buildInterviewCalendar({
    method: "PUBLISH",
    timeZone: interview.org.timeZone,
    organizer: organizerFor(interview.org.name),
    events: [toInterviewEvent(interview, appUrl())],
    locale,
  });
  return { fileName: `interview-${interview.id}.ics`, ics };
}

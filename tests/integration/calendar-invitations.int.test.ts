// Calendar invitations and reminders end to end: a service changes an interview and queues its emails in the
// same transaction, a real worker renders and sends them through nodemailer to a real SMTP server in this
// process, and the test reads each email's text/calendar part back with ical.js.
import type { ParsedMail } from "mailparser";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import { JOB } from "@/server/jobs/job-names";
import { queueInterviewReminders } from "@/server/jobs/queue-interview-reminders";
import type { Notification } from "@/server/email/notification";
import { getCalendarFeed } from "@/server/services/calendar/get-calendar-feed";
import { getInterviewCalendar } from "@/server/services/calendar/get-interview-calendar";
import { readICalendar } from "../read-icalendar";
import { callerFor, createUser } from "./factories";
import { setUpEmailTestKit } from "./email-test-kit";
import { interviewSetup } from "./interview-factories";

const HOUR = 3_600_000;
const { mailTo, startWorker, waitForMail } = setUpEmailTestKit({ NEXTAUTH_URL: "https://panelkit.test.example" });

/** The email's text/calendar part (its method from the content type) and its invite.ics, read back. */
function calendarOf(mail: ParsedMail) {
  const part = mail.attachments.find((a) => a.contentType === "text/calendar");
  const file = mail.attachments.find((a) => a.filename === "invite.ics" && a.contentType !== "text/calendar");
  if (!part || !file) throw new Error(`no calendar in «${mail.subject}»`);
  const method = (part.headers.get("content-type") as { params?: Record<string, string> } | undefined)?.params?.method;
  expect(file.content.toString("utf8")).toBe(part.content.toString("utf8"));
  const calendar = readICalendar(part.content.toString("utf8"));
  // The part's method (what mail clients act on) is the calendar's own METHOD.
  expect(method).toBe(calendar.method);
  return calendar;
}

const emailOf = async (userId: string) => (await db().user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } })).email;

describe("calendar invitations by email", () => {
  it("invite, update, move between panelists and cancel: each person gets one email per change, the event's sequence rising", async () => {
    const setup = await interviewSetup({ scheduledAt: new Date("2030-03-30T09:00:00Z") });
    await db().organization.update({ where: { id: setup.org.id }, data: { timeZone: "Europe/London" } });
    const [first, second, third] = await Promise.all(setup.interviewers.map(emailOf));
    await startWorker();

    // Added when the interview was scheduled: a REQUEST in London time, with the scoring link, nothing private.
    await waitForMail([first!, second!]);
    const invited = calendarOf(mailTo(first!)[0]!);
    expect(invited.method).toBe("REQUEST");
    expect(invited.events).toHaveLength(1);
    const [event] = invited.events;
    expect(event).toMatchObject({ uid: `interview-${setup.interviewId}@panelkit`, sequence: 0, status: "CONFIRMED", tzid: "Europe/London", location: "Room 4" });
    expect(event!.start.toISOString()).toBe("2030-03-30T09:00:00.000Z");
    expect(event!.attendees).toEqual([first]);
    expect(event!.description).toContain(`https://panelkit.test.example/interviews/${setup.interviewId}/score`);
    const raw = mailTo(first!)[0]!.attachments.map((a) => a.content.toString("utf8")).join("\n");
    for (const secret of ["candidate@example.org", "7946", "Prefers mornings"]) expect(raw).not.toContain(secret);
    // The email's own words give the time in the organisation's zone (09:00 in London, still winter time).
    expect(mailTo(first!)[0]!.text).toContain("Saturday, 30 March 2030 at 09:00 Europe/London");

    // Rescheduled across the clock change (31 March 2030): one update each, a higher sequence, the new instant.
    await setup.manager.interviews.update({ id: setup.interviewId, scheduledAt: new Date("2030-04-01T09:00:00Z") });
    await waitForMail([first!, second!], 2);
    for (const address of [first!, second!]) {
      const update = calendarOf(mailTo(address)[1]!);
      expect(update.method).toBe("REQUEST");
      expect(update.events[0]).toMatchObject({ uid: `interview-${setup.interviewId}@panelkit`, sequence: 1 });
      expect(update.events[0]!.start.toISOString()).toBe("2030-04-01T09:00:00.000Z");
      expect(mailTo(address)[1]!.subject).toMatch(/changed: Monday, 1 April 2030 at 10:00 Europe\/London$/);
      expect(mailTo(address)[1]!.messageId).not.toBe(mailTo(address)[0]!.messageId);
    }

    // The second panelist makes way for the third: a REQUEST for one, a CANCEL for the other, none for the first.
    // The second has meanwhile chosen Spanish: their email comes in Spanish, the time written the Spanish way.
    await db().user.update({ where: { id: setup.interviewers[1] }, data: { locale: "es" } });
    await setup.manager.interviews.setPanel({ id: setup.interviewId, userIds: [setup.interviewers[0], setup.interviewers[2]], shadowUserIds: [] });
    await waitForMail([third!]);
    await waitForMail([second!], 3);
    const added = calendarOf(mailTo(third!)[0]!);
    expect(added.method).toBe("REQUEST");
    expect(added.events[0]).toMatchObject({ sequence: 2, status: "CONFIRMED" });
    const removed = calendarOf(mailTo(second!)[2]!);
    expect(mailTo(second!)[2]!.subject).toMatch(/^Ya no forma parte del panel de /);
    expect(mailTo(second!)[2]!.text).toContain("lunes, 1 de abril de 2030");
    expect(removed.method).toBe("CANCEL");
    expect(removed.events[0]).toMatchObject({ uid: `interview-${setup.interviewId}@panelkit`, sequence: 2, status: "CANCELLED" });
    // The attachment's event in the email's language too; the others' stay English.
    expect(removed.events[0]!.description).toMatch(/^Cancelada: entrevista con .+\nLugar: Room 4\nPuntúe la entrevista: /);
    expect(added.events[0]!.summary).toMatch(/^Interview: /);

    // Cancelled: a CANCEL to the panel as it is now, the removed panelist hearing nothing more.
    await setup.manager.interviews.update({ id: setup.interviewId, status: "CANCELLED" });
    await waitForMail([first!], 3);
    await waitForMail([third!], 2);
    for (const address of [first!, third!]) {
      const cancel = calendarOf(mailTo(address).at(-1)!);
      expect(cancel.method).toBe("CANCEL");
      expect(cancel.events[0]).toMatchObject({ sequence: 3, status: "CANCELLED" });
    }
    await new Promise((r) => setTimeout(r, 700)); // time for a duplicate to show up, if one were coming
    expect([mailTo(first!).length, mailTo(second!).length, mailTo(third!).length]).toEqual([3, 3, 2]);
    expect(mailTo(await emailOf(setup.members.HIRING_MANAGER.userId))).toEqual([]);
  });

  it("escalate an overdue scorecard to the vacancy's hiring manager once, after the organisation's hours", async () => {
    const setup = await interviewSetup({ scheduledAt: new Date(Date.now() - 80 * HOUR) });
    const vacancyManager = await createUser("Vacancy Manager");
    await db().membership.create({ data: { orgId: setup.org.id, userId: vacancyManager.id, role: "HIRING_MANAGER" } });
    await db().vacancyManager.create({ data: { vacancyId: setup.vacancyId, userId: vacancyManager.id } });
    await db().organization.update({ where: { id: setup.org.id }, data: { overdueEscalationHours: 24 } });
    const [late, onTime] = setup.interviewers;
    // Reminded 30 hours ago (past 24) and 10 hours ago (not yet).
    await db().panelMember.update({ where: { interviewId_userId: { interviewId: setup.interviewId, userId: late } }, data: { reminderSentAt: new Date(Date.now() - 30 * HOUR) } });
    await db().panelMember.update({ where: { interviewId_userId: { interviewId: setup.interviewId, userId: onTime } }, data: { reminderSentAt: new Date(Date.now() - 10 * HOUR) } });
    await startWorker();
    await enqueueJob(db(), JOB.scoringReminders, {});
    await waitForMail([vacancyManager.email]);
    await enqueueJob(db(), JOB.scoringReminders, {});
    await new Promise((r) => setTimeout(r, 1_000));
    const mails = mailTo(vacancyManager.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^Scorecard overdue: Second interviewer|^Scorecard overdue: /);
    expect(mails[0]!.text).toContain("24 hours after being reminded");
    expect(mails[0]!.text).toContain(`/interviews/${setup.interviewId}`);
    // The script's author is not told when the vacancy has managers of its own.
    expect(mailTo(await emailOf(setup.members.HIRING_MANAGER.userId)).filter((m) => m.subject?.startsWith("Scorecard overdue"))).toEqual([]);
  });
});

describe("reminders before an interview", () => {
  /** Claims due reminders as the reminders job does; what it would queue is collected instead. */
  async function run(interviewId: string) {
    const queued: string[] = [];
    await queueInterviewReminders(db(), async (_tx, n: Notification) => {
      if (n.kind === "interview-reminder" && n.interviewId === interviewId) queued.push(`${n.kind}:${n.before}:${n.userId}`);
    });
    return queued.sort();
  }

  it("go the day before and the hour before to each counting panelist, once each, and not when switched off", async () => {
    const setup = await interviewSetup({ scheduledAt: new Date(Date.now() + 30 * HOUR) });
    const [a, b, shadow] = setup.interviewers;
    await db().panelMember.create({ data: { interviewId: setup.interviewId, userId: shadow, shadow: true } });
    expect(await run(setup.interviewId)).toEqual([]);

    await db().interview.update({ where: { id: setup.interviewId }, data: { scheduledAt: new Date(Date.now() + 20 * HOUR) } });
    expect(await run(setup.interviewId)).toEqual([`interview-reminder:day:${a}`, `interview-reminder:day:${b}`].sort());
    expect(await run(setup.interviewId)).toEqual([]);

    await db().interview.update({ where: { id: setup.interviewId }, data: { scheduledAt: new Date(Date.now() + 40 * 60_000) } });
    expect(await run(setup.interviewId)).toEqual([`interview-reminder:hour:${a}`, `interview-reminder:hour:${b}`].sort());
    expect(await run(setup.interviewId)).toEqual([]);

    // Rescheduled to tomorrow: the reminders are due again for the new time; switched off, none goes.
    await setup.manager.interviews.update({ id: setup.interviewId, scheduledAt: new Date(Date.now() + 20 * HOUR) });
    await db().organization.update({ where: { id: setup.org.id }, data: { reminderDayBefore: false } });
    expect(await run(setup.interviewId)).toEqual([]);
    await db().organization.update({ where: { id: setup.org.id }, data: { reminderDayBefore: true } });
    expect(await run(setup.interviewId)).toEqual([`interview-reminder:day:${a}`, `interview-reminder:day:${b}`].sort());
  });
});

describe("calendar feeds and downloads", () => {
  it("give the .ics to the interview's panelists and schedulers only; anyone else, any other organisation, not found", async () => {
    const setup = await interviewSetup();
    const actor = async (userId: string) => {
      const m = await db().membership.findFirstOrThrow({ where: { userId }, select: { orgId: true, role: true } });
      return { userId, orgId: m.orgId, role: m.role };
    };
    const panelist = await getInterviewCalendar(db(), await actor(setup.interviewers[0]), setup.interviewId);
    expect(readICalendar(panelist.ics).events[0]).toMatchObject({ uid: `interview-${setup.interviewId}@panelkit` });
    expect(panelist.ics).not.toContain("candidate@example.org");
    await getInterviewCalendar(db(), await actor(setup.members.HIRING_MANAGER.userId), setup.interviewId);
    for (const userId of [setup.interviewers[2], setup.members.HR.userId]) {
      await expect(getInterviewCalendar(db(), await actor(userId), setup.interviewId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const other = await interviewSetup();
    await expect(getInterviewCalendar(db(), await actor(other.members.ADMIN.userId), setup.interviewId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("list the member's interviews to whoever holds the link, until revoked; the link is the owner's alone", async () => {
    const setup = await interviewSetup({ scheduledAt: new Date(Date.now() + 48 * HOUR) });
    const panelist = callerFor(setup.interviewers[0]);
    const feed = await panelist.calendar.createFeed();
    const token = /\/api\/calendar\/feed\/([\w-]+)\.ics$/.exec(feed.url)?.[1];
    expect(token).toBeTruthy();
    expect(await db().calendarFeedToken.count({ where: { tokenHash: token! } })).toBe(0); // stored hashed

    const first = readICalendar((await getCalendarFeed(db(), token!))!);
    expect(first.events.map((e) => e.uid)).toEqual([`interview-${setup.interviewId}@panelkit`]);
    expect(first.events[0]!.description).toContain(`/interviews/${setup.interviewId}/score`);
    expect((await panelist.calendar.feeds())[0]!.lastUsedAt).not.toBeNull();

    expect(first.events[0]!.summary).toMatch(/^Interview: /);

    // In the owner's language once they choose Spanish: a feed is read by their calendar, not their browser.
    await db().user.update({ where: { id: setup.interviewers[0] }, data: { locale: "es" } });
    await setup.manager.interviews.update({ id: setup.interviewId, status: "CANCELLED" });
    const cancelled = readICalendar((await getCalendarFeed(db(), token!))!).events[0]!;
    expect(cancelled).toMatchObject({ status: "CANCELLED", sequence: 1 });
    expect(cancelled.summary).toMatch(/^Entrevista: /);
    expect(cancelled.description).toMatch(/^Cancelada: entrevista con /);

    await expect(callerFor(setup.interviewers[1]).calendar.revokeFeed({ id: feed.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await panelist.calendar.revokeFeed({ id: feed.id });
    expect(await getCalendarFeed(db(), token!)).toBeNull();
    expect(await getCalendarFeed(db(), "not-a-real-token-at-all-000000")).toBeNull();
    expect(await panelist.calendar.feeds()).toEqual([]);
  });
});

// The calendar a feed URL answers with: the owner's interviews in the feed's organisation from 30 days
// back on, cancelled ones (cancelled in the last 30 days) as STATUS:CANCELLED so subscribed calendars drop
// them. Public by token; a revoked or unknown token, or one whose owner left the organisation, is null
// (the route answers 404 alike, telling nothing).
import { isLocale } from "@/i18n/config";
import { buildInterviewCalendar, calendarWords } from "@/lib/calendar/interview-calendar";
import type { Db } from "@/server/db";
import { hashInvitationToken } from "@/server/services/invitations/_shared/invitation-token";
import { appUrl, interviewEventSelect, organizerFor, toInterviewEvent } from "./_shared/interview-event";

const RECENT_DAYS = 30;
/** A feed is read every few hours by each subscribed calendar: the newest use is recorded at most this often. */
const LAST_USED_PRECISION_MS = 5 * 60_000;
const MAX_EVENTS = 1_000;

export async function getCalendarFeed(db: Db, token: string, now = new Date()): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const feed = await db.calendarFeedToken.findFirst({
    where: { tokenHash: hashInvitationToken(token), revokedAt: null },
    select: { id: true, orgId: true, userId: true, lastUsedAt: true, org: { select: { name: true, timeZone: true } }, user: { select: { locale: true } } },
  });
  if (!feed) return null;
  const member = await db.membership.findFirst({ where: { orgId: feed.orgId, userId: feed.userId }, select: { id: true } });
  if (!member) return null;
  if (!feed.lastUsedAt || now.getTime() - feed.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.calendarFeedToken.update({ where: { id: feed.id }, data: { lastUsedAt: now } });
  }
  const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000);
  const interviews = await db.interview.findMany({
    where: {
      orgId: feed.orgId,
      scheduledAt: { gte: since },
      panel: { some: { userId: feed.userId } },
      OR: [{ status: { not: "CANCELLED" } }, { updatedAt: { gte: since } }],
    },
    orderBy: { scheduledAt: "asc" },
    take: MAX_EVENTS,
    select: interviewEventSelect,
  });
  const base = appUrl();
  // In the owner's language (User.locale), as their emails are: a feed is read by their calendar, not a browser.
  const locale = isLocale(feed.user.locale) ? feed.user.locale : undefined;
  return buildInterviewCalendar({
    method: "PUBLISH",
    timeZone: feed.org.timeZone,
    organizer: organizerFor(feed.org.name),
    name: calendarWords(locale)("feedName", { org: feed.org.name }),
    locale,
    events: interviews.map((row) => toInterviewEvent(row, base)),
  });
}

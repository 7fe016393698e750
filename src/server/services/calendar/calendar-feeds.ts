// A panelist's private calendar feeds: a URL a calendar app subscribes to, listing their interviews in this
// organisation. The token is in the URL, shown once; only its SHA-256 is stored (as invitation tokens), so
// a leaked database row is no working link. Each feed is its owner's alone: anyone else's id is "not found".
import type { CalendarFeed } from "@/lib/schemas/calendar";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { newInvitationToken } from "@/server/services/invitations/_shared/invitation-token";
import { appUrl } from "./_shared/interview-event";

/** Enough for a phone, a laptop and a shared calendar; more is likelier to be forgotten links. */
export const MAX_ACTIVE_FEEDS = 5;

const feedSelect = { id: true, createdAt: true, lastUsedAt: true } as const;

export function calendarFeedUrl(token: string): string {
  return `${appUrl()}/api/calendar/feed/${token}.ics`;
}

export async function listCalendarFeeds(db: Db, actor: Actor): Promise<CalendarFeed[]> {
  return db.calendarFeedToken.findMany({
    where: { orgId: actor.orgId, userId: actor.userId, revokedAt: null },
    orderBy: { createdAt: "asc" },
    select: feedSelect,
  });
}

export async function createCalendarFeed(db: Db, actor: Actor): Promise<CalendarFeed & { url: string }> {
  return db.$transaction(async (tx) => {
    const active = await tx.calendarFeedToken.count({ where: { orgId: actor.orgId, userId: actor.userId, revokedAt: null } });
    if (active >= MAX_ACTIVE_FEEDS) {
      throw new AppError("CONFLICT", { key: "calendar.tooManyFeeds", values: { max: String(MAX_ACTIVE_FEEDS) } });
    }
    const { token, tokenHash } = newInvitationToken();
    const feed = await tx.calendarFeedToken.create({ data: { orgId: actor.orgId, userId: actor.userId, tokenHash }, select: feedSelect });
    return { ...feed, url: calendarFeedUrl(token) };
  });
}

export async function revokeCalendarFeed(db: Db, actor: Actor, input: { id: string }): Promise<{ id: string }> {
  const { count } = await db.calendarFeedToken.updateMany({
    where: { id: input.id, orgId: actor.orgId, userId: actor.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("Calendar feed");
  return { id: input.id };
}

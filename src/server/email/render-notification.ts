// Renders a queued notification from the current state of the database, or returns null when it no
// longer applies (the invitation was revoked or accepted, the panelist left the panel, the scorecard was
// submitted, the interview was cancelled after a change was queued).
import type { Db } from "@/server/db";
import type { RenderedEmail } from "./email-layout";
import type { Notification } from "./notification";
import { invitationEmail, practiceRefresherEmail, scorecardOverdueEmail } from "./notification-templates";
import { renderMonitoringInvite } from "./render-monitoring-invite";
import { renderLayLink } from "./render-lay-link";
import { isPlaceholderEmail } from "@/server/services/lay-panelists/_shared/lay-link-secrets";
import { isCalendarNotification, panelEmailFields, renderCalendarNotification } from "./render-calendar-notification";
import { describeDriftIn } from "@/server/services/training/drift-rules";

export type OutgoingEmail = RenderedEmail & {
  to: string;
  /** An iCalendar event sent as a text/calendar part (method) and as invite.ics. */
  calendar?: { method: "REQUEST" | "CANCEL"; ics: string };
  /** The interview's calendar sequence the email was rendered at: part of its Message-ID. */
  version?: number;
};

export async function renderNotification(db: Db, n: Notification, baseUrl: string): Promise<OutgoingEmail | null> {
  const base = baseUrl.replace(/\/+$/, "");
  if (n.kind === "invitation") {
    const invitation = await db.invitation.findFirst({
      where: { id: n.invitationId, orgId: n.orgId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { email: true, org: { select: { name: true } }, invitedBy: { select: { name: true } }, interview: { select: { scheduledAt: true } } },
    });
    if (!invitation) return null;
    // An invitee who already has an account gets it in their own language; others in English.
    const invitee = await db.user.findUnique({ where: { email: invitation.email }, select: { locale: true } });
    return {
      to: invitation.email,
      ...invitationEmail({
        locale: invitee?.locale,
        orgName: invitation.org.name,
        inviterName: invitation.invitedBy?.name ?? null,
        scheduledAt: invitation.interview?.scheduledAt ?? null,
        link: `${base}/invite/${n.token}`,
      }),
    };
  }
  if (n.kind === "monitoring-invite") return renderMonitoringInvite(db, n, base);
  if (n.kind === "lay-link") return renderLayLink(db, n, base);
  if (isCalendarNotification(n)) return renderCalendarNotification(db, n, base);
  if (n.kind === "practice-refresher") {
    // Still a member of the organisation, or nothing to send.
    const refresher = await db.practiceRefresher.findFirst({
      where: { id: n.refresherId, orgId: n.orgId, userId: n.userId, user: { memberships: { some: { orgId: n.orgId } } } },
      select: { reasons: true, leniencyOffset: true, ratings: true, levelsUsed: true, competencyIds: true, org: { select: { name: true } }, user: { select: { name: true, email: true, locale: true } } },
    });
    if (!refresher) return null;
    const competencies = await db.competency.findMany({ where: { id: { in: refresher.competencyIds } }, select: { id: true, name: true } });
    const names = refresher.competencyIds.map((id) => competencies.find((c) => c.id === id)?.name).filter((name): name is string => Boolean(name));
    const query = refresher.competencyIds.length ? `?competencies=${refresher.competencyIds.map(encodeURIComponent).join(",")}` : "";
    return {
      to: refresher.user.email,
      ...practiceRefresherEmail({
        locale: refresher.user.locale,
        orgName: refresher.org.name,
        panelistName: refresher.user.name,
        findings: describeDriftIn(refresher.user.locale, refresher, "you"),
        competencies: names,
        link: `${base}/training${query}`,
      }),
    };
  }
  const seat = await db.panelMember.findFirst({
    where: { interviewId: n.interviewId, userId: n.userId, interview: { orgId: n.orgId } },
    select: {
      user: { select: { email: true, name: true, locale: true } },
      interview: {
        select: {
          scheduledAt: true,
          location: true,
          status: true,
          org: { select: { name: true, timeZone: true } },
          candidate: { select: { name: true } },
          scorecards: { where: { panelistId: n.userId, status: "SUBMITTED" }, select: { id: true } },
        },
      },
    },
  });
  if (!seat) return null;
  // A lay panelist given no email has a placeholder address (*.invalid) that no message can reach.
  if (isPlaceholderEmail(seat.user.email)) return null;
  const { interview, user } = seat;
  const common = panelEmailFields(interview, user.name);
  const interviewLink = `${base}/interviews/${n.interviewId}`;
  switch (n.kind) {
    case "scorecard-overdue":
      if (interview.status === "CANCELLED" || interview.scorecards.length > 0) return null;
      return { to: user.email, ...scorecardOverdueEmail({ ...common, locale: user.locale, link: `${interviewLink}/score` }) };
  }
}

// Monitoring-form links: the same kind of token as invitations (32 random bytes, only the SHA-256 stored),
// valid longer because a candidate may answer at any point of a long process.
import { hashInvitationToken, newInvitationToken } from "@/server/services/invitations/_shared/invitation-token";
import { appBaseUrl } from "@/server/jobs/send-email-job";

export const MONITORING_LINK_TTL_DAYS = 30;

export const newMonitoringToken = newInvitationToken;
export const hashMonitoringToken = hashInvitationToken;

/** When a link made now stops working. */
export function monitoringLinkExpiry(now = Date.now()): Date {
  return new Date(now + MONITORING_LINK_TTL_DAYS * 24 * 3_600_000);
}

/** The absolute link to the form, on the app's public URL. */
export function monitoringLink(token: string, baseUrl = appBaseUrl()): string {
  return `${baseUrl.replace(/\/+$/, "")}/monitoring/${token}`;
}

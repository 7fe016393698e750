// The state of a monitoring-form link, read the same way by the form and by its submission.
import type { MonitoringLinkStatus } from "@/lib/schemas/monitoring";

export { MONITORING_LINK_REFUSALS } from "@/lib/schemas/monitoring";

type InviteState = { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date; candidate: { anonymizedAt: Date | null } };

export const monitoringInviteStateSelect = {
  usedAt: true,
  revokedAt: true,
  expiresAt: true,
  candidate: { select: { anonymizedAt: true } },
} as const;

export function monitoringLinkStatus(invite: InviteState | null, now: Date): MonitoringLinkStatus {
  if (!invite) return "unknown";
  if (invite.usedAt) return "used";
  // An erased candidate's links are deleted with them; one caught mid-erasure works no more than a revoked one.
  if (invite.revokedAt || invite.candidate.anonymizedAt) return "revoked";
  if (invite.expiresAt <= now) return "expired";
  return "valid";
}

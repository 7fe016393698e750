// Whether an invitation link can still be accepted, and the refusal for one that can't.
import type { Prisma } from "@/generated/prisma/client";
import type { InvitationStatus } from "@/lib/schemas/invitations";
import { AppError } from "@/server/errors";

/** The columns that decide an invitation's status. */
export const invitationStateSelect = { expiresAt: true, acceptedAt: true, revokedAt: true } satisfies Prisma.InvitationSelect;

type StoredInvitation = Prisma.InvitationGetPayload<{ select: typeof invitationStateSelect }>;

export function invitationStatus(invitation: StoredInvitation | null, now: Date): InvitationStatus {
  if (!invitation) return "unknown";
  if (invitation.acceptedAt) return "used";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "valid";
}

export function invitationRefusal(status: Exclude<InvitationStatus, "valid">): AppError {
  switch (status) {
    case "unknown":
      return new AppError("NOT_FOUND", "This invitation link is not valid. Check that you copied all of it.");
    case "used":
      return new AppError("CONFLICT", "This invitation has already been used. Sign in instead, or ask for a new invitation.");
    case "revoked":
      return new AppError("BAD_REQUEST", "This invitation was withdrawn. Ask the person who invited you for a new one.");
    case "expired":
      return new AppError("BAD_REQUEST", "This invitation has expired. Ask the person who invited you for a new one.");
  }
}

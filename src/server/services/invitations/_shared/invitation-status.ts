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
      return new AppError("NOT_FOUND", { key: "invitation.linkNotValid" });
    case "used":
      return new AppError("CONFLICT", { key: "invitation.used" });
    case "revoked":
      return new AppError("BAD_REQUEST", { key: "invitation.withdrawn" });
    case "expired":
      return new AppError("BAD_REQUEST", { key: "invitation.expired" });
  }
}

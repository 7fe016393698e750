// What the strands procedures refuse with, in one place.
import type { ErrorText } from "@/server/errors";

export const STRANDS_LOCKED: ErrorText = { key: "strands.locked" };
export const STRAND_LOCKED_FOR_MEMBER: ErrorText = { key: "strands.lockedForMember" };
export const NOT_ON_STAGE_PANEL: ErrorText = { key: "strands.notOnStagePanel" };
export const NOT_ON_PANEL: ErrorText = { key: "strands.notOnPanel" };
export const POLICY_PROBLEMS: Record<string, ErrorText> = {
  duplicate: { key: "strands.policy.duplicate" },
  noWeighted: { key: "strands.policy.noWeighted" },
  weightRange: { key: "strands.policy.weightRange" },
  sum: { key: "strands.policy.sum" },
};
export const ASSISTANCE_AFTER_SUBMIT: ErrorText = { key: "strands.assistanceAfterSubmit" };
export const DEPARTURE_REASON_NEEDED: ErrorText = { key: "strands.departureReasonNeeded" };

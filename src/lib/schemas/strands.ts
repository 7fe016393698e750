// The service-user strand and assisted scoring (issue 23): panel members' strands, a stage's strand policy,
// the strands' figures and agreement, the written reason when a decision departs from the service users'
// preferred candidate, and the assisted-scoring flag. Every input and output of the strands procedures.
import { PanelStrand, StrandMode } from "@/generated/prisma/enums";
import { z } from "./zod";
import { idSchema } from "./common";
import { SUPPORTER_NAME_MAX } from "@/lib/strands/limits";

export const panelStrandSchema = z.enum(PanelStrand);
export const strandModeSchema = z.enum(StrandMode);

export { SUPPORTER_NAME_MAX };
export const DEPARTURE_REASON_MAX = 4000;

export const stageIdInput = z.object({ stageId: idSchema });
export type StageIdInput = z.output<typeof stageIdInput>;

export const setStagePanelistStrandInput = z.object({ stageId: idSchema, userId: idSchema, strand: panelStrandSchema });
export type SetStagePanelistStrandInput = z.output<typeof setStagePanelistStrandInput>;

export const setPanelMemberStrandInput = z.object({ interviewId: idSchema, userId: idSchema, strand: panelStrandSchema });
export type SetPanelMemberStrandInput = z.output<typeof setPanelMemberStrandInput>;

export const strandPolicyRowSchema = z.object({
  strand: panelStrandSchema,
  mode: strandModeSchema,
  weight: z.number().int("Weights are whole percents").min(0, "A weight is at least 0").max(100, "A weight is at most 100"),
});
export const declareStrandPolicyInput = z.object({
  stageId: idSchema,
  /** Every strand once; an empty list clears the policy (every counting scorecard pools again). */
  strands: z.array(strandPolicyRowSchema).max(3),
  /** The policy as the form showed it (in any order; empty: none); when it was changed since, refused (CONFLICT). */
  shown: z.array(strandPolicyRowSchema).max(3).optional(),
});
export type DeclareStrandPolicyInput = z.output<typeof declareStrandPolicyInput>;

export const stageStrandsSchema = z.object({
  stageId: z.string(),
  stageName: z.string(),
  canEdit: z.boolean(),
  declaredAt: z.date().nullable(),
  lockedAt: z.date().nullable(),
  policy: z.array(strandPolicyRowSchema),
  panel: z.array(z.object({ userId: z.string(), name: z.string(), strand: panelStrandSchema })),
});
export type StageStrands = z.output<typeof stageStrandsSchema>;

export const interviewIdInput = z.object({ interviewId: idSchema });
export const interviewStrandsSchema = z.object({
  interviewId: z.string(),
  lockedAt: z.date().nullable(),
  panel: z.array(z.object({ userId: z.string(), name: z.string(), strand: panelStrandSchema, shadow: z.boolean(), started: z.boolean() })),
});
export type InterviewStrands = z.output<typeof interviewStrandsSchema>;

export const setAssistedInput = z
  .object({
    scorecardId: idSchema,
    assisted: z.boolean(),
    supporterName: z.string().trim().max(SUPPORTER_NAME_MAX, `The supporter's name must be at most ${SUPPORTER_NAME_MAX} characters`).default(""),
  })
  .superRefine((value, ctx) => {
    if (value.assisted && value.supporterName === "") {
      ctx.addIssue({ code: "custom", message: "Enter the supporter's name", path: ["supporterName"] });
    }
  });
export type SetAssistedInput = z.output<typeof setAssistedInput>;
export const assistanceSchema = z.object({ scorecardId: z.string(), assisted: z.boolean(), supporterName: z.string().nullable() });

/** One candidate's figures per strand at a stage (null: no submitted scorecard of that strand the reader may see). */
const strandFigureSchema = z.object({ strand: panelStrandSchema, score: z.number().nullable(), scorecards: z.number().int() });
export const candidateStageStrandsSchema = z.object({
  stageId: z.string(),
  stageName: z.string(),
  policy: z.array(strandPolicyRowSchema),
  strands: z.array(strandFigureSchema),
  /** Every counting scorecard pooled, as without strands. */
  pooled: z.number().nullable(),
  /** The policy's combined weighted score (null with no policy, or no weighted strand scored). */
  combined: z.number().nullable(),
  /** Weighted strands without a figure: left out of the combined score, the others re-normalised. */
  leftOut: z.array(panelStrandSchema),
  /** Highest minus lowest strand score (null with fewer than two strands scored). */
  spread: z.number().nullable(),
  /** The strands whose preferred candidate (highest score among the stage's candidates the reader sees) is this one. */
  preferredBy: z.array(panelStrandSchema),
  /** Whether every scored strand prefers the same candidate at the stage (null with fewer than two strands scored). */
  agreeOnTop: z.boolean().nullable(),
  /** How many candidates at the stage the preferences are drawn from. */
  compared: z.number().int(),
  /** For a chair: the outcomes that would depart from the service-user strand's preferred candidate. */
  departsIf: z.array(z.enum(["ADVANCE", "APPOINT", "RESERVE", "REJECT"])),
});
export type CandidateStageStrands = z.output<typeof candidateStageStrandsSchema>;

export const candidateStrandsInput = z.object({ candidateId: idSchema });
export type CandidateStrandsInput = z.output<typeof candidateStrandsInput>;
export const candidateStrandsSchema = z.object({ stages: z.array(candidateStageStrandsSchema) });
export type CandidateStrands = z.output<typeof candidateStrandsSchema>;

export const strandDeparturesSchema = z.object({
  departures: z.array(
    z.object({
      candidateLabel: z.string(),
      stageName: z.string(),
      outcome: z.string(),
      reason: z.string(),
      decidedAt: z.date(),
    }),
  ),
});
export type StrandDepartures = z.output<typeof strandDeparturesSchema>;

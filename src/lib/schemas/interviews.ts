// Interviews: scheduling, changing time, place, status and panel, and the lists of interviews. Every input
// and output of the interviews procedures. Zod only: the schedule and settings forms check their values
// with these before sending, and the services take their input types from here.
import { z } from "./zod";
import { formBaseUpdatedAtSchema, idSchema, interviewStatusSchema, roleSchema } from "./common";
import { unreadyWarningSchema } from "./readiness";

/** Panels are small on purpose: more voices than this stop adding signal and slow the debrief. */
export const PANEL_MAX = 8;

// Postgres stores dates JavaScript can't read back (years before 1 or after 275760), so interview dates are
// held to a range any real interview falls in.
export const scheduledAtSchema = z
  .date("Pick a date")
  .min(new Date("2000-01-01T00:00:00Z"), "Choose a date in the year 2000 or later")
  .max(new Date("2100-01-01T00:00:00Z"), "Choose a date before the year 2100");
export const locationSchema = z.string().trim().max(500, "Location must be at most 500 characters");
export const panelSchema = z
  .array(idSchema)
  .min(1, "Add at least one panelist")
  .max(PANEL_MAX, `A panel can have at most ${PANEL_MAX} members`)
  .refine((ids) => new Set(ids).size === ids.length, "Each panelist can be chosen once");

export const interviewIdInput = z.object({ id: idSchema });
export type InterviewIdInput = z.output<typeof interviewIdInput>;

// ---- Scheduling and changes ---------------------------------------------------------------------------

/**
 * The schedule form's fields (the router adds the submission's idempotency key). The stage is one of the
 * candidate's vacancy's stages (left out: the candidate's current stage) and gives the script version; the
 * panel left out is the stage's default panel.
 */
export const createInterviewInput = z.object({
  candidateId: z.string("Choose a candidate").min(1, "Choose a candidate").max(64),
  stageId: z.string("Choose a stage").min(1, "Choose a stage").max(64).optional(),
  scheduledAt: scheduledAtSchema,
  location: locationSchema.optional(),
  panelUserIds: panelSchema.optional(),
});
export type CreateInterviewInput = z.output<typeof createInterviewInput>;
/** warnings: panelists not ready for a script that requires practice, when the organisation warns rather than refuses. */
export const createInterviewOutput = z.object({ id: z.string(), warnings: z.array(unreadyWarningSchema).default([]) });

export const updateInterviewInput = z.object({
  id: idSchema,
  scheduledAt: scheduledAtSchema.optional(),
  location: locationSchema.optional(),
  status: interviewStatusSchema.optional(),
  baseUpdatedAt: formBaseUpdatedAtSchema,
});
export type UpdateInterviewInput = z.output<typeof updateInterviewInput>;
export const updateInterviewOutput = z.object({
  id: z.string(),
  scheduledAt: z.date(),
  location: z.string(),
  status: interviewStatusSchema,
});

/**
 * The whole panel, and which of its members sit as shadows: they score to learn, compared with the panel
 * afterwards, and their scorecard never counts. A panel needs at least one member who is not a shadow.
 * `shown`: the panel as the page showed it (in any order); when it was changed elsewhere since, the change is
 * refused (CONFLICT) rather than seating again someone taken off.
 */
export const setPanelInput = z
  .object({
    id: idSchema,
    userIds: panelSchema,
    shadowUserIds: z.array(idSchema).max(PANEL_MAX).default([]),
    shown: z.object({ userIds: z.array(idSchema).max(PANEL_MAX), shadowUserIds: z.array(idSchema).max(PANEL_MAX) }).optional(),
  })
  .refine((p) => p.shadowUserIds.every((id) => p.userIds.includes(id)), {
    message: "A shadow must be one of the panel's members",
    path: ["shadowUserIds"],
  })
  .refine((p) => p.userIds.some((id) => !p.shadowUserIds.includes(id)), {
    message: "Keep at least one panelist who is not a shadow: a shadow's scorecard never counts",
    path: ["shadowUserIds"],
  });
export type SetPanelInput = z.output<typeof setPanelInput>;
export const setPanelOutput = z.object({
  id: z.string(),
  userIds: z.array(z.string()),
  shadowUserIds: z.array(z.string()),
  warnings: z.array(unreadyWarningSchema),
});

// ---- Reading ------------------------------------------------------------------------------------------

/**
 * Allow-list: the candidate's contact details are personal data, sent only to roles that may contact them
 * (the service sends null otherwise); invitations only to those who manage the panel.
 */
/** A debrief reachable from an interview (its candidate at its stage), with whether it is still open. */
export const interviewDebriefSchema = z.object({ id: z.string(), status: z.enum(["OPEN", "CLOSED"]) });

export const interviewOutput = z.object({
  id: z.string(),
  scheduledAt: z.date(),
  location: z.string(),
  status: interviewStatusSchema,
  /** When the interview's row last changed: the settings form sends it back as updateInterviewInput.baseUpdatedAt. */
  updatedAt: z.date(),
  candidate: z.object({
    id: z.string(),
    name: z.string(),
    vacancyId: z.string(),
    vacancyTitle: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  script: z.object({
    id: z.string(),
    title: z.string(),
    version: z.number().int(),
    versionId: z.string(),
    plannedMinutes: z.number().int(),
  }),
  stage: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The debrief of the candidate at this interview's stage, when the viewer may read it. */
  debrief: interviewDebriefSchema.nullable(),
  panel: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string(), shadow: z.boolean() })),
  isPanelist: z.boolean(),
  /** The viewer sits on the panel as a shadow. */
  isShadow: z.boolean(),
  canManage: z.boolean(),
  invitations: z.array(
    z.object({
      id: z.string(),
      email: z.string(),
      expiresAt: z.date(),
      acceptedAt: z.date().nullable(),
      revokedAt: z.date().nullable(),
    }),
  ),
});

export const listInterviewsInput = z
  .object({
    from: z.date().optional(),
    to: z.date().optional(),
    status: interviewStatusSchema.optional(),
    candidateId: idSchema.optional(),
  })
  .default({});
export type ListInterviewsInput = z.output<typeof listInterviewsInput>;

export const interviewListRowSchema = z.object({
  id: z.string(),
  scheduledAt: z.date(),
  status: interviewStatusSchema,
  candidateName: z.string(),
  vacancyTitle: z.string(),
  stageName: z.string().nullable(),
  scriptTitle: z.string(),
  panelCount: z.number().int(),
  submittedCount: z.number().int(),
});
export type InterviewListRow = z.output<typeof interviewListRowSchema>;
export const listInterviewsOutput = z.array(interviewListRowSchema);

/** Where the panelist is with their own scorecard of an interview ("not started" has no scorecard yet). */
export const scorecardProgressSchema = z.enum(["NOT_STARTED", "DRAFT", "SUBMITTED"]);
export type ScorecardProgress = z.output<typeof scorecardProgressSchema>;

export const myInterviewRowSchema = z.object({
  interviewId: z.string(),
  candidateName: z.string(),
  vacancyTitle: z.string(),
  stageName: z.string().nullable(),
  scriptTitle: z.string(),
  scheduledAt: z.date(),
  location: z.string(),
  scorecardStatus: scorecardProgressSchema,
  overdue: z.boolean(),
  /** Sitting as a shadow: scoring to learn; the scorecard never counts. */
  shadow: z.boolean(),
  /** The debrief of the candidate at this interview's stage, when the viewer may read it. */
  debrief: interviewDebriefSchema.nullable(),
});
export type MyInterviewRow = z.output<typeof myInterviewRowSchema>;
export const myInterviewsOutput = z.object({
  upcoming: z.array(myInterviewRowSchema),
  toScore: z.array(myInterviewRowSchema),
  submitted: z.array(myInterviewRowSchema),
});

/** Why interviews can't be scheduled at a stage yet: no script, a draft, an archived script, a replaced version. */
export const STAGE_PROBLEMS = ["stageNoScript", "stageDraft", "stageArchived", "stageReplaced"] as const;
export const stageProblemSchema = z.object({
  kind: z.enum(STAGE_PROBLEMS),
  values: z.object({ stage: z.string(), script: z.string().optional(), version: z.number().int().optional(), latest: z.number().int().optional() }),
});
export type StageProblem = z.output<typeof stageProblemSchema>;

/**
 * A stage the form offers: its script version, default panel, and why it can't be used yet (no script, or a
 * script version replaced by a later published one: facts the form words), null when it can.
 */
export const schedulingStageSchema = z.object({
  id: z.string(),
  name: z.string(),
  scriptTitle: z.string().nullable(),
  scriptVersion: z.number().int().nullable(),
  panelUserIds: z.array(z.string()),
  problem: stageProblemSchema.nullable(),
});
export type SchedulingStage = z.output<typeof schedulingStageSchema>;

export const schedulingOptionsOutput = z.object({
  candidates: z.array(
    z.object({ id: z.string(), name: z.string(), vacancyId: z.string(), vacancyTitle: z.string(), stageId: z.string().nullable() }),
  ),
  /** The stages of the candidates' vacancies, in plan order. */
  vacancies: z.array(z.object({ id: z.string(), title: z.string(), stages: z.array(schedulingStageSchema) })),
  members: z.array(z.object({ userId: z.string(), name: z.string(), role: roleSchema })),
});
export type SchedulingOptions = z.output<typeof schedulingOptionsOutput>;

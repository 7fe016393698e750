// Candidates' privacy rights and the organisation's privacy settings: every input and output of the
// privacy procedures. Zod only: the settings form checks its values with these before sending, and the
// services take their input types from here.
import { z } from "./zod";
import { idSchema } from "./common";

// ---- Settings -----------------------------------------------------------------------------------------

export const RETENTION_DAYS_MIN = 1;
export const RETENTION_DAYS_MAX = 3650;

const retentionDaysSchema = z
  .number({ error: "Enter a number of days" })
  .int("Enter a whole number of days")
  .min(RETENTION_DAYS_MIN, `Keep data at least ${RETENTION_DAYS_MIN} day`)
  .max(RETENTION_DAYS_MAX, `Keep data at most ${RETENTION_DAYS_MAX} days (10 years)`)
  .nullable();

export const privacySettingsSchema = z.object({ retentionDays: z.number().int().nullable(), keepAnonymousRatings: z.boolean() });
export type PrivacySettings = z.output<typeof privacySettingsSchema>;

/**
 * `shown`: the settings as the form showed them; when they were changed elsewhere since, the save is refused
 * (CONFLICT) rather than putting them back.
 */
export const updatePrivacySettingsInput = z.object({
  retentionDays: retentionDaysSchema,
  keepAnonymousRatings: z.boolean(),
  shown: privacySettingsSchema.optional(),
});
export type UpdatePrivacySettingsInput = z.output<typeof updatePrivacySettingsInput>;

/** The settings, and how many candidates the current period would anonymise at the next run. */
export const privacySettingsViewSchema = privacySettingsSchema.extend({ dueNow: z.number().int() });

// ---- A candidate's rights -----------------------------------------------------------------------------

export const candidatePrivacyInput = z.object({ candidateId: idSchema });
export type CandidatePrivacyInput = z.output<typeof candidatePrivacyInput>;

/** subjectAccessRequest: the candidate's own request, confirmed by an admin; the only export with drafts. */
export const exportCandidateInput = candidatePrivacyInput.extend({ subjectAccessRequest: z.boolean().optional() });
export type ExportCandidateInput = z.output<typeof exportCandidateInput>;

/**
 * What erasing would remove, for the confirmation dialog: counts only, and whether ratings stay. Erasure acts
 * on the person: every candidacy of theirs not erased yet (`vacancies` names what they applied for), with
 * their debriefs' words (entries' reasons, comments) and decisions' rationales.
 */
export const erasurePreviewSchema = z.object({
  anonymizedAt: z.date().nullable(),
  keepAnonymousRatings: z.boolean(),
  candidacies: z.number().int(),
  vacancies: z.array(z.string()),
  interviews: z.number().int(),
  scorecards: z.number().int(),
  notes: z.number().int(),
  debriefs: z.number().int(),
  debriefEntries: z.number().int(),
  debriefComments: z.number().int(),
  decisions: z.number().int(),
  erasedName: z.string(),
});

/** What was erased: the candidacies anonymised and, summed over them, what went or lost its words. */
export const erasureSchema = z.object({
  id: z.string(),
  name: z.string(),
  anonymizedAt: z.date(),
  mode: z.enum(["ratings_kept", "deleted"]),
  candidacies: z.number().int(),
  interviews: z.number().int(),
  scorecards: z.number().int(),
  notes: z.number().int(),
  debriefs: z.number().int(),
  decisions: z.number().int(),
});

/**
 * The service builds the document field by field; this pins what a download must start with: the candidacy
 * asked for, every candidacy of the person (vacancy, stage history, debriefs with their reasons and comments,
 * decisions with their rationales), their interviews and the audit trail.
 */
export const candidateExportSchema = z.looseObject({
  format: z.string(),
  exportedAt: z.date(),
  candidate: z.looseObject({ id: z.string(), name: z.string() }),
  candidacies: z.array(
    z.looseObject({
      id: z.string(),
      vacancy: z.looseObject({ title: z.string() }),
      stageHistory: z.array(z.looseObject({ stage: z.string() })),
      debriefs: z.array(z.looseObject({ stage: z.string() })),
      decisions: z.array(z.looseObject({ outcome: z.string(), rationale: z.string() })),
    }),
  ),
  interviews: z.array(z.looseObject({ id: z.string() })),
  auditEvents: z.array(z.looseObject({ action: z.string() })),
});

/** A file name that says whose export it is without putting their name in browser download history. */
export function candidateExportFileName(candidateId: string, at: Date): string {
  return `candidate-${candidateId}-${at.toISOString().slice(0, 10)}.json`;
}

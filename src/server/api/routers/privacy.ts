// Candidates' privacy rights and the organisation's privacy settings: export everything held about a
// candidate, erase them, and set how long data is kept after a decision.
import { z } from "zod";
import { eraseCandidate, describeErasure } from "@/server/services/privacy/erase-candidate";
import { exportCandidateData } from "@/server/services/privacy/export-candidate-data";
import {
  getPrivacySettings,
  RETENTION_DAYS_MAX,
  RETENTION_DAYS_MIN,
  updatePrivacySettings,
} from "@/server/services/privacy/privacy-settings";
import { createTRPCRouter, orgProcedure } from "../trpc";

const candidateIdSchema = z.object({ candidateId: z.string().min(1, "Id is required").max(64) });

const retentionDaysSchema = z
  .number({ error: "Enter a number of days" })
  .int("Enter a whole number of days")
  .min(RETENTION_DAYS_MIN, `Keep data at least ${RETENTION_DAYS_MIN} day`)
  .max(RETENTION_DAYS_MAX, `Keep data at most ${RETENTION_DAYS_MAX} days (10 years)`)
  .nullable();

const settingsSchema = z.object({ retentionDays: z.number().int().nullable(), keepAnonymousRatings: z.boolean() });

export const privacyRouter = createTRPCRouter({
  settings: orgProcedure("org:settings")
    .output(settingsSchema.extend({ dueNow: z.number().int() }))
    .query(({ ctx }) => getPrivacySettings(ctx.db, ctx.actor)),

  updateSettings: orgProcedure("org:settings")
    .input(z.object({ retentionDays: retentionDaysSchema, keepAnonymousRatings: z.boolean() }))
    .output(settingsSchema)
    .mutation(({ ctx, input }) => updatePrivacySettings(ctx.db, ctx.actor, input)),

  erasePreview: orgProcedure("candidates:privacy")
    .input(candidateIdSchema)
    .output(
      z.object({
        anonymizedAt: z.date().nullable(),
        keepAnonymousRatings: z.boolean(),
        interviews: z.number().int(),
        scorecards: z.number().int(),
        notes: z.number().int(),
        erasedName: z.string(),
      }),
    )
    .query(({ ctx, input }) => describeErasure(ctx.db, ctx.actor, input)),

  erase: orgProcedure("candidates:privacy")
    .input(candidateIdSchema)
    .output(
      z.object({
        id: z.string(),
        name: z.string(),
        anonymizedAt: z.date(),
        mode: z.enum(["ratings_kept", "deleted"]),
        interviews: z.number().int(),
        scorecards: z.number().int(),
        notes: z.number().int(),
      }),
    )
    .mutation(({ ctx, input }) => eraseCandidate(ctx.db, ctx.actor, input)),

  // A mutation, not a query: every export is written to the audit log, and must not be cached or prefetched.
  exportCandidate: orgProcedure("candidates:privacy")
    // subjectAccessRequest: the candidate's own request, confirmed by an admin; the only export with drafts.
    .input(candidateIdSchema.extend({ subjectAccessRequest: z.boolean().optional() }))
    // The service builds the document field by field; the shape here pins what a download must start with.
    .output(
      z.looseObject({
        format: z.string(),
        exportedAt: z.date(),
        candidate: z.looseObject({ id: z.string(), name: z.string() }),
        interviews: z.array(z.looseObject({ id: z.string() })),
        auditEvents: z.array(z.looseObject({ action: z.string() })),
      }),
    )
    .mutation(({ ctx, input }) => exportCandidateData(ctx.db, ctx.actor, input)),
});

// Fairness monitoring: the organisation's settings, links to the voluntary equal-opportunities form and the
// form itself (collection), and the report (report*). No procedure here or anywhere else returns one
// candidate's answers; only the candidate's own data export (privacy) decrypts them for the candidate.
import {
  createMonitoringInviteInputSchema,
  monitoringAnswersSubmittedSchema,
  monitoringFormSchema,
  monitoringInviteCreatedSchema,
  monitoringSettingsSchema,
  monitoringTokenInputSchema,
  submitMonitoringAnswersInputSchema,
  updateMonitoringSettingsInputSchema,
} from "@/lib/schemas/monitoring";
import { fairnessReportInput, fairnessReportSchema, fairnessReportScopesSchema } from "@/lib/schemas/fairness-report";
import { getFairnessReport } from "@/server/services/monitoring/get-fairness-report";
import { listFairnessReportScopes } from "@/server/services/monitoring/list-fairness-report-scopes";
import { createMonitoringInvite } from "@/server/services/monitoring/create-monitoring-invite";
import { getMonitoringForm } from "@/server/services/monitoring/get-monitoring-form";
import { getMonitoringSettings } from "@/server/services/monitoring/get-monitoring-settings";
import { submitMonitoringAnswers } from "@/server/services/monitoring/submit-monitoring-answers";
import { updateMonitoringSettings } from "@/server/services/monitoring/update-monitoring-settings";
import { AppError } from "@/server/errors";
import { withActor, withActorNoInput } from "../call-service";
import { onceForSubmission, withIdempotencyKey } from "../idempotency-key";
import { createTRPCRouter, orgProcedure, publicProcedure } from "../trpc";

export const monitoringRouter = createTRPCRouter({
  // ---- Collection ----
  settings: orgProcedure("org:settings").output(monitoringSettingsSchema).query(withActorNoInput(getMonitoringSettings)),

  updateSettings: orgProcedure("org:settings").input(updateMonitoringSettingsInputSchema).output(monitoringSettingsSchema)
    .mutation(withActor(updateMonitoringSettings)),

  /**
   * HR, admins and the candidate's hiring managers (checked in the service); the link is shown once. One link
   * (and one email) per submission: the link can't be shown again (only its hash is stored, and the key table
   * must not hold it), so a repeat is told a link was made and whether it was emailed; a new link is a new press.
   */
  createInvite: orgProcedure("candidates:contact").input(createMonitoringInviteInputSchema.extend(withIdempotencyKey)).output(monitoringInviteCreatedSchema)
    .mutation(({ ctx, input }) =>
      onceForSubmission(ctx, "monitoring.createInvite", input, (data) => createMonitoringInvite(ctx.db, ctx.actor, data), {
        keep: ({ emailed }) => ({ emailed }),
        replay: (kept): never => {
          const emailed = (kept as { emailed?: unknown } | null)?.emailed === true;
          throw new AppError("CONFLICT", { key: "monitoring.alreadyMade", values: { emailed: String(emailed) } });
        },
      }),
    ),

  /** Public: the token in the link is the credential. The organisation's name and questions, for a usable link only. */
  form: publicProcedure.input(monitoringTokenInputSchema).output(monitoringFormSchema)
    .query(({ ctx, input }) => getMonitoringForm(ctx.db, input)),

  /** Public: stores the answers encrypted and uses up the link, once. */
  submit: publicProcedure.input(submitMonitoringAnswersInputSchema).output(monitoringAnswersSubmittedSchema)
    .mutation(({ ctx, input }) => submitMonitoringAnswers(ctx.db, input, ctx.clientAddress)),

  // ---- Report (report* procedures) ----
  /** HR and admins; hiring managers only where the organisation grants it, for their vacancies (service). */
  reportScopes: orgProcedure("insights:read").output(fairnessReportScopesSchema).query(withActorNoInput(listFairnessReportScopes)),

  /** Group figures only, small numbers suppressed; every call is audited, so it is fetched, not prefetched. */
  report: orgProcedure("insights:read").input(fairnessReportInput).output(fairnessReportSchema)
    .query(({ ctx, input }) => getFairnessReport(ctx.db, ctx.actor, input)),
});

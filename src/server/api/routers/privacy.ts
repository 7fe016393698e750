// Candidates' privacy rights and the organisation's privacy settings: export everything held about a
// candidate, erase them, and set how long data is kept after a decision.
import {
  candidateExportSchema,
  candidatePrivacyInput,
  erasurePreviewSchema,
  erasureSchema,
  exportCandidateInput,
  privacySettingsSchema,
  privacySettingsViewSchema,
  updatePrivacySettingsInput,
} from "@/lib/schemas/privacy";
import { describeErasure } from "@/server/services/privacy/describe-erasure";
import { eraseCandidate } from "@/server/services/privacy/erase-candidate";
import { exportCandidateData } from "@/server/services/privacy/export-candidate-data";
import { getPrivacySettings } from "@/server/services/privacy/get-privacy-settings";
import { updatePrivacySettings } from "@/server/services/privacy/update-privacy-settings";
import { withActor, withActorNoInput } from "../call-service";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const privacyRouter = createTRPCRouter({
  settings: orgProcedure("org:settings").output(privacySettingsViewSchema).query(withActorNoInput(getPrivacySettings)),

  updateSettings: orgProcedure("org:settings").input(updatePrivacySettingsInput).output(privacySettingsSchema)
    .mutation(withActor(updatePrivacySettings)),

  erasePreview: orgProcedure("candidates:privacy").input(candidatePrivacyInput).output(erasurePreviewSchema)
    .query(withActor(describeErasure)),

  erase: orgProcedure("candidates:privacy").input(candidatePrivacyInput).output(erasureSchema).mutation(withActor(eraseCandidate)),

  // A mutation, not a query: every export is written to the audit log, and must not be cached or prefetched.
  // The output is a deliberate allow-list of what a download must start with; the document holds personal data.
  exportCandidate: orgProcedure("candidates:privacy").input(exportCandidateInput).output(candidateExportSchema)
    .mutation(withActor(exportCandidateData)),
});

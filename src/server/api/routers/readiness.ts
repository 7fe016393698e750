// Readiness and refreshers (issue 19): each member's readiness for the script of a panel, a script's practice
// requirement (script writers), the organisation's thresholds (admins), and the on-demand drift check that
// suggests refreshers (HR and admins).
import {
  driftCheckSchema,
  panelReadinessInput,
  panelReadinessSchema,
  scriptRequirementInput,
  scriptRequirementSchema,
  setScriptRequirementInput,
  trainingSettingsSchema,
  updateTrainingSettingsInput,
} from "@/lib/schemas/readiness";
import { getTrainingSettings } from "@/server/services/orgs/get-training-settings";
import { updateTrainingSettings } from "@/server/services/orgs/update-training-settings";
import { checkDrift } from "@/server/services/training/drift-check";
import { getPanelReadiness } from "@/server/services/training/readiness-for-panel";
import { getScriptRequirement } from "@/server/services/training/readiness-script-requirement";
import { setScriptRequirement } from "@/server/services/training/readiness-set-script-requirement";
import { withActor, withActorNoInput } from "../call-service";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const readinessRouter = createTRPCRouter({
  /** Those who schedule see each member's readiness for the panel's script; figures only where theirs to see. */
  panel: orgProcedure("interviews:write").input(panelReadinessInput).output(panelReadinessSchema).query(withActor(getPanelReadiness)),

  scriptRequirement: orgProcedure("scripts:read").input(scriptRequirementInput).output(scriptRequirementSchema)
    .query(withActor(getScriptRequirement)),

  setScriptRequirement: orgProcedure("scripts:write").input(setScriptRequirementInput).output(scriptRequirementSchema)
    .mutation(withActor(setScriptRequirement)),

  settings: orgProcedure("org:settings").output(trainingSettingsSchema).query(withActorNoInput(getTrainingSettings)),

  updateSettings: orgProcedure("org:settings").input(updateTrainingSettingsInput).output(trainingSettingsSchema)
    .mutation(withActor(updateTrainingSettings)),

  checkDrift: orgProcedure("training:manage").output(driftCheckSchema).mutation(withActorNoInput(checkDrift)),
});

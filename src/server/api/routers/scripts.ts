// Interview scripts: everyone in the organisation reads and prints them; hiring managers and admins
// build, publish, duplicate and archive them.
import {
  createScriptInput,
  listScriptsInput,
  printableScriptInput,
  printableScriptOutput,
  publishScriptInput,
  publishScriptOutput,
  saveScriptDraftInput,
  saveScriptDraftOutput,
  scriptByIdInput,
  scriptIdAndStatusOutput,
  scriptIdOutput,
  scriptListOutput,
  scriptOutput,
  scriptRolesOutput,
} from "@/lib/schemas/scripts";
import { archiveScript } from "@/server/services/scripts/archive-script";
import { createScript } from "@/server/services/scripts/create-script";
import { duplicateScript } from "@/server/services/scripts/duplicate-script";
import { getPrintableScript } from "@/server/services/scripts/get-printable-script";
import { getScript } from "@/server/services/scripts/get-script";
import { listScriptRoles } from "@/server/services/scripts/list-script-roles";
import { listScripts } from "@/server/services/scripts/list-scripts";
import { publishScript } from "@/server/services/scripts/publish-script";
import { restoreScript } from "@/server/services/scripts/restore-script";
import { saveScriptDraft } from "@/server/services/scripts/save-script-draft";
import { onceForSubmission, withIdempotencyKey } from "../idempotency-key";
import { withActor, withActorNoInput } from "../call-service";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const scriptsRouter = createTRPCRouter({
  list: orgProcedure("scripts:read").input(listScriptsInput).output(scriptListOutput).query(withActor(listScripts)),

  roles: orgProcedure("scripts:read").output(scriptRolesOutput).query(withActorNoInput(listScriptRoles)),

  create: orgProcedure("scripts:write").input(createScriptInput.extend(withIdempotencyKey)).output(scriptIdOutput)
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "scripts.create", input, (data) => createScript(ctx.db, ctx.actor, data))),

  get: orgProcedure("scripts:read").input(scriptByIdInput).output(scriptOutput).query(withActor(getScript)),

  saveDraft: orgProcedure("scripts:write").input(saveScriptDraftInput).output(saveScriptDraftOutput).mutation(withActor(saveScriptDraft)),

  publish: orgProcedure("scripts:write").input(publishScriptInput).output(publishScriptOutput).mutation(withActor(publishScript)),

  duplicate: orgProcedure("scripts:write").input(scriptByIdInput.extend(withIdempotencyKey)).output(scriptIdOutput)
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "scripts.duplicate", input, (data) => duplicateScript(ctx.db, ctx.actor, data))),

  archive: orgProcedure("scripts:write").input(scriptByIdInput).output(scriptIdAndStatusOutput).mutation(withActor(archiveScript)),

  restore: orgProcedure("scripts:write").input(scriptByIdInput).output(scriptIdAndStatusOutput).mutation(withActor(restoreScript)),

  printable: orgProcedure("scripts:read").input(printableScriptInput).output(printableScriptOutput).query(withActor(getPrintableScript)),
});

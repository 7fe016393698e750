// Organisations' own question banks: create, edit, copy into and import. Every procedure writes (or reads
// for a writer), so all need banks:write; the services refuse built-in banks and hide other organisations'.
import {
  addQuestionInput,
  bankDetailsSchema,
  byIdSchema,
  confirmImportInput,
  confirmImportOutput,
  copyQuestionInput,
  deleteQuestionOutput,
  idOutput,
  myBanksOutput,
  ownBankOutput,
  previewImportFileInput,
  previewImportInput,
  previewImportOutput,
  updateBankInput,
  updatedBankOutput,
  updateQuestionInput,
} from "@/lib/schemas/banks";
import { addQuestion } from "@/server/services/banks/add-question";
import { confirmImport } from "@/server/services/banks/confirm-import";
import { copyQuestion } from "@/server/services/banks/copy-question";
import { createBank } from "@/server/services/banks/create-bank";
import { deleteBank } from "@/server/services/banks/delete-bank";
import { deleteQuestion } from "@/server/services/banks/delete-question";
import { getOwnBank } from "@/server/services/banks/get-own-bank";
import { listOwnBanks } from "@/server/services/banks/list-own-banks";
import { previewImport } from "@/server/services/banks/preview-import";
import { previewImportFile } from "@/server/services/banks/preview-import-file";
import { updateBank } from "@/server/services/banks/update-bank";
import { updateQuestion } from "@/server/services/banks/update-question";
import { onceForSubmission, withIdempotencyKey } from "../idempotency-key";
import { withActor, withActorNoInput } from "../call-service";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const bankAdminRouter = createTRPCRouter({
  myBanks: orgProcedure("banks:write").output(myBanksOutput).query(withActorNoInput(listOwnBanks)),

  ownBank: orgProcedure("banks:write").input(byIdSchema).output(ownBankOutput)
    .query(({ ctx, input }) => getOwnBank(ctx.db, ctx.actor, input.id)),

  createBank: orgProcedure("banks:write").input(bankDetailsSchema.extend(withIdempotencyKey)).output(idOutput)
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "bankAdmin.createBank", input, (data) => createBank(ctx.db, ctx.actor, data))),

  updateBank: orgProcedure("banks:write").input(updateBankInput).output(updatedBankOutput).mutation(withActor(updateBank)),

  deleteBank: orgProcedure("banks:write").input(byIdSchema).output(idOutput)
    .mutation(({ ctx, input }) => deleteBank(ctx.db, ctx.actor, input.id)),

  addQuestion: orgProcedure("banks:write").input(addQuestionInput.extend(withIdempotencyKey)).output(idOutput)
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "bankAdmin.addQuestion", input, (data) => addQuestion(ctx.db, ctx.actor, data))),

  updateQuestion: orgProcedure("banks:write").input(updateQuestionInput).output(idOutput).mutation(withActor(updateQuestion)),

  deleteQuestion: orgProcedure("banks:write").input(byIdSchema).output(deleteQuestionOutput)
    .mutation(({ ctx, input }) => deleteQuestion(ctx.db, ctx.actor, input.id)),

  copyQuestion: orgProcedure("banks:write").input(copyQuestionInput.extend(withIdempotencyKey)).output(idOutput)
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "bankAdmin.copyQuestion", input, (data) => copyQuestion(ctx.db, ctx.actor, data))),

  // A mutation although it writes nothing: an article is too long for a GET request's URL.
  previewImport: orgProcedure("banks:write").input(previewImportInput).output(previewImportOutput)
    .mutation(({ ctx, input }) => previewImport(ctx.actor, input)),

  // A file of any format the import reads (Word, spreadsheet, HTML, Markdown, text), base64 in the JSON body.
  previewImportFile: orgProcedure("banks:write").input(previewImportFileInput).output(previewImportOutput)
    .mutation(({ ctx, input }) => previewImportFile(ctx.db, ctx.actor, input)),

  confirmImport: orgProcedure("banks:write").input(confirmImportInput.extend(withIdempotencyKey)).output(confirmImportOutput)
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "bankAdmin.confirmImport", input, (data) => confirmImport(ctx.db, ctx.actor, data))),
});

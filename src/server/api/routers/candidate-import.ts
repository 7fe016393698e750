// Importing candidates from a CSV or Excel file: a preview (read-only, sent again whenever the mapping
// changes) and the import itself, once per submission (the key claimed in the import's own transaction, which
// may outlast the key's: create-once.ts). The file travels base64-encoded in both; the server reads it afresh
// each time rather than keeping uploads.
import {
  candidateImportPreviewSchema,
  candidateImportResultSchema,
  confirmCandidateImportInput,
  previewCandidateImportInput,
} from "@/lib/schemas/candidate-import";
import { confirmCandidateImport } from "@/server/services/candidate-import/confirm-candidate-import";
import { previewCandidateImport } from "@/server/services/candidate-import/preview-candidate-import";
import { onceForSubmissionInTransaction, withIdempotencyKey } from "../idempotency-key";
import { withActor } from "../call-service";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const candidateImportRouter = createTRPCRouter({
  /** A mutation, not a query: its input is the whole file, which does not belong in a URL or a query cache. */
  preview: orgProcedure("candidates:write").input(previewCandidateImportInput).output(candidateImportPreviewSchema).mutation(withActor(previewCandidateImport)),

  confirm: orgProcedure("candidates:write").input(confirmCandidateImportInput.extend(withIdempotencyKey)).output(candidateImportResultSchema)
    .mutation(({ ctx, input }) =>
      onceForSubmissionInTransaction(ctx, "candidateImport.confirm", input, (data, once) => confirmCandidateImport(ctx.db, ctx.actor, data, once)),
    ),
});

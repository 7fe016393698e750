// The import preview of an uploaded question-bank file (Markdown, HTML, Word, CSV, .xlsx or plain text): the
// file is read by its content and name, spreadsheets with the chosen, remembered or guessed column mapping.
// Writes nothing; the mapping is remembered when the import is confirmed.
import { BankFileRefusal } from "@/lib/bank-article/formats/file-limits";
import { prepareBankFile } from "@/lib/bank-article/formats/prepare-bank-file";
import { bankColumnMappingSchema, type PreviewImportFileInput, type PreviewImportOutput } from "@/lib/schemas/banks";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { competencyKeywords } from "./_shared/competency-keywords";
import { curatedTexts, forThePage } from "./preview-import";

export async function previewImportFile(db: Db, actor: Actor, input: PreviewImportFileInput): Promise<PreviewImportOutput> {
  requirePermission(actor, "banks:write");
  const org = await db.organization.findUniqueOrThrow({ where: { id: actor.orgId }, select: { bankImportMapping: true } });
  const remembered = bankColumnMappingSchema.safeParse(org.bankImportMapping);
  const bytes = new Uint8Array(Buffer.from(input.content, "base64"));
  try {
    const preview = await prepareBankFile(bytes, input.fileName, {
      competencies: competencyKeywords(),
      curated: curatedTexts(input.questionTexts),
      mapping: input.mapping ?? null,
      rememberedMapping: remembered.success ? remembered.data : null,
    });
    return forThePage(preview);
  } catch (error) {
    if (error instanceof BankFileRefusal) throw new AppError("BAD_REQUEST", error.text ?? error.message, "file");
    throw error;
  }
}

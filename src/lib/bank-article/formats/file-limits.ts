// Limits on a question-bank file, shared by the page (refuses before uploading), the server and the CLI.
import type { TabularProblem } from "@/lib/tabular/tabular-problem";

/**
 * A question bank is tens of kilobytes as text and a few hundred as a Word document; 10 MB leaves room for
 * pictures. The page sends the file base64-encoded in one request, under the upload procedures' body limit
 * (src/server/http/upload-body-limit.ts).
 */
export const MAX_BANK_FILE_BYTES = 10_000_000;
/** What a Word document or workbook may unpack to, and how much bigger than the file that may be. */
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;
export const MAX_ZIP_RATIO = 100;
/** Below this unpacked size the ratio is not checked: small XML packs very tightly. */
export const RATIO_CHECKED_ABOVE = 5 * 1024 * 1024;

export const BANK_FILE_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".csv", ".xlsx"] as const;

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** A refusal the reader of the file sent: errors.json's `bankFile.tabularProblem`, naming the file. */
export type BankFileRefusalText = { key: "bankFile.tabularProblem"; values: { name: string; problem: TabularProblem } };

/**
 * A file the importer will not read, with the reason said to the person who chose it. `text`, when present,
 * is the same reason as a key and values, for the page to word in the reader's language (`message` is English).
 */
export class BankFileRefusal extends Error {
  override name = "BankFileRefusal";

  constructor(
    message: string,
    readonly text?: BankFileRefusalText,
  ) {
    super(message);
  }
}

export function sizeRefusal(name: string, bytes: number): string | null {
  return bytes > MAX_BANK_FILE_BYTES
    ? `“${name}” is ${megabytes(bytes)}; a question-bank file can be at most ${megabytes(MAX_BANK_FILE_BYTES)}. Remove its pictures, split it, or paste its text instead.`
    : null;
}

export function unzippedRefusal(name: string, fileBytes: number, unzippedBytes: number): string | null {
  if (unzippedBytes > MAX_UNZIPPED_BYTES) {
    return `“${name}” would unpack to more than ${megabytes(MAX_UNZIPPED_BYTES)} (it declares ${unzippedBytes >= Number.MAX_SAFE_INTEGER ? "an unreadable size" : megabytes(unzippedBytes)}), so it was not opened: it may be a zip bomb.`;
  }
  if (unzippedBytes > RATIO_CHECKED_ABOVE && unzippedBytes > fileBytes * MAX_ZIP_RATIO) {
    return `“${name}” would unpack to ${Math.round(unzippedBytes / Math.max(fileBytes, 1))} times its size, so it was not opened: it may be a zip bomb.`;
  }
  return null;
}

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

type BankFileMessages = (typeof import("@/i18n/messages/en/errors.json"))["bankFile"];

/**
 * A refusal as errors.json's `bankFile` key and its values: the reader of the file's own refusal inside
 * `bankFile.tabularProblem` (naming the file), or one of this importer's.
 */
export type BankFileRefusalText =
  | { key: "bankFile.tabularProblem"; values: { name: string; problem: TabularProblem } }
  | { key: `bankFile.${Exclude<keyof BankFileMessages & string, "tabularProblem">}`; values: Record<string, string | number> };

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

/** Megabytes to one decimal as in the English, for the message to show ({size, number, ::.0}). */
export const mb = (bytes: number) => Number((bytes / 1_000_000).toFixed(1));

export function sizeRefusal(name: string, bytes: number): BankFileRefusal | null {
  return bytes > MAX_BANK_FILE_BYTES
    ? new BankFileRefusal(
        `“${name}” is ${megabytes(bytes)}; a question-bank file can be at most ${megabytes(MAX_BANK_FILE_BYTES)}. Remove its pictures, split it, or paste its text instead.`,
        { key: "bankFile.tooLarge", values: { name, size: mb(bytes), max: mb(MAX_BANK_FILE_BYTES) } },
      )
    : null;
}

export function unzippedRefusal(name: string, fileBytes: number, unzippedBytes: number): BankFileRefusal | null {
  if (unzippedBytes > MAX_UNZIPPED_BYTES) {
    const unreadable = unzippedBytes >= Number.MAX_SAFE_INTEGER;
    return new BankFileRefusal(
      `“${name}” would unpack to more than ${megabytes(MAX_UNZIPPED_BYTES)} (it declares ${unreadable ? "an unreadable size" : megabytes(unzippedBytes)}), so it was not opened: it may be a zip bomb.`,
      { key: "bankFile.unpacksTooLarge", values: { name, max: mb(MAX_UNZIPPED_BYTES), declared: unreadable ? "unreadable" : "size", size: unreadable ? 0 : mb(unzippedBytes) } },
    );
  }
  if (unzippedBytes > RATIO_CHECKED_ABOVE && unzippedBytes > fileBytes * MAX_ZIP_RATIO) {
    const ratio = Math.round(unzippedBytes / Math.max(fileBytes, 1));
    return new BankFileRefusal(`“${name}” would unpack to ${ratio} times its size, so it was not opened: it may be a zip bomb.`, {
      key: "bankFile.unpacksTimes",
      // As digits, not a number the message would group ("1,234"): the English says it as the code always did.
      values: { name, ratio: String(ratio) },
    });
  }
  return null;
}

// The chosen file's bytes as base64, for the import procedures (tRPC carries JSON). Checked for size here
// first, so a 50 MB file is refused before it is uploaded at all. Refusals are message keys of the
// candidateImport namespace with their values, worded by the page in its language.
import { MAX_IMPORT_FILE_BYTES } from "@/lib/schemas/candidate-import";

export type UploadedFile = { name: string; base64: string };
export type FileRefusal = { key: "notSpreadsheet" | "tooLarge" | "empty" | "unreadable"; values: { name: string; megabytes?: number } };

export function uploadRefusal(file: { name: string; size: number }): FileRefusal | null {
  if (!/\.(csv|xlsx|txt)$/i.test(file.name)) return { key: "notSpreadsheet", values: { name: file.name } };
  if (file.size > MAX_IMPORT_FILE_BYTES) return { key: "tooLarge", values: { name: file.name, megabytes: Math.round(file.size / (1024 * 1024)) } };
  if (file.size === 0) return { key: "empty", values: { name: file.name } };
  return null;
}

/** The file's contents, or null when the browser could not read it. */
export function readFileBase64(file: File): Promise<UploadedFile | null> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ name: file.name, base64: url.slice(url.indexOf(",") + 1) });
    };
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(file);
  });
}

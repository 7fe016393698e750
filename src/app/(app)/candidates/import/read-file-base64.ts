// The chosen file's bytes as base64, for the import procedures (tRPC carries JSON). Checked for size here
// first, so a 50 MB file is refused before it is uploaded at all.
import { MAX_IMPORT_FILE_BYTES } from "@/lib/schemas/candidate-import";

export type UploadedFile = { name: string; base64: string };

export function uploadRefusal(file: { name: string; size: number }): string | null {
  if (!/\.(csv|xlsx|txt)$/i.test(file.name)) return `“${file.name}” is not a CSV file or an Excel workbook (.xlsx).`;
  if (file.size > MAX_IMPORT_FILE_BYTES) {
    return `“${file.name}” is ${(file.size / (1024 * 1024)).toFixed(0)} MB; the limit is 20 MB. Split it into smaller files.`;
  }
  if (file.size === 0) return `“${file.name}” is empty.`;
  return null;
}

export function readFileBase64(file: File): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ name: file.name, base64: url.slice(url.indexOf(",") + 1) });
    };
    reader.onerror = () => reject(new Error(`“${file.name}” could not be read.`));
    reader.readAsDataURL(file);
  });
}

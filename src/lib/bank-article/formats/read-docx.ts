// A Word document (.docx) to the plain text the article parser reads: checked as a zip and as a Word
// document before anything is unpacked, then mammoth turns it into HTML and the HTML converter into text.
import mammoth from "mammoth";
import { htmlToText } from "./html-to-text";
import { inspectZip } from "@/lib/tabular/inspect-zip";
import { TabularError } from "@/lib/tabular/table";
import { BankFileRefusal, sizeRefusal, unzippedRefusal } from "./file-limits";

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

export async function docxToText(bytes: Uint8Array, name: string): Promise<string> {
  const tooBig = sizeRefusal(name, bytes.length);
  if (tooBig) throw tooBig;
  if (!ZIP_SIGNATURE.every((byte, i) => bytes[i] === byte)) {
    throw new BankFileRefusal(`“${name}” is not a Word document (.docx): it is not a zip package. Save it from Word as .docx, or paste its text.`, {
      key: "bankFile.docxNotZip",
      values: { name },
    });
  }
  const entries = inspectedEntries(bytes, name);
  if (!entries.some((e) => e.name === "word/document.xml")) {
    throw new BankFileRefusal(`“${name}” is a zip but not a Word document: it has no word/document.xml. Save it from Word as .docx.`, {
      key: "bankFile.docxNoDocument",
      values: { name },
    });
  }
  const bomb = unzippedRefusal(name, bytes.length, entries.reduce((sum, e) => sum + e.uncompressedSize, 0));
  if (bomb) throw bomb;
  let html: string;
  try {
    // Pictures are left out: an import needs the words, and embedded images would only make the HTML big.
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })) },
    );
    html = result.value;
  } catch (error) {
    const detail = (error as Error).message;
    throw new BankFileRefusal(`“${name}” could not be read as a Word document (${detail}).`, { key: "bankFile.docxUnreadable", values: { name, detail } });
  }
  return htmlToText(continueNumbering(html));
}

/**
 * Word numbers questions with one list running through the document, but mammoth closes the list at each
 * paragraph between two items, so every question would come out as "1.". A list of a single item (how a
 * numbered question sits between its paragraphs) continues the count of the one before; lists of several
 * items (steps inside an example answer) keep their own numbers.
 */
export function continueNumbering(html: string): string {
  let count = 0;
  return html.replace(/<ol>(<li>(?:(?!<\/?(?:li|ol|ul)\b)[\s\S])*<\/li>)<\/ol>/g, (_, item: string) => `<ol start="${++count}">${item}</ol>`);
}

/** The zip's entries, checked by the shared inspector (declared and actual sizes) before mammoth unpacks it. */
function inspectedEntries(bytes: Uint8Array, name: string) {
  try {
    return inspectZip(bytes);
  } catch (error) {
    if (!(error instanceof TabularError)) throw error;
    // The inspector speaks of spreadsheets; the size check is what matters here, in this file's words.
    const bomb = error.problem.key === "tabular.zipBomb" || error.problem.key === "tabular.zipBombUnknownSize";
    throw bomb
      ? new BankFileRefusal(`“${name}” unpacks to far more than its size, so it was not opened: it may be a zip bomb.`, { key: "bankFile.unpacksFar", values: { name } })
      : new BankFileRefusal(`“${name}” is not a readable Word document: the zip package is damaged or protected. Save it again from Word as .docx.`, {
          key: "bankFile.docxDamaged",
          values: { name },
        });
  }
}

import { TabularError } from "./table";

export type DecodedText = { text: string; encoding: "utf-8" | "windows-1252" };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Windows-1252's bytes 0x80–0x9F (curly quotes, dashes, €, …); the rest match Latin-1. Decoded by hand because
 * some Node versions' TextDecoder("windows-1252") takes a Latin-1 shortcut and returns control characters here.
 */
const CP1252_HIGH =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const chars = Array.from(bytes.subarray(start, start + CHUNK), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte),
    );
    parts.push(chars.join(""));
  }
  return parts.join("");
}

/**
 * A text file's characters. Files saved by Excel as "CSV UTF-8" start with a byte-order mark, which is dropped;
 * bytes that are not valid UTF-8 are almost always Windows-1252 (Excel's "CSV" on Windows), so that is the
 * fallback, and the caller can say which was used. UTF-16 (Excel's "Unicode text") is refused with advice.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new TabularError({ key: "tabular.utf16" });
  }
  const hasBom = UTF8_BOM.every((byte, index) => bytes[index] === byte);
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (body.subarray(0, 8192).includes(0)) {
    throw new TabularError({ key: "tabular.notText" });
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(body), encoding: "windows-1252" };
  }
}

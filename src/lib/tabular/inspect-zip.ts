import { inflateRawSync } from "node:zlib";
import { TabularError } from "./table";

// An .xlsx is a zip archive. Before a library unpacks it we read its central directory (the table of contents
// at the end of the archive) and inflate each entry with a hard output cap, so a "zip bomb" (a few kilobytes
// that expand to gigabytes, or an archive whose table of contents lies about its sizes) is refused before it
// costs memory.

export const ZIP_LIMITS = {
  /** Everything in the archive, unpacked. */
  maxUncompressedBytes: 100 * 1024 * 1024,
  /** Unpacked size over packed size, for the archive as a whole; real workbooks stay well under 30. */
  maxRatio: 100,
  maxEntries: 10_000,
};

export type ZipEntry = { name: string; compressedSize: number; uncompressedSize: number };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

const broken = () => new TabularError({ key: "tabular.damagedZip" });

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const earliest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let offset = view.byteLength - 22; offset >= earliest; offset--) {
    if (view.getUint32(offset, true) === EOCD_SIGNATURE) return offset;
  }
  throw broken();
}

/** The archive's entries, refusing archives that are too big unpacked, too compressed, encrypted or zip64. */
export function inspectZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    throw new TabularError({ key: "tabular.zip64" });
  }
  if (count > ZIP_LIMITS.maxEntries) throw new TabularError({ key: "tabular.tooManyFiles" });
  const entries: (ZipEntry & { method: number; localOffset: number })[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) throw broken();
    const flags = view.getUint16(offset + 8, true);
    if (flags & 0x1) throw new TabularError({ key: "tabular.passwordProtected" });
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  const unpacked = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  const packed = entries.reduce((sum, entry) => sum + entry.compressedSize, 0);
  if (unpacked > ZIP_LIMITS.maxUncompressedBytes || unpacked > Math.max(packed, 1) * ZIP_LIMITS.maxRatio) {
    throw bombError(unpacked);
  }
  let budget = ZIP_LIMITS.maxUncompressedBytes;
  for (const entry of entries) budget -= verifyEntrySize(bytes, view, entry, budget);
  return entries.map(({ name, compressedSize, uncompressedSize }) => ({ name, compressedSize, uncompressedSize }));
}

function bombError(unpacked: number): TabularError {
  const megabytes = Math.round(unpacked / (1024 * 1024));
  return new TabularError(megabytes > 0 ? { key: "tabular.zipBomb", values: { size: megabytes } } : { key: "tabular.zipBombUnknownSize" });
}

/** Inflates one entry with a cap of its declared size, so a table of contents that lies is caught. */
function verifyEntrySize(
  bytes: Uint8Array,
  view: DataView,
  entry: { name: string; method: number; compressedSize: number; uncompressedSize: number; localOffset: number },
  budget: number,
): number {
  const local = entry.localOffset;
  if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL_SIGNATURE) throw broken();
  const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
  if (entry.method === 0) return data.byteLength;
  if (entry.method !== 8) throw new TabularError({ key: "tabular.unusualCompression", values: { entry: entry.name } });
  const cap = Math.min(entry.uncompressedSize, budget);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(cap, 1) }).byteLength;
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw bombError(0);
    throw broken();
  }
}

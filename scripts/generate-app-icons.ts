// Writes Panelkit's icons (favicon, home-screen and manifest PNGs) from one drawing: three bars of a
// panel's ratings, white on the brand teal. Run after changing the drawing:  npx tsx scripts/generate-app-icons.ts
// PNGs are encoded here with zlib (no image library needed); src/app/icon.svg is the same drawing as SVG.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

const ROOT = path.resolve(import.meta.dirname, "..");
const TEAL: Rgba = [0x11, 0x5e, 0x59, 255];
const WHITE: Rgba = [255, 255, 255, 255];
type Rgba = [number, number, number, number];

// The drawing on a 64-unit square: a rounded background and three rounded bars.
const CORNER = 14;
const BARS = [
  { x: 14, top: 30, width: 10 },
  { x: 27, top: 18, width: 10 },
  { x: 40, top: 24, width: 10 },
];
const BAR_BOTTOM = 48;

function insideRoundedRect(x: number, y: number, left: number, top: number, right: number, bottom: number, r: number): boolean {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** The colour at a point of the 64-unit drawing; `full` fills the corners (for iOS, which rounds them itself). */
function colourAt(x: number, y: number, full: boolean): Rgba | null {
  if (BARS.some((b) => insideRoundedRect(x, y, b.x, b.top, b.x + b.width, BAR_BOTTOM, 3))) return WHITE;
  if (full || insideRoundedRect(x, y, 0, 0, 64, 64, CORNER)) return TEAL;
  return null;
}

/** A size × size RGBA image, 4 × 4 samples per pixel for smooth edges. */
function render(size: number, full = false): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt(((px + (sx + 0.5) / samples) * 64) / size, ((py + (sy + 0.5) / samples) * 64) / size, full);
          if (!colour) continue;
          for (let c = 0; c < 3; c++) sum[c]! += colour[c]! * colour[3];
          sum[3]! += colour[3];
        }
      }
      const alpha = sum[3]! / (samples * samples);
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) pixels[offset + c] = sum[3] ? Math.round(sum[c]! / sum[3]!) : 0;
      pixels[offset + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number, full = false): Buffer {
  const pixels = render(size, full);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An .ico holding PNG images (every browser since Internet Explorer 9 reads them). */
function ico(sizes: number[]): Buffer {
  const images = sizes.map((size) => png(size));
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map((image, i) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(sizes[i]! % 256, 0);
    entry.writeUInt8(sizes[i]! % 256, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(image.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += image.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images]);
}

writeFileSync(path.join(ROOT, "src/app/favicon.ico"), ico([16, 32, 48]));
writeFileSync(path.join(ROOT, "src/app/apple-icon.png"), png(180, true));
writeFileSync(path.join(ROOT, "public/icons/icon-192.png"), png(192));
writeFileSync(path.join(ROOT, "public/icons/icon-512.png"), png(512));
writeFileSync(path.join(ROOT, "public/icons/icon-maskable-512.png"), png(512, true));
console.log("icons written");

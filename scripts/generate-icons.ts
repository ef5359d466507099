/**
 * Draws the app icons (a check-in sheet with a tick on the brand blue) and writes them as PNG
 * files into public/. Uses only Node: shapes are signed distance functions, anti-aliased by
 * supersampling, and the PNG is one IDAT chunk compressed with zlib.
 *
 * Run: npx tsx scripts/generate-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

const BRAND_BLUE: Rgba = [11, 79, 138, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLIP_BLUE: Rgba = [159, 195, 230, 255];
const TRANSPARENT: Rgba = [0, 0, 0, 0];
const SUPERSAMPLING = 4;

/** Signed distance from (x, y) to a rectangle with rounded corners; negative inside. */
function roundedRectDistance(x: number, y: number, left: number, top: number, right: number, bottom: number, radius: number): number {
  const centerX = (left + right) / 2;
  const centerY = (top + bottom) / 2;
  const halfWidth = (right - left) / 2 - radius;
  const halfHeight = (bottom - top) / 2 - radius;
  const dx = Math.abs(x - centerX) - halfWidth;
  const dy = Math.abs(y - centerY) - halfHeight;
  const outside = Math.hypot(Math.max(dx, 0), Math.max(dy, 0));
  return outside + Math.min(Math.max(dx, dy), 0) - radius;
}

/** Signed distance from (x, y) to a line segment with round ends of the given half-thickness. */
function capsuleDistance(x: number, y: number, x1: number, y1: number, x2: number, y2: number, halfThickness: number): number {
  const lengthSquared = (x2 - x1) ** 2 + (y2 - y1) ** 2;
  const along = Math.max(0, Math.min(1, ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / lengthSquared));
  return Math.hypot(x - (x1 + along * (x2 - x1)), y - (y1 + along * (y2 - y1))) - halfThickness;
}

interface IconSpec {
  file: string;
  size: number;
  /** Maskable icons fill the whole square and keep the drawing inside the central safe circle. */
  maskable: boolean;
}

/** Returns the colour at a point of the unit square (0..1 on both axes). */
function colourAt(u: number, v: number, maskable: boolean): Rgba {
  const background = maskable ? 0 : roundedRectDistance(u, v, 0, 0, 1, 1, 0.22);
  if (background > 0) return TRANSPARENT;

  // Maskable launchers may crop to a circle of radius 0.4, so the drawing shrinks towards the centre.
  const scale = maskable ? 0.85 : 1;
  const x = (u - 0.5) / scale + 0.5;
  const y = (v - 0.5) / scale + 0.5;

  const tick = Math.min(
    capsuleDistance(x, y, 0.375, 0.535, 0.465, 0.625, 0.036),
    capsuleDistance(x, y, 0.465, 0.625, 0.635, 0.435, 0.036),
  );
  if (tick < 0) return BRAND_BLUE;
  if (roundedRectDistance(x, y, 0.405, 0.185, 0.595, 0.285, 0.035) < 0) return CLIP_BLUE;
  if (roundedRectDistance(x, y, 0.27, 0.235, 0.73, 0.8, 0.05) < 0) return WHITE;
  return BRAND_BLUE;
}

/** Renders an icon as RGBA rows, averaging SUPERSAMPLING² samples per pixel. */
function render(spec: IconSpec): Buffer {
  const pixels = Buffer.alloc(spec.size * spec.size * 4);
  const samples = SUPERSAMPLING * SUPERSAMPLING;

  for (let row = 0; row < spec.size; row++) {
    for (let column = 0; column < spec.size; column++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const u = (column + (sx + 0.5) / SUPERSAMPLING) / spec.size;
          const v = (row + (sy + 0.5) / SUPERSAMPLING) / spec.size;
          const colour = colourAt(u, v, spec.maskable);
          // Premultiply so transparent samples at the rounded corners do not darken the edge.
          const alpha = colour[3] / 255;
          sum[0]! += colour[0] * alpha;
          sum[1]! += colour[1] * alpha;
          sum[2]! += colour[2] * alpha;
          sum[3]! += colour[3];
        }
      }
      const offset = (row * spec.size + column) * 4;
      const alphaSum = sum[3]! / 255;
      pixels[offset] = alphaSum > 0 ? Math.round(sum[0]! / alphaSum) : 0;
      pixels[offset + 1] = alphaSum > 0 ? Math.round(sum[1]! / alphaSum) : 0;
      pixels[offset + 2] = alphaSum > 0 ? Math.round(sum[2]! / alphaSum) : 0;
      pixels[offset + 3] = Math.round(sum[3]! / samples);
    }
  }
  return pixels;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, checksum]);
}

/** Encodes RGBA pixels as a PNG (8-bit RGBA, no filtering). */
function encodePng(size: number, pixels: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace

  const rowLength = size * 4;
  const raw = Buffer.alloc((rowLength + 1) * size);
  for (let row = 0; row < size; row++) {
    raw[row * (rowLength + 1)] = 0; // filter type None
    pixels.copy(raw, row * (rowLength + 1) + 1, row * rowLength, (row + 1) * rowLength);
  }

  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const ICONS: IconSpec[] = [
  { file: 'pwa-192x192.png', size: 192, maskable: false },
  { file: 'pwa-512x512.png', size: 512, maskable: false },
  { file: 'maskable-512x512.png', size: 512, maskable: true },
  // iOS ignores transparency and rounds the corners itself, so it gets the full-bleed drawing.
  { file: 'apple-touch-icon-180x180.png', size: 180, maskable: true },
  { file: 'favicon-64x64.png', size: 64, maskable: false },
];

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
mkdirSync(publicDir, { recursive: true });
for (const spec of ICONS) {
  const png = encodePng(spec.size, render(spec));
  writeFileSync(join(publicDir, spec.file), png);
  console.log(`wrote public/${spec.file} (${spec.size}×${spec.size}, ${png.length} bytes)`);
}

/**
 * Pure rules for the photos taken on the walkaround: which files can be decoded, how large
 * they may be, their pixel size and EXIF orientation read from the file header, and the size
 * they are shrunk to before they are stored. The decoding itself happens in the browser.
 */

/** Long side of a stored photo, in pixels; enough to read a scratch, small enough to sync. */
export const PHOTO_MAX_LONG_SIDE_PX = 1600;

/** JPEG quality of a shrunk photo (0..1). */
export const PHOTO_JPEG_QUALITY = 0.85;

/** Largest file accepted from the camera or gallery; larger files are rejected before reading. */
export const PHOTO_MAX_INPUT_BYTES = 80_000_000;

/**
 * Largest source image accepted, in pixels. Decoding needs 4 bytes a pixel, so 120 MP is
 * about 480 MB at worst; beyond that a tablet browser may kill the tab instead of failing.
 */
export const PHOTO_MAX_SOURCE_PIXELS = 120_000_000;

/** The value for the file input's `accept` attribute. */
export const PHOTO_ACCEPT = 'image/*';

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'bmp' | 'avif' | 'heif' | 'tiff' | 'unknown';

/** Reason a photo is rejected; the tablet shows the message `checkin.photoError.<code>`. */
export type PhotoError = 'photo_empty' | 'photo_unsupported_format' | 'photo_too_large' | 'photo_decode_failed';

/** Formats Chromium decodes with createImageBitmap on every platform. */
const DECODABLE_FORMATS: ReadonlySet<ImageFormat> = new Set(['jpeg', 'png', 'webp', 'gif', 'bmp', 'avif']);

/** Formats that tablets produce but Chromium cannot decode (HEIC from iPhones and some Android cameras, TIFF scans). */
const UNDECODABLE_MIME_TYPES = new Set(['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence', 'image/tiff']);
const UNDECODABLE_EXTENSIONS = /\.(heic|heif|hif|tif|tiff)$/i;

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let text = '';
  for (let i = start; i < start + length && i < bytes.length; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}

/** Identifies an image format from its first bytes (magic numbers), whatever the file is called. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (ascii(bytes, 0, 4) === 'GIF8') return 'gif';
  if (ascii(bytes, 0, 2) === 'BM') return 'bmp';
  if (ascii(bytes, 0, 4) === 'II*\0' || ascii(bytes, 0, 4) === 'MM\0*') return 'tiff';
  if (ascii(bytes, 4, 4) === 'ftyp') {
    const brand = ascii(bytes, 8, 4);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'].includes(brand)) return 'heif';
  }
  return 'unknown';
}

/**
 * Decides from the sniffed format, the MIME type and the file name whether to try decoding.
 * Returns 'try' for formats the browser may decode and an error code for those it cannot.
 */
export function photoFormatVerdict(format: ImageFormat, mimeType: string, fileName: string): 'try' | PhotoError {
  if (format === 'heif' || format === 'tiff') return 'photo_unsupported_format';
  if (DECODABLE_FORMATS.has(format)) return 'try';
  if (UNDECODABLE_MIME_TYPES.has(mimeType.toLowerCase()) || UNDECODABLE_EXTENSIONS.test(fileName)) return 'photo_unsupported_format';
  return 'try';
}

export interface ImageInfo {
  width: number;
  height: number;
  /** EXIF orientation 1..8; 1 when the file has none. */
  orientation: number;
}

function uint16(bytes: Uint8Array, offset: number, littleEndian: boolean): number {
  const a = bytes[offset] ?? 0;
  const b = bytes[offset + 1] ?? 0;
  return littleEndian ? a | (b << 8) : (a << 8) | b;
}

function uint32(bytes: Uint8Array, offset: number, littleEndian: boolean): number {
  const high = uint16(bytes, littleEndian ? offset + 2 : offset, littleEndian);
  const low = uint16(bytes, littleEndian ? offset : offset + 2, littleEndian);
  return high * 0x10000 + low;
}

/** Reads the orientation tag (0x0112) from an EXIF block that starts with "Exif\0\0". */
function exifOrientation(bytes: Uint8Array, start: number, end: number): number {
  if (ascii(bytes, start, 6) !== 'Exif\0\0') return 1;
  const tiff = start + 6;
  const order = ascii(bytes, tiff, 2);
  if (order !== 'II' && order !== 'MM') return 1;
  const littleEndian = order === 'II';
  const firstDirectory = tiff + uint32(bytes, tiff + 4, littleEndian);
  if (firstDirectory + 2 > end) return 1;

  const entries = uint16(bytes, firstDirectory, littleEndian);
  for (let i = 0; i < entries; i++) {
    const entry = firstDirectory + 2 + i * 12;
    if (entry + 12 > end) break;
    if (uint16(bytes, entry, littleEndian) === 0x0112) {
      const value = uint16(bytes, entry + 8, littleEndian);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

// Start-of-frame markers carry the pixel size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function readJpegInfo(bytes: Uint8Array): ImageInfo | null {
  let orientation = 1;
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    // Fill bytes and markers without a length (RSTn, TEM) carry no segment.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const length = uint16(bytes, offset + 2, false);
    const segmentStart = offset + 4;
    const segmentEnd = offset + 2 + length;
    if (marker === 0xe1) orientation = exifOrientation(bytes, segmentStart, Math.min(segmentEnd, bytes.length));
    if (isStartOfFrame(marker)) {
      const height = uint16(bytes, segmentStart + 1, false);
      const width = uint16(bytes, segmentStart + 3, false);
      return width > 0 && height > 0 ? { width, height, orientation } : null;
    }
    if (marker === 0xda || length < 2) return null;
    offset = segmentEnd;
  }
  return null;
}

function readWebpInfo(bytes: Uint8Array): ImageInfo | null {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8X') {
    const width = 1 + (bytes[24]! | (bytes[25]! << 8) | (bytes[26]! << 16));
    const height = 1 + (bytes[27]! | (bytes[28]! << 8) | (bytes[29]! << 16));
    return { width, height, orientation: 1 };
  }
  if (chunk === 'VP8 ') {
    return { width: uint16(bytes, 26, true) & 0x3fff, height: uint16(bytes, 28, true) & 0x3fff, orientation: 1 };
  }
  if (chunk === 'VP8L') {
    const bits = uint32(bytes, 21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, orientation: 1 };
  }
  return null;
}

/**
 * Reads the pixel size and EXIF orientation from an image file's header without decoding it,
 * so a huge photo can be decoded straight to its shrunk size. Returns null when the header
 * cannot be read; the caller then decodes at full size.
 */
export function readImageInfo(bytes: Uint8Array): ImageInfo | null {
  const format = sniffImageFormat(bytes);
  switch (format) {
    case 'jpeg':
      return readJpegInfo(bytes);
    case 'png':
      if (bytes.length < 24) return null;
      return { width: uint32(bytes, 16, false), height: uint32(bytes, 20, false), orientation: 1 };
    case 'webp':
      return bytes.length < 30 ? null : readWebpInfo(bytes);
    case 'gif':
      return bytes.length < 10 ? null : { width: uint16(bytes, 6, true), height: uint16(bytes, 8, true), orientation: 1 };
    case 'bmp':
      return bytes.length < 26 ? null : { width: uint32(bytes, 18, true), height: Math.abs(uint32(bytes, 22, true) | 0), orientation: 1 };
    case 'avif':
    case 'heif':
    case 'tiff':
    case 'unknown':
      return null;
  }
}

/** Returns the size as displayed: EXIF orientations 5 to 8 turn the image a quarter, swapping width and height. */
export function orientedSize(info: ImageInfo): { width: number; height: number } {
  return info.orientation >= 5 ? { width: info.height, height: info.width } : { width: info.width, height: info.height };
}

/**
 * Computes the stored size of a photo: the long side brought down to `maxLongSidePx`, the
 * aspect ratio kept, never enlarged, each side at least 1 pixel.
 */
export function shrunkSize(width: number, height: number, maxLongSidePx = PHOTO_MAX_LONG_SIDE_PX): { width: number; height: number } {
  if (!(width > 0 && height > 0)) throw new RangeError(`shrunkSize: expected a positive size, found ${width}×${height}`);
  const scale = Math.min(1, maxLongSidePx / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** Checks a file's byte count and, when known, its pixel count against the limits. */
export function checkPhotoSize(byteLength: number, info: ImageInfo | null): PhotoError | null {
  if (byteLength === 0) return 'photo_empty';
  if (byteLength > PHOTO_MAX_INPUT_BYTES) return 'photo_too_large';
  if (info && info.width * info.height > PHOTO_MAX_SOURCE_PIXELS) return 'photo_too_large';
  return null;
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PHOTO_MAX_INPUT_BYTES,
  PHOTO_MAX_LONG_SIDE_PX,
  checkPhotoSize,
  orientedSize,
  photoFormatVerdict,
  readImageInfo,
  shrunkSize,
  sniffImageFormat,
} from '../../src/domain/photo';

function bytesOf(...parts: Array<number[] | string>): Uint8Array {
  const values: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') for (const char of part) values.push(char.charCodeAt(0));
    else values.push(...part);
  }
  return Uint8Array.from(values);
}

const be16 = (value: number) => [(value >> 8) & 0xff, value & 0xff];
const le16 = (value: number) => [value & 0xff, (value >> 8) & 0xff];
const be32 = (value: number) => [(value >>> 24) & 0xff, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];

/** An EXIF APP1 segment holding only the orientation tag, in the given byte order. */
function exifSegment(orientation: number, littleEndian: boolean): number[] {
  const u16 = littleEndian ? le16 : be16;
  const u32 = (value: number) => (littleEndian ? [...be32(value)].reverse() : be32(value));
  const tiff = [
    ...(littleEndian ? [0x49, 0x49] : [0x4d, 0x4d]), ...u16(42), ...u32(8),
    ...u16(1),
    ...u16(0x0112), ...u16(3), ...u32(1), ...u16(orientation), 0, 0,
    ...u32(0),
  ];
  const body = [...bytesOf('Exif\0\0'), ...tiff];
  return [0xff, 0xe1, ...be16(body.length + 2), ...body];
}

/** A JPEG header: SOI, an optional EXIF segment, an APP0 segment, then a baseline SOF0 with the size. */
function jpegHeader(width: number, height: number, orientation?: number, littleEndian = false): Uint8Array {
  const app0 = [0xff, 0xe0, ...be16(16), ...bytesOf('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof0 = [0xff, 0xc0, ...be16(17), 8, ...be16(height), ...be16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  const exif = orientation === undefined ? [] : exifSegment(orientation, littleEndian);
  return Uint8Array.from([0xff, 0xd8, ...app0, ...exif, ...sof0, 0xff, 0xda]);
}

describe('sniffImageFormat', () => {
  const cases: Array<[string, Uint8Array, string]> = [
    ['JPEG by its SOI marker', jpegHeader(10, 10), 'jpeg'],
    ['PNG by its signature', bytesOf('\x89PNG\r\n\x1a\n'), 'png'],
    ['WebP by its RIFF header', bytesOf('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'webp'],
    ['HEIC by its ftyp brand', bytesOf([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0]), 'heif'],
    ['HEIF with the mif1 brand', bytesOf([0, 0, 0, 24], 'ftypmif1', [0, 0, 0, 0]), 'heif'],
    ['AVIF by its ftyp brand', bytesOf([0, 0, 0, 24], 'ftypavif', [0, 0, 0, 0]), 'avif'],
    ['TIFF in Intel byte order', bytesOf('II*\0'), 'tiff'],
    ['text as unknown', bytesOf('hello world'), 'unknown'],
  ];
  it.each(cases)('recognizes %s', (_name, bytes, expected) => {
    expect(sniffImageFormat(bytes)).toBe(expected);
  });
});

describe('photoFormatVerdict', () => {
  it('rejects a HEIC file even when it is labelled image/jpeg', () => {
    expect(photoFormatVerdict('heif', 'image/jpeg', 'IMG_0001.JPG')).toBe('photo_unsupported_format');
  });

  it('rejects an unrecognized file named .heic', () => {
    expect(photoFormatVerdict('unknown', '', 'IMG_0001.HEIC')).toBe('photo_unsupported_format');
  });

  it('rejects an unrecognized file typed image/heif', () => {
    expect(photoFormatVerdict('unknown', 'image/heif', 'photo')).toBe('photo_unsupported_format');
  });

  it('tries a JPEG whatever its name', () => {
    expect(photoFormatVerdict('jpeg', '', 'photo.heic')).toBe('try');
  });

  it('tries an unrecognized file without a telling name or type', () => {
    expect(photoFormatVerdict('unknown', '', 'photo')).toBe('try');
  });
});

describe('readImageInfo', () => {
  it('reads the size of a JPEG without EXIF as orientation 1', () => {
    expect(readImageInfo(jpegHeader(4032, 3024))).toEqual({ width: 4032, height: 3024, orientation: 1 });
  });

  it('reads EXIF orientation 6 in Motorola byte order', () => {
    expect(readImageInfo(jpegHeader(4032, 3024, 6))).toEqual({ width: 4032, height: 3024, orientation: 6 });
  });

  it('reads EXIF orientation 8 in Intel byte order', () => {
    expect(readImageInfo(jpegHeader(4000, 3000, 8, true))).toEqual({ width: 4000, height: 3000, orientation: 8 });
  });

  it('treats an out-of-range orientation as 1', () => {
    expect(readImageInfo(jpegHeader(100, 50, 42))?.orientation).toBe(1);
  });

  it('reads the size of a PNG from IHDR', () => {
    const png = bytesOf('\x89PNG\r\n\x1a\n', be32(13), 'IHDR', be32(5000), be32(2500), [8, 6, 0, 0, 0]);
    expect(readImageInfo(png)).toEqual({ width: 5000, height: 2500, orientation: 1 });
  });

  it('returns null for a JPEG cut before its frame header', () => {
    expect(readImageInfo(jpegHeader(100, 100).slice(0, 12))).toBeNull();
  });

  it('returns null for a HEIC file', () => {
    expect(readImageInfo(bytesOf([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0]))).toBeNull();
  });
});

describe('orientedSize', () => {
  it('swaps width and height for orientations 5 to 8', () => {
    for (const orientation of [5, 6, 7, 8]) {
      expect(orientedSize({ width: 4032, height: 3024, orientation })).toEqual({ width: 3024, height: 4032 });
    }
  });

  it('keeps width and height for orientations 1 to 4', () => {
    for (const orientation of [1, 2, 3, 4]) {
      expect(orientedSize({ width: 4032, height: 3024, orientation })).toEqual({ width: 4032, height: 3024 });
    }
  });
});

describe('shrunkSize', () => {
  it('brings a 12 MP landscape photo down to 1600 px wide', () => {
    expect(shrunkSize(4032, 3024)).toEqual({ width: 1600, height: 1200 });
  });

  it('brings a portrait photo down to 1600 px high', () => {
    expect(shrunkSize(3024, 4032)).toEqual({ width: 1200, height: 1600 });
  });

  it('never enlarges a small photo', () => {
    expect(shrunkSize(800, 600)).toEqual({ width: 800, height: 600 });
  });

  it('keeps a very thin panorama at least one pixel high', () => {
    expect(shrunkSize(20_000, 3)).toEqual({ width: 1600, height: 1 });
  });

  it('rejects a zero size', () => {
    expect(() => shrunkSize(0, 100)).toThrow(RangeError);
  });

  it('keeps the long side within the limit and the aspect ratio within a pixel for any size', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 1, max: 20_000 }), (width, height) => {
      const size = shrunkSize(width, height);
      expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(Math.min(PHOTO_MAX_LONG_SIDE_PX, Math.max(width, height)));
      expect(Math.abs(size.height - (size.width * height) / width)).toBeLessThanOrEqual(1 + height / width);
    }));
  });
});

describe('checkPhotoSize', () => {
  it('rejects an empty file', () => {
    expect(checkPhotoSize(0, null)).toBe('photo_empty');
  });

  it('rejects a file over the byte limit', () => {
    expect(checkPhotoSize(PHOTO_MAX_INPUT_BYTES + 1, null)).toBe('photo_too_large');
  });

  it('rejects a 200 MP image even when the file is small', () => {
    expect(checkPhotoSize(5_000_000, { width: 20_000, height: 10_000, orientation: 1 })).toBe('photo_too_large');
  });

  it('accepts a 48 MP phone photo', () => {
    expect(checkPhotoSize(12_000_000, { width: 8000, height: 6000, orientation: 1 })).toBeNull();
  });
});

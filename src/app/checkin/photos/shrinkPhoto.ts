import {
  PHOTO_JPEG_QUALITY,
  checkPhotoSize,
  orientedSize,
  photoFormatVerdict,
  readImageInfo,
  shrunkSize,
  sniffImageFormat,
  type PhotoError,
} from '../../../domain/photo';

export interface ShrunkPhoto {
  blob: Blob;
  mimeType: 'image/jpeg';
  width: number;
  height: number;
}

export type ShrinkResult = { ok: true; photo: ShrunkPhoto } | { ok: false; error: PhotoError };

/** Decodes an image with its EXIF orientation applied, straight to the requested size when one is given. */
async function decode(file: Blob, size: { width: number; height: number } | null): Promise<ImageBitmap> {
  const options: ImageBitmapOptions = { imageOrientation: 'from-image' };
  if (size) {
    options.resizeWidth = size.width;
    options.resizeHeight = size.height;
    options.resizeQuality = 'high';
  }
  return createImageBitmap(file, options);
}

async function encodeJpeg(bitmap: ImageBitmap, width: number, height: number): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('encodeJpeg: no 2D context on OffscreenCanvas');
    context.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: PHOTO_JPEG_QUALITY });
  }

  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('encodeJpeg: no 2D context on canvas');
  context.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encodeJpeg: canvas.toBlob returned null'))), 'image/jpeg', PHOTO_JPEG_QUALITY);
  });
}

/**
 * Shrinks a photo from the camera or gallery to a JPEG with its long side at most 1600 px,
 * the EXIF orientation applied. Returns an error code, never throws: an undecodable or huge
 * file must leave the page working.
 */
export async function shrinkPhoto(file: File): Promise<ShrinkResult> {
  const sizeError = checkPhotoSize(file.size, null);
  if (sizeError) return { ok: false, error: sizeError };

  let bitmap: ImageBitmap | null = null;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const verdict = photoFormatVerdict(sniffImageFormat(bytes), file.type, file.name);
    if (verdict !== 'try') return { ok: false, error: verdict };

    const info = readImageInfo(bytes);
    const pixelError = checkPhotoSize(bytes.byteLength, info);
    if (pixelError) return { ok: false, error: pixelError };

    // With a readable header the browser decodes straight to the small size, so a 50 MP photo
    // never sits in memory at full size. Without one it decodes at full size first.
    const target = info ? shrunkSize(orientedSize(info).width, orientedSize(info).height) : null;
    bitmap = await decode(file, target);
    const size = target ?? shrunkSize(bitmap.width, bitmap.height);
    const blob = await encodeJpeg(bitmap, size.width, size.height);
    return { ok: true, photo: { blob, mimeType: 'image/jpeg', width: size.width, height: size.height } };
  } catch (error) {
    console.warn('shrinkPhoto: decoding failed', file.name, file.type, file.size, error);
    return { ok: false, error: 'photo_decode_failed' };
  } finally {
    bitmap?.close();
  }
}

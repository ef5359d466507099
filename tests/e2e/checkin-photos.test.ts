/**
 * Photo shrinking in real Chromium: EXIF orientation applied, a 48 MP photo brought down to
 * 1600 px without hurting the page, and unusable files rejected with a message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { vinCheckDigit } from '../../src/domain/vin';
import { launchTablet, login, startTestServer, textOf, waitFor, type Tablet, type TestServer } from './harness';

/** Draws a photo whose left half is red and right half blue, encoded as JPEG in the page. */
async function splitColourJpeg(page: Page, width: number, height: number): Promise<Buffer> {
  const base64 = await page.evaluate(async ({ width, height }) => {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ff0000';
    context.fillRect(0, 0, width / 2, height);
    context.fillStyle = '#0000ff';
    context.fillRect(width / 2, 0, width / 2, height);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, { width, height });
  return Buffer.from(base64, 'base64');
}

/** Inserts an EXIF APP1 segment with the given orientation right after the JPEG's SOI marker. */
function withExifOrientation(jpeg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.from([
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08,
    0x00, 0x01,
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,
  ]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const length = body.length + 2;
  const segment = Buffer.concat([Buffer.from([0xff, 0xe1, length >> 8, length & 0xff]), body]);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

/** Builds a JPEG header that declares a size but contains no image data. */
function jpegHeaderOnly(width: number, height: number): Buffer {
  return Buffer.from([
    0xff, 0xd8,
    0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
    0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00,
    0x12, 0x34, 0x56, 0x78,
    0xff, 0xd9,
  ]);
}

interface ThumbnailInfo {
  width: number;
  height: number;
  top: [number, number, number];
  bottom: [number, number, number];
}

/** Reads the newest thumbnail of mark 1: its pixel size and the colours at top and bottom centre. */
async function lastThumbnail(page: Page, count: number): Promise<ThumbnailInfo> {
  const images = page.getByTestId('mark-1-photos').locator('img');
  await waitFor(async () => (await images.count()) === count, { description: `${count} thumbnails`, timeoutMs: 60_000 });
  return images.nth(count - 1).evaluate(async (element) => {
    const image = element as HTMLImageElement;
    await image.decode();
    const canvas = new OffscreenCanvas(image.naturalWidth, image.naturalHeight);
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const pixel = (x: number, y: number) => Array.from(context.getImageData(x, y, 1, 1).data.slice(0, 3)) as [number, number, number];
    return {
      width: image.naturalWidth,
      height: image.naturalHeight,
      top: pixel(Math.floor(image.naturalWidth / 2), Math.floor(image.naturalHeight * 0.1)),
      bottom: pixel(Math.floor(image.naturalWidth / 2), Math.floor(image.naturalHeight * 0.9)),
    };
  });
}

describe('check-in photos', () => {
  let server: TestServer;
  let tablet: Tablet;
  let page: Page;
  let cameraInput: ReturnType<Page['getByTestId']>;

  beforeAll(async () => {
    server = await startTestServer();
    tablet = await launchTablet({ size: 'landscape' });
    page = tablet.page;
    await page.goto(server.url);
    await login(page);

    const draftVin = 'LBV5S3100ESB67890';
    const vin = `${draftVin.slice(0, 8)}${vinCheckDigit(draftVin)}${draftVin.slice(9)}`;
    await page.goto(`${server.url}/checkin/new`);
    await page.getByRole('button', { name: textOf('checkin.new.createButton') }).click();
    await page.getByLabel(textOf('checkin.label.customerName')).fill('赵敏');
    await page.getByLabel(textOf('checkin.label.mobile')).fill('13912345678');
    await page.getByLabel(textOf('checkin.label.plate')).fill('京B12345');
    await page.getByLabel(textOf('checkin.label.vin')).fill(vin);
    await page.getByLabel(textOf('checkin.label.make')).fill('宝马');
    await page.getByLabel(textOf('checkin.label.model')).fill('5系 525Li');
    await page.getByRole('button', { name: textOf('checkin.new.createAndStart') }).click();
    await page.getByRole('button', { name: textOf('checkin.step.next') }).click();
    const box = await page.getByTestId('diagram-left').boundingBox();
    await page.touchscreen.tap(box!.x + box!.width * 0.3, box!.y + box!.height * 0.6);
    cameraInput = page.getByTestId('mark-editor').getByTestId('mark-photo-camera');
  });

  afterAll(async () => {
    await tablet?.close();
    await server?.close();
  });

  it('applies EXIF orientation 6 before storing', async () => {
    const jpeg = withExifOrientation(await splitColourJpeg(page, 1200, 800), 6);

    await cameraInput.setInputFiles({ name: 'rotated.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    const thumbnail = await lastThumbnail(page, 1);

    expect([thumbnail.width, thumbnail.height]).toEqual([800, 1200]);
    // Turned a quarter clockwise, the red left half is on top and the blue right half below.
    expect(thumbnail.top[0]).toBeGreaterThan(200);
    expect(thumbnail.top[2]).toBeLessThan(60);
    expect(thumbnail.bottom[2]).toBeGreaterThan(200);
    expect(thumbnail.bottom[0]).toBeLessThan(60);
  });

  it('shrinks a 48 MP photo to 1600 px on the long side', async () => {
    const jpeg = await splitColourJpeg(page, 8000, 6000);

    await cameraInput.setInputFiles({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    const thumbnail = await lastThumbnail(page, 2);

    expect([thumbnail.width, thumbnail.height]).toEqual([1600, 1200]);
    expect(await page.evaluate(() => document.title.length > 0)).toBe(true);
  });

  it('turns and shrinks a 12 MP portrait photo taken sideways', async () => {
    const jpeg = withExifOrientation(await splitColourJpeg(page, 4000, 3000), 6);

    await cameraInput.setInputFiles({ name: 'portrait.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    const thumbnail = await lastThumbnail(page, 3);

    expect([thumbnail.width, thumbnail.height]).toEqual([1200, 1600]);
    expect(thumbnail.top[0]).toBeGreaterThan(200);
    expect(thumbnail.bottom[2]).toBeGreaterThan(200);
  });

  it('rejects a photo of 200 MP with a message', async () => {
    await cameraInput.setInputFiles({ name: 'panorama.jpg', mimeType: 'image/jpeg', buffer: jpegHeaderOnly(20_000, 10_000) });

    await page.getByText(/照片 panorama\.jpg 未能添加：照片太大/).waitFor();
    expect(await page.getByTestId('mark-1-photos').locator('img').count()).toBe(3);
  });

  it('rejects a damaged JPEG with a message', async () => {
    await cameraInput.setInputFiles({ name: 'broken.jpg', mimeType: 'image/jpeg', buffer: jpegHeaderOnly(640, 480) });

    await page.getByText(/照片 broken\.jpg 未能添加：无法读取这张图片/).waitFor();
    expect(await page.getByTestId('mark-1-photos').locator('img').count()).toBe(3);
  });
});

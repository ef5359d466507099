/**
 * Steps that drive the check-in screens on a tablet, shared by the end-to-end tests: catalog
 * messages in either language, test VINs and photos, diagram taps, signature strokes.
 */
import type { Locator, Page } from 'playwright-core';
import { en } from '../../src/app/i18n/en';
import { zhCN, type MessageKey } from '../../src/app/i18n/zh-CN';
import { vinCheckDigit } from '../../src/domain/vin';
import { textOf, waitFor } from './harness';

export type MessageParams = Record<string, string | number>;

/** Fills a catalog message's `{name}` placeholders, as the app does. */
export function translate(locale: 'zh-CN' | 'en', key: MessageKey, params: MessageParams = {}): string {
  const template = (locale === 'en' ? en : zhCN)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Matches a catalog message with parameters in either language. */
export function message(key: MessageKey, params?: MessageParams): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*(?:${escape(translate('zh-CN', key, params))}|${escape(translate('en', key, params))})\\s*$`);
}

/** Builds a Chinese-market BMW VIN (LBV is BMW Brilliance) with a valid check digit. */
export function chineseBmwVin(serial: string): string {
  const draft = `LBV5S310${'0'}ES${serial}`;
  const digit = vinCheckDigit(draft);
  if (!digit) throw new Error(`chineseBmwVin: invalid serial ${serial}`);
  return `${draft.slice(0, 8)}${digit}${draft.slice(9)}`;
}

export interface TestImage {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Draws a test photo in the page (a gradient and a shape) and encodes it as JPEG or PNG. */
export async function makeImage(page: Page, name: string, width: number, height: number, mimeType: 'image/jpeg' | 'image/png'): Promise<TestImage> {
  const base64 = await page.evaluate(async ({ width, height, mimeType }) => {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d')!;
    const gradient = context.createLinearGradient(0, 0, width, height);
    gradient.addColorStop(0, '#1d4e89');
    gradient.addColorStop(1, '#d9e4f0');
    context.fillStyle = gradient;
    context.fillRect(0, 0, width, height);
    context.fillStyle = '#b3261e';
    context.beginPath();
    context.arc(width / 2, height / 2, Math.min(width, height) / 4, 0, Math.PI * 2);
    context.fill();
    const blob = await canvas.convertToBlob({ type: mimeType, quality: 0.9 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, { width, height, mimeType });
  return { name, mimeType, buffer: Buffer.from(base64, 'base64') };
}

/** Types text through the input method as a pinyin composition, then commits the chosen characters. */
export async function typeWithIme(page: Page, field: Locator, pinyin: string, chosen: string): Promise<void> {
  await field.click();
  const session = await page.context().newCDPSession(page);
  for (let length = 1; length <= pinyin.length; length++) {
    await session.send('Input.imeSetComposition', { text: pinyin.slice(0, length), selectionStart: length, selectionEnd: length });
  }
  await session.send('Input.insertText', { text: chosen });
  await session.detach();
}

/** Taps a point of the visible diagram given as fractions of its width and height. */
export async function tapDiagram(page: Page, view: string, x: number, y: number): Promise<void> {
  const box = await page.getByTestId(`diagram-${view}`).boundingBox();
  if (!box) throw new Error(`tapDiagram: diagram-${view} is not visible`);
  await page.touchscreen.tap(box.x + box.width * x, box.y + box.height * y);
}

/** Draws a stroke on the signature pad with pointer events, points given as fractions of the pad. */
export async function drawStroke(page: Page, points: Array<[number, number]>): Promise<void> {
  // A pad below the fold would take the pointer events outside the viewport, and they draw nothing.
  await page.getByTestId('signature-pad').scrollIntoViewIfNeeded();
  const box = await page.getByTestId('signature-pad').boundingBox();
  if (!box) throw new Error('drawStroke: the signature pad is not visible');
  const [first, ...rest] = points;
  await page.mouse.move(box.x + box.width * first![0], box.y + box.height * first![1]);
  await page.mouse.down();
  for (const [x, y] of rest) await page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 6 });
  await page.mouse.up();
}

/** Waits until every image in the locator has decoded pixels. */
export async function expectImagesLoaded(images: Locator, count: number): Promise<void> {
  await waitFor(async () => (await images.count()) === count, { description: `${count} images` });
  await waitFor(
    () => images.evaluateAll((elements) => elements.every((element) => (element as HTMLImageElement).complete && (element as HTMLImageElement).naturalWidth > 0)),
    { description: 'images decoded' },
  );
}

export async function goToStep(page: Page, step: 'intake' | 'damage' | 'requests' | 'sign'): Promise<void> {
  const name = new RegExp(`${translate('zh-CN', `checkin.step.${step}`)}|${translate('en', `checkin.step.${step}`)}`);
  await page.getByRole('navigation', { name: textOf('checkin.step.navigation') }).getByRole('button', { name }).click();
}

/** The strokes signSheet draws, as fractions of the pad. Their x ranges do not overlap, so each can be found in the image. */
export const SIGNATURE_STROKES: ReadonlyArray<Array<[number, number]>> = [
  [[0.12, 0.6], [0.2, 0.3], [0.28, 0.65], [0.36, 0.35]],
  [[0.45, 0.5], [0.6, 0.45], [0.75, 0.55]],
  [[0.8, 0.3], [0.82, 0.7]],
];

export async function signSheet(page: Page, signerName: string): Promise<void> {
  const nameField = page.getByLabel(textOf('checkin.sign.signerName'));
  await nameField.fill(signerName);
  for (const stroke of SIGNATURE_STROKES) await drawStroke(page, stroke);
  await page.getByRole('button', { name: textOf('checkin.sign.submit') }).click();
}

/**
 * Returns, for each of SIGNATURE_STROKES, whether the signature image has ink inside that
 * stroke's bounding box. The image is the pad's PNG, so fractions of the pad are fractions of it.
 */
export async function inkPerSignatureStroke(image: Locator): Promise<boolean[]> {
  return image.evaluate(async (element, strokes) => {
    const picture = element as HTMLImageElement;
    await picture.decode();
    const canvas = new OffscreenCanvas(picture.naturalWidth, picture.naturalHeight);
    const context = canvas.getContext('2d')!;
    context.drawImage(picture, 0, 0);
    return strokes.map((points) => {
      const xs = points.map(([x]) => x);
      const ys = points.map(([, y]) => y);
      const left = Math.floor(Math.min(...xs) * canvas.width);
      const top = Math.floor(Math.min(...ys) * canvas.height);
      const width = Math.max(1, Math.ceil((Math.max(...xs) - Math.min(...xs)) * canvas.width));
      const height = Math.max(1, Math.ceil((Math.max(...ys) - Math.min(...ys)) * canvas.height));
      const alpha = context.getImageData(left, top, width, height).data;
      for (let i = 3; i < alpha.length; i += 4) if (alpha[i]! > 0) return true;
      return false;
    });
  }, SIGNATURE_STROKES);
}

export async function signingStateOf(page: Page): Promise<string | null> {
  return page.getByTestId('signing-state').getAttribute('data-state');
}

/**
 * Two tablets of the demo dealership. Tablet A (landscape, zh-CN) records a whole check-in
 * with the network off, photos and signature included, then reconnects. Tablet B (portrait,
 * English) shows the same sheet with the same images within seconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { en } from '../../src/app/i18n/en';
import { zhCN } from '../../src/app/i18n/zh-CN';
import {
  chineseBmwVin,
  expectImagesLoaded,
  goToStep,
  inkPerSignatureStroke,
  makeImage,
  message,
  SIGNATURE_STROKES,
  signingStateOf,
  signSheet,
  tapDiagram,
  translate,
  typeWithIme,
  type TestImage,
} from './checkinSteps';
import { launchTablet, login, screenshot, startTestServer, textOf, waitFor, type Tablet, type TestServer } from './harness';

/** How long tablet B may take to show the check-in after tablet A reconnects. */
const ARRIVAL_DEADLINE_MS = 15_000;

const VIN = chineseBmwVin('D20481');
const PLATE_TYPED = '京n 7b2k9';
const PLATE_SHOWN = '京N·7B2K9';
const CUSTOMER = '李秀英';
const MOBILE = '13911112222';
const MODEL = 'X3 xDrive25i';
const REQUESTS = ['发动机故障灯亮', '更换雨刮片', '检查左后轮胎慢漏气'];

interface MarkPlan {
  view: 'left' | 'rear';
  x: number;
  y: number;
  kind: 'dent' | 'scratch';
  note: string;
  photoCount: number;
}

const MARKS: MarkPlan[] = [
  { view: 'left', x: 0.62, y: 0.6, kind: 'dent', note: '左后门凹陷约5厘米', photoCount: 2 },
  { view: 'rear', x: 0.5, y: 0.7, kind: 'scratch', note: '后保险杠划痕', photoCount: 1 },
];
const PHOTO_COUNT = MARKS.reduce((sum, mark) => sum + mark.photoCount, 0);

interface SyncSample {
  state: string | null;
  pending: string | null;
  text: string;
}

/** Reads the top bar's sync indicator in one step: its state, the number of waiting changes and its text. */
async function readSyncStatus(page: Page): Promise<SyncSample> {
  return page.getByTestId('sync-status').evaluate((status) => ({
    state: status.getAttribute('data-state'),
    pending: status.querySelector('[data-pending]')?.getAttribute('data-pending') ?? null,
    text: status.textContent ?? '',
  }));
}

/**
 * Reports every change of the sync indicator to `onSample`, from a MutationObserver in the
 * page, so a "synced" shown between two polls is seen too.
 */
async function watchSyncStatus(page: Page, onSample: (sample: SyncSample) => void): Promise<void> {
  await page.exposeFunction('reportSyncSample', onSample);
  await page.evaluate(() => {
    const report = (window as unknown as { reportSyncSample(sample: SyncSample): void }).reportSyncSample;
    let last = '';
    const sample = () => {
      const status = document.querySelector<HTMLElement>('[data-testid="sync-status"]');
      if (!status) return;
      const current = {
        state: status.dataset.state ?? null,
        pending: status.querySelector<HTMLElement>('[data-pending]')?.dataset.pending ?? null,
        text: status.textContent ?? '',
      };
      const key = JSON.stringify(current);
      if (key === last) return;
      last = key;
      report(current);
    };
    new MutationObserver(sample).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    sample();
  });
}

/**
 * Returns the SHA-256 (hex) of each image's decoded pixels, with its size, in order. It hashes
 * pixels rather than file bytes because an offline page cannot fetch even its own blob: URLs.
 */
async function pixelDigests(images: Locator): Promise<string[]> {
  return images.evaluateAll(async (elements) => {
    const digests: string[] = [];
    for (const element of elements) {
      const image = element as HTMLImageElement;
      await image.decode();
      const canvas = new OffscreenCanvas(image.naturalWidth, image.naturalHeight);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.naturalWidth, image.naturalHeight).data;
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', pixels));
      digests.push(`${image.naturalWidth}x${image.naturalHeight}:${Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')}`);
    }
    return digests;
  });
}

/** Selects a diagram view's tab. The tab's name may end with a count badge. */
async function openView(page: Page, view: MarkPlan['view']): Promise<void> {
  const name = new RegExp(`^(?:${translate('zh-CN', `checkin.view.${view}`)}|${translate('en', `checkin.view.${view}`)})`);
  await page.getByRole('tab', { name }).tap();
}

/** Waits until the service worker controls the page, so the app shell loads without a network. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await waitFor(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { description: 'service worker in control' });
}

describe('check-in recorded offline on one tablet', () => {
  let server: TestServer;
  let tabletA: Tablet;
  let tabletB: Tablet;
  let pageA: Page;
  let pageB: Page;

  let checkinNumber = '';
  let reconnectedAt = 0;
  const photoDigestsA: string[][] = [];
  let signatureDigestA = '';
  let recordingOfflineSamples = false;
  const offlineSamples: SyncSample[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    tabletA = await launchTablet({ size: 'landscape', locale: 'zh-CN' });
    tabletB = await launchTablet({ size: 'portrait', locale: 'en-US' });
    pageA = tabletA.page;
    pageB = tabletB.page;

    for (const page of [pageA, pageB]) {
      await page.goto(server.url);
      await login(page);
      await waitForServiceWorker(page);
    }

    await pageB.getByRole('button', { name: textOf('language.switchLabel') }).click();
    await pageB.getByRole('heading', { name: en['home.title'] }).waitFor();
  });

  afterAll(async () => {
    await tabletA?.close();
    await tabletB?.close();
    await server?.close();
  });

  it('counts the waiting changes while tablet A is offline', async () => {
    await tabletA.context.setOffline(true);
    await waitFor(async () => (await readSyncStatus(pageA)).state === 'offline', { description: 'tablet A shows offline' });
    await watchSyncStatus(pageA, (sample) => {
      if (recordingOfflineSamples) offlineSamples.push(sample);
    });
    recordingOfflineSamples = true;

    // A new customer and vehicle.
    await pageA.getByRole('link', { name: textOf('home.newCheckin') }).click();
    await pageA.getByRole('button', { name: textOf('checkin.new.createButton') }).click();
    await typeWithIme(pageA, pageA.getByLabel(textOf('checkin.label.customerName')), 'lixiuying', CUSTOMER);
    await pageA.getByLabel(textOf('checkin.label.mobile')).fill(MOBILE);
    await pageA.getByLabel(textOf('checkin.label.plate')).fill(PLATE_TYPED);
    await pageA.getByLabel(textOf('checkin.label.vin')).fill(VIN);
    await pageA.getByLabel(textOf('checkin.label.make')).fill('宝马');
    await pageA.getByLabel(textOf('checkin.label.model')).fill(MODEL);
    await pageA.getByLabel(textOf('checkin.label.color')).fill('碳黑');
    await pageA.getByRole('button', { name: textOf('checkin.new.createAndStart') }).click();
    const heading = pageA.getByRole('heading', { name: /^接车单 JC\d{8}-[0-9A-F]{4}$/ });
    await heading.waitFor();
    checkinNumber = ((await heading.textContent()) ?? '').replace('接车单 ', '');

    // Step 1: condition.
    await pageA.getByLabel(textOf('checkin.intake.mileage')).fill('41870');
    await pageA.getByRole('button', { name: message('checkin.intake.fuelSet', { eighths: 3 }) }).tap();
    await pageA.getByRole('button', { name: textOf('checkin.light.engine') }).tap();

    // Step 2: damage marks, each with photos.
    await pageA.getByRole('button', { name: textOf('checkin.step.next') }).click();
    const photos: TestImage[][] = [
      [await makeImage(pageA, 'door-near.jpg', 2400, 1800, 'image/jpeg'), await makeImage(pageA, 'door-far.png', 1200, 900, 'image/png')],
      [await makeImage(pageA, 'bumper.jpg', 1600, 1200, 'image/jpeg')],
    ];
    for (const [index, mark] of MARKS.entries()) {
      await openView(pageA, mark.view);
      await tapDiagram(pageA, mark.view, mark.x, mark.y);
      const editor = pageA.getByTestId('mark-editor');
      await waitFor(async () => (await editor.locator('.ck-mark-editor__head .ck-mark').textContent()) === String(index + 1), { description: `mark ${index + 1} selected` });
      await editor.getByRole('radio', { name: textOf(`checkin.kind.${mark.kind}`) }).tap();
      await editor.getByLabel(textOf('checkin.damage.note')).fill(mark.note);
      for (const [photoIndex, photo] of photos[index]!.entries()) {
        await editor.getByTestId('mark-photo-camera').setInputFiles(photo);
        await expectImagesLoaded(pageA.getByTestId(`mark-${index + 1}-photos`).locator('img'), photoIndex + 1);
      }
      photoDigestsA.push(await pixelDigests(pageA.getByTestId(`mark-${index + 1}-photos`).locator('img')));
    }

    // Step 3: requests, one a line.
    await pageA.getByRole('button', { name: textOf('checkin.step.next') }).click();
    await pageA.getByLabel(textOf('checkin.requests.title')).fill(REQUESTS.join('\n'));

    // Step 4: the customer signs with pointer strokes.
    await pageA.getByRole('button', { name: textOf('checkin.step.next') }).click();
    await signSheet(pageA, CUSTOMER);
    await waitFor(async () => (await signingStateOf(pageA)) === 'signed', { description: 'sheet signed on tablet A' });
    await expectImagesLoaded(pageA.getByTestId('signature-image'), 1);
    signatureDigestA = (await pixelDigests(pageA.getByTestId('signature-image'))).join();
    expect(await inkPerSignatureStroke(pageA.getByTestId('signature-image'))).toEqual(SIGNATURE_STROKES.map(() => true));

    const status = await waitFor(async () => {
      const sample = await readSyncStatus(pageA);
      return Number(sample.pending) > 0 ? sample : null;
    }, { description: 'tablet A counts waiting changes' });
    await screenshot(pageA, 'sync-a-offline');
    recordingOfflineSamples = false;

    expect(status.state).toBe('offline');
    // At least the check-in, its photos and the signature image wait.
    expect(Number(status.pending)).toBeGreaterThanOrEqual(1 + PHOTO_COUNT + 1);
    expect(status.text).toContain(translate('zh-CN', 'sync.pending', { count: Number(status.pending) }));
    expect(status.text).toContain(zhCN['sync.offline']);
    expect(offlineSamples.length).toBeGreaterThan(0);
    expect(offlineSamples.filter((sample) => sample.state === 'synced')).toEqual([]);
    expect(offlineSamples.filter((sample) => sample.text.includes(zhCN['sync.allSynced']))).toEqual([]);
    expect(checkinNumber).toMatch(/^JC\d{8}-[0-9A-F]{4}$/);
    expect(photoDigestsA.map((digests) => digests.length)).toEqual(MARKS.map((mark) => mark.photoCount));
    expect(signatureDigestA).toMatch(/^\d+x\d+:[0-9a-f]{64}$/);
  });

  it('lists the check-in on tablet B within seconds of reconnecting', async () => {
    await tabletA.context.setOffline(false);
    reconnectedAt = Date.now();

    const row = pageB.getByRole('link', { name: translate('en', 'home.openCheckin', { number: checkinNumber }), exact: true });
    await waitFor(async () => (await row.count()) === 1, { description: 'check-in listed on tablet B', timeoutMs: ARRIVAL_DEADLINE_MS, intervalMs: 100 });
    const arrivalMs = Date.now() - reconnectedAt;
    await waitFor(async () => (await row.locator('.badge').textContent()) === en['home.signing.signed'], { description: 'signed badge on tablet B' });
    await screenshot(pageB, 'sync-b-home');

    expect(arrivalMs).toBeLessThan(ARRIVAL_DEADLINE_MS);
    expect(await row.locator('.checkin-row__plate').textContent()).toBe(PLATE_SHOWN);
    expect(await row.locator('.checkin-row__name').textContent()).toBe(CUSTOMER);
  });

  it('shows the same sheet, photos and signature on tablet B', async () => {
    await pageB.getByRole('link', { name: translate('en', 'home.openCheckin', { number: checkinNumber }), exact: true }).click();
    await pageB.getByRole('heading', { name: translate('en', 'checkin.titleWithNumber', { number: checkinNumber }) }).waitFor();
    await waitFor(async () => (await signingStateOf(pageB)) === 'signed', { description: 'sheet signed on tablet B' });
    expect(await pageB.locator('.ck-editor__vehicle .ck-plate').textContent()).toBe(PLATE_SHOWN);
    expect(await pageB.locator('.ck-editor__vehicle').getByText(CUSTOMER, { exact: true }).count()).toBe(1);
    expect(await pageB.locator('.ck-editor__vehicle').getByText(`宝马 ${MODEL}`, { exact: true }).count()).toBe(1);

    await goToStep(pageB, 'intake');
    expect(await pageB.getByLabel(textOf('checkin.intake.mileage')).inputValue()).toBe('41870');
    expect(await pageB.getByTestId('fuel-value').textContent()).toBe('3/8');
    expect(await pageB.getByRole('button', { name: textOf('checkin.light.engine') }).getAttribute('aria-pressed')).toBe('true');

    await goToStep(pageB, 'requests');
    expect(await pageB.getByLabel(textOf('checkin.requests.title')).inputValue()).toBe(REQUESTS.join('\n'));
    await screenshot(pageB, 'sync-b-requests');

    await goToStep(pageB, 'damage');
    expect(await pageB.locator('.ck-mark-list__item').count()).toBe(MARKS.length);
    for (const [index, mark] of MARKS.entries()) {
      await pageB.locator('.ck-mark-list__item').nth(index).click();
      const editor = pageB.getByTestId('mark-editor');
      expect(await editor.getByRole('radio', { name: textOf(`checkin.kind.${mark.kind}`) }).getAttribute('aria-checked')).toBe('true');
      expect(await editor.getByLabel(textOf('checkin.damage.note')).inputValue()).toBe(mark.note);
      const images = pageB.getByTestId(`mark-${index + 1}-photos`).locator('img');
      await expectImagesLoaded(images, mark.photoCount);
      expect(await pixelDigests(images)).toEqual(photoDigestsA[index]);
      await images.last().scrollIntoViewIfNeeded();
      await screenshot(pageB, `sync-b-damage-mark-${index + 1}`);
    }

    await goToStep(pageB, 'sign');
    const signature = pageB.getByTestId('signature-image');
    await expectImagesLoaded(signature, 1);
    expect(await pixelDigests(signature)).toEqual([signatureDigestA]);
    expect(await inkPerSignatureStroke(signature)).toEqual(SIGNATURE_STROKES.map(() => true));
    await signature.scrollIntoViewIfNeeded();
    await screenshot(pageB, 'sync-b-sign');

    await pageB.getByRole('link', { name: textOf('checkin.print.open') }).click();
    const copy = pageB.getByTestId('customer-copy');
    await copy.waitFor();
    await expectImagesLoaded(copy.getByTestId('signature-image'), 1);
    await expectImagesLoaded(copy.locator('.ck-print__table img'), PHOTO_COUNT);
    for (const request of REQUESTS) expect(await copy.getByText(request).count()).toBe(1);
    await pageB.screenshot({ path: '/tmp/shots/sync-b-print.png', fullPage: true });
  });

  it('reports nothing waiting on tablet A once pushed', async () => {
    const status = await waitFor(async () => {
      const sample = await readSyncStatus(pageA);
      return sample.pending === '0' && sample.state === 'synced' ? sample : null;
    }, { description: 'nothing waiting on tablet A', timeoutMs: ARRIVAL_DEADLINE_MS });
    await screenshot(pageA, 'sync-a-online');

    expect(status.text).toContain(zhCN['sync.allSynced']);
    expect(status.text).toContain(zhCN['sync.online']);
    expect(status.text).not.toMatch(/项待同步/);
  });
});

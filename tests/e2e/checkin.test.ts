/**
 * The walkaround end to end: a BMW 5 Series checked in on a touch tablet at both tablet sizes,
 * signed with pointer strokes, then reloaded with the network off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { MessageKey } from '../../src/app/i18n/zh-CN';
import {
  chineseBmwVin,
  drawStroke,
  expectImagesLoaded,
  goToStep,
  makeImage,
  message,
  signingStateOf,
  signSheet,
  tapDiagram,
  translate,
  typeWithIme,
} from './checkinSteps';
import { launchTablet, login, screenshot, startTestServer, textOf, waitFor, type Tablet, type TestServer } from './harness';

const VIN = chineseBmwVin('A12345');
const PLATE_TYPED = '京a·88k61';
const PLATE = '京A88K61';
const REQUESTS = ['刹车时前轮有异响', '空调出风不凉'];

describe.each(['landscape', 'portrait'] as const)('check-in at %s tablet size', (size) => {
  let server: TestServer;
  let tablet: Tablet;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    tablet = await launchTablet({ size });
    page = tablet.page;
    await page.goto(server.url);
    await login(page);
  });

  afterAll(async () => {
    await tablet?.close();
    await server?.close();
  });

  it('records a complete check-in that survives an offline reload', async () => {
    // Register customer and vehicle, first with a mistyped VIN.
    await page.getByRole('link', { name: textOf('home.newCheckin') }).click();
    await page.getByRole('button', { name: textOf('checkin.new.createButton') }).click();
    await screenshot(page, `checkin-new-${size}`);
    await typeWithIme(page, page.getByLabel(textOf('checkin.label.customerName')), 'wangjianguo', '王建国');
    await page.getByLabel(textOf('checkin.label.mobile')).fill('138 0013 8000');
    await page.getByLabel(textOf('checkin.label.plate')).fill(PLATE_TYPED);
    const wrongDigit = VIN[8] === '1' ? '2' : '1';
    await page.getByLabel(textOf('checkin.label.vin')).fill(`${VIN.slice(0, 8)}${wrongDigit}${VIN.slice(9)}`.toLowerCase());
    await page.getByLabel(textOf('checkin.label.make')).fill('宝马');
    await page.getByLabel(textOf('checkin.label.model')).fill('5系 530Li');
    await page.getByLabel(textOf('checkin.label.color')).fill('矿石白');
    await page.getByRole('button', { name: textOf('checkin.new.createAndStart') }).click();
    await page.getByText(/车架号：车架号校验位/).waitFor();
    await screenshot(page, `checkin-new-invalid-${size}`);

    await page.getByLabel(textOf('checkin.label.vin')).fill(VIN.toLowerCase().replace(/(.{4})/g, '$1 '));
    await page.getByRole('button', { name: textOf('checkin.new.createAndStart') }).click();
    await page.getByRole('heading', { name: /^接车单 JC\d{8}-[0-9A-F]{4}$/ }).waitFor();
    const checkinUrl = page.url();
    expect(checkinUrl).toMatch(/\/checkin\/[0-9a-f-]{36}$/);
    expect(await page.getByText('王建国', { exact: true }).count()).toBe(1);
    expect(await page.getByText('京A·88K61').count()).toBe(1);

    // Step 1: condition.
    await page.getByLabel(textOf('checkin.intake.mileage')).fill('23456');
    await page.getByRole('button', { name: message('checkin.intake.fuelSet', { eighths: 5 }) }).tap();
    for (const item of ['seatCover', 'steeringWheelCover', 'floorMat', 'gearLeverCover'] as const) {
      await page.getByLabel(textOf(`checkin.kit.${item}`)).check();
    }
    await page.getByLabel(textOf('checkin.intake.valuables')).check();
    await typeWithIme(page, page.getByLabel(textOf('checkin.intake.itemsLeft')), 'xingchejiluyi', '行车记录仪、儿童座椅');
    await page.getByRole('button', { name: textOf('checkin.light.tyre_pressure') }).tap();
    await page.getByRole('button', { name: textOf('checkin.light.service_due') }).tap();
    expect(await page.getByTestId('fuel-value').textContent()).toBe('5/8');
    await screenshot(page, `checkin-intake-${size}`);

    // Step 2: three damage marks, each with a photo, one moved by dragging.
    await page.getByRole('button', { name: textOf('checkin.step.next') }).click();
    const photos = [
      await makeImage(page, 'door.jpg', 3000, 2000, 'image/jpeg'),
      await makeImage(page, 'bumper.png', 1200, 900, 'image/png'),
      await makeImage(page, 'roof.jpg', 2400, 3200, 'image/jpeg'),
    ];
    const marks: Array<{ view: string; x: number; y: number; kind: 'scratch' | 'dent' | 'stone_chip'; note: string }> = [
      { view: 'left', x: 0.45, y: 0.62, kind: 'dent', note: '左前门凹陷约3厘米' },
      { view: 'front', x: 0.5, y: 0.72, kind: 'scratch', note: '前保险杠划痕' },
      { view: 'top', x: 0.3, y: 0.5, kind: 'stone_chip', note: '' },
    ];
    for (const [index, mark] of marks.entries()) {
      await page.getByRole('tab', { name: new RegExp(`^${translate('zh-CN', `checkin.view.${mark.view}` as MessageKey)}`) }).tap();
      await tapDiagram(page, mark.view, mark.x, mark.y);
      const editor = page.getByTestId('mark-editor');
      await waitFor(async () => (await editor.locator('.ck-mark-editor__head .ck-mark').textContent()) === String(index + 1), { description: `mark ${index + 1} selected` });
      await editor.getByRole('radio', { name: textOf(`checkin.kind.${mark.kind}`) }).tap();
      if (mark.note) await editor.getByLabel(textOf('checkin.damage.note')).fill(mark.note);
      await editor.getByTestId('mark-photo-camera').setInputFiles(photos[index]!);
      await expectImagesLoaded(page.getByTestId(`mark-${index + 1}-photos`).locator('img'), 1);
    }

    await page.getByRole('tab', { name: new RegExp(`^${translate('zh-CN', 'checkin.view.left')}`) }).tap();
    const markOne = page.getByTestId('diagram-left').locator('[data-mark-number="1"]');
    const before = await markOne.boundingBox();
    await page.mouse.move(before!.x + before!.width / 2, before!.y + before!.height / 2);
    await page.mouse.down();
    await page.mouse.move(before!.x + before!.width / 2 + 60, before!.y + before!.height / 2 - 30, { steps: 8 });
    await page.mouse.up();
    const after = await markOne.boundingBox();
    expect(Math.abs(after!.x - before!.x - 60)).toBeLessThan(2);

    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(64)]);
    await page.getByTestId('mark-editor').getByTestId('mark-photo-gallery').setInputFiles({ name: 'IMG_0042.HEIC', mimeType: 'image/heic', buffer: heic });
    await page.getByText(/照片 IMG_0042\.HEIC 未能添加：无法识别这种图片格式/).waitFor();
    await screenshot(page, `checkin-damage-${size}`);

    // Step 3: the customer's requests, one a line.
    await page.getByRole('button', { name: textOf('checkin.step.next') }).click();
    await page.getByLabel(textOf('checkin.requests.title')).fill(REQUESTS.join('\n'));
    await page.getByLabel(textOf('checkin.requests.offered')).fill('空调清洗');
    await screenshot(page, `checkin-requests-${size}`);

    // Step 4: an empty pad is refused, then the customer signs.
    await page.getByRole('button', { name: textOf('checkin.step.next') }).click();
    await page.getByLabel(textOf('checkin.sign.signerName')).fill('王建国');
    await page.getByRole('button', { name: textOf('checkin.sign.submit') }).click();
    await page.getByText('签字：请先签字').waitFor();
    await screenshot(page, `checkin-sign-${size}`);
    await signSheet(page, '王建国');
    await waitFor(async () => (await signingStateOf(page)) === 'signed', { description: 'sheet signed' });
    await expectImagesLoaded(page.getByTestId('signature-image'), 1);
    await screenshot(page, `checkin-signed-${size}`);

    // Reload once online so the service worker controls the page, then again offline.
    await page.evaluate(() => navigator.serviceWorker.ready);
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
    await waitFor(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { description: 'service worker in control' });
    await tablet.context.setOffline(true);
    await page.reload();
    await waitFor(async () => (await signingStateOf(page).catch(() => null)) === 'signed', { description: 'signed sheet after offline reload', timeoutMs: 20_000 });
    expect(page.url()).toBe(checkinUrl);
    const currentStep = page.getByRole('navigation', { name: textOf('checkin.step.navigation') }).locator('[aria-current="step"]');
    expect(await currentStep.textContent()).toContain(translate('zh-CN', 'checkin.step.sign'));
    await expectImagesLoaded(page.getByTestId('signature-image'), 1);

    await goToStep(page, 'intake');
    expect(await page.getByLabel(textOf('checkin.intake.mileage')).inputValue()).toBe('23456');
    expect(await page.getByTestId('fuel-value').textContent()).toBe('5/8');
    for (const item of ['seatCover', 'steeringWheelCover', 'floorMat', 'gearLeverCover'] as const) {
      expect(await page.getByLabel(textOf(`checkin.kit.${item}`)).isChecked()).toBe(true);
    }
    expect(await page.getByLabel(textOf('checkin.intake.valuables')).isChecked()).toBe(true);
    expect(await page.getByLabel(textOf('checkin.intake.itemsLeft')).inputValue()).toBe('行车记录仪、儿童座椅');
    expect(await page.getByRole('button', { name: textOf('checkin.light.tyre_pressure') }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: textOf('checkin.light.engine') }).getAttribute('aria-pressed')).toBe('false');

    await goToStep(page, 'damage');
    for (const [index, mark] of marks.entries()) {
      await page.locator('.ck-mark-list__item').nth(index).click();
      const editor = page.getByTestId('mark-editor');
      expect(await editor.getByRole('radio', { name: textOf(`checkin.kind.${mark.kind}`) }).getAttribute('aria-checked')).toBe('true');
      expect(await editor.getByLabel(textOf('checkin.damage.note')).inputValue()).toBe(mark.note);
      await expectImagesLoaded(page.getByTestId(`mark-${index + 1}-photos`).locator('img'), 1);
    }
    expect(await page.locator('.ck-mark-list__item').count()).toBe(3);

    await goToStep(page, 'requests');
    expect(await page.getByLabel(textOf('checkin.requests.title')).inputValue()).toBe(REQUESTS.join('\n'));

    // The customer copy, still offline.
    await page.getByRole('link', { name: textOf('checkin.print.open') }).click();
    const copy = page.getByTestId('customer-copy');
    await copy.waitFor();
    await expectImagesLoaded(copy.getByTestId('signature-image'), 1);
    await expectImagesLoaded(copy.locator('.ck-print__table img'), 3);
    expect(await copy.locator('.ck-print__table tbody tr').count()).toBe(3);
    for (const request of REQUESTS) expect(await copy.getByText(request).count()).toBe(1);
    await screenshot(page, `checkin-print-${size}`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    await page.screenshot({ path: `/tmp/shots/checkin-print-media-${size}.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await tablet.context.setOffline(false);
  });

  it('asks for a new signature after a signed sheet changes', async () => {
    // This sheet is done in English, to see every screen in the second language too.
    await page.goto(`${server.url}/checkin/new`);
    await page.getByRole('button', { name: textOf('language.switchLabel') }).click();
    await page.getByRole('heading', { name: translate('en', 'checkin.new.title') }).waitFor();
    await page.getByLabel(textOf('checkin.new.searchLabel')).fill(VIN.slice(-6).toLowerCase());
    await page.getByRole('button', { name: message('checkin.new.choose', { plate: '京A·88K61' }) }).click();
    await page.getByRole('heading', { name: /^Check-in JC/ }).waitFor();

    // A change followed at once by a reload is still there: the draft flushes when the page hides.
    await page.getByLabel(textOf('checkin.intake.itemsLeft')).fill('Dash cam');
    await page.reload();
    await page.getByRole('heading', { name: /^Check-in JC/ }).waitFor();
    expect(await page.getByLabel(textOf('checkin.intake.itemsLeft')).inputValue()).toBe('Dash cam');
    await screenshot(page, `checkin-intake-en-${size}`);
    await goToStep(page, 'damage');
    await tapDiagram(page, 'left', 0.7, 0.55);
    await page.getByTestId('mark-editor').waitFor();
    await screenshot(page, `checkin-damage-en-${size}`);
    await goToStep(page, 'requests');
    await page.getByLabel(textOf('checkin.requests.title')).fill('Check the brakes');
    await screenshot(page, `checkin-requests-en-${size}`);

    await goToStep(page, 'sign');
    await screenshot(page, `checkin-sign-en-${size}`);
    await signSheet(page, 'Wang Jianguo');
    await waitFor(async () => (await signingStateOf(page)) === 'signed', { description: 'sheet signed' });

    await goToStep(page, 'intake');
    expect(await page.getByLabel(textOf('checkin.intake.mileage')).isDisabled()).toBe(true);
    await page.getByRole('button', { name: textOf('checkin.signed.edit') }).click();
    await page.getByText(textOf('checkin.signed.editWarning')).waitFor();
    await screenshot(page, `checkin-change-warning-${size}`);
    await page.getByRole('button', { name: textOf('checkin.signed.editConfirm') }).click();
    await page.getByLabel(textOf('checkin.intake.mileage')).fill('23500');
    await waitFor(async () => (await signingStateOf(page)) === 'changed_after_signing', { description: 'changed after signing' });
    await page.getByText(textOf('checkin.changed.banner')).waitFor();

    await page.getByRole('button', { name: textOf('checkin.changed.goSign') }).click();
    const entries = page.getByTestId('signature-entry');
    expect(await entries.count()).toBe(1);
    expect(await entries.first().getByText(textOf('checkin.sign.superseded')).count()).toBe(1);
    await screenshot(page, `checkin-resign-${size}`);

    await signSheet(page, 'Wang Jianguo');
    await waitFor(async () => (await signingStateOf(page)) === 'signed', { description: 'signed again' });
    expect(await entries.count()).toBe(2);
    expect(await entries.nth(0).getByText(textOf('checkin.sign.current')).count()).toBe(1);
    expect(await entries.nth(1).getByText(textOf('checkin.sign.superseded')).count()).toBe(1);

    await page.getByRole('link', { name: textOf('checkin.print.open') }).click();
    await expectImagesLoaded(page.getByTestId('customer-copy').getByTestId('signature-image'), 1);
    await screenshot(page, `checkin-print-en-${size}`);
  });
});

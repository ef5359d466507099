/**
 * A walk-in from check-in to hand-over on the demo dealership. The repair order is priced
 * from the sample BMW price book and the customer approves and signs the quote. Work found
 * during the repair is approved by phone, or declined and signed on the recommended-items
 * sheet. A second tablet shares the workshop status, and the hand-over sets the next service.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { MessageKey, MessageParams } from '../../src/app/i18n/i18n';
import { zhCN } from '../../src/app/i18n/zh-CN';
import { addMonths, shanghaiDate } from '../../src/app/orders/model/orderFactory';
import { vinCheckDigit } from '../../src/domain/vin';
import { launchTablet, login, screenshot, startTestServer, textOf, waitFor, type Tablet, type TestServer } from './harness';

/** Fills a zh-CN message's parameters, straight from the catalog (the app loads it lazily). */
function zhText(key: MessageKey, params: MessageParams = {}): string {
  const template = zhCN[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Builds an imported BMW VIN (WBA) with its check digit computed. */
function importedBmwVin(serial: string): string {
  const draft = `WBAJU610${'0'}0L${serial}`;
  const digit = vinCheckDigit(draft);
  if (!digit) throw new Error(`importedBmwVin: invalid serial ${serial}`);
  return `${draft.slice(0, 8)}${digit}${draft.slice(9)}`;
}

/** Draws a stroke on the signature pad with pointer events, points given as fractions of the pad. */
async function drawStroke(page: Page, points: Array<[number, number]>): Promise<void> {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('drawStroke: the signature pad is not visible');
  const [first, ...rest] = points;
  await page.mouse.move(box.x + box.width * first![0], box.y + box.height * first![1]);
  await page.mouse.down();
  for (const [x, y] of rest) await page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 6 });
  await page.mouse.up();
}

async function signHere(page: Page, submitKey: MessageKey): Promise<void> {
  await drawStroke(page, [[0.1, 0.6], [0.2, 0.3], [0.3, 0.65], [0.4, 0.35]]);
  await drawStroke(page, [[0.5, 0.5], [0.7, 0.45], [0.85, 0.55]]);
  await page.getByRole('button', { name: textOf(submitKey) }).click();
}

/** Waits until the top bar reports no change waiting to sync. */
async function waitUntilSynced(page: Page): Promise<void> {
  await waitFor(
    async () => (await page.getByTestId('sync-status').locator('[data-pending]').getAttribute('data-pending')) === '0',
    { description: 'no change waiting to sync', timeoutMs: 30_000 },
  );
}

/** Returns the board column of a status on a tablet. */
function column(page: Page, status: string) {
  return page.locator(`.orders-column[data-status="${status}"]`);
}

/** Adds a price-book item to the open order by searching for its code. */
async function addFromPriceBook(page: Page, buttonKey: MessageKey, code: string): Promise<void> {
  await page.getByRole('button', { name: textOf(buttonKey) }).click();
  const dialog = page.locator('dialog.orders-picker');
  await dialog.getByRole('searchbox', { name: textOf('orders.picker.search') }).fill(code);
  await dialog.locator('.orders-picker__item', { hasText: code }).first().click();
  await dialog.waitFor({ state: 'hidden' });
}

function lineRow(page: Page, name: string) {
  return page.locator('.orders-line', { hasText: name });
}

const VIN = importedBmwVin('B77421');
const PLATE = '沪AD12345';
const PLATE_SHOWN = '沪A·D12345';
const CUSTOMER = '李晓梅';
const MILEAGE_KM = 41_250;

describe('repair order from walk-in to hand-over', () => {
  let server: TestServer;
  let tablet: Tablet;
  let secondTablet: Tablet;
  let page: Page;
  let second: Page;
  let orderUrl = '';
  let orderNumber = '';

  beforeAll(async () => {
    server = await startTestServer();
    tablet = await launchTablet({ size: 'landscape' });
    secondTablet = await launchTablet({ size: 'portrait' });
    page = tablet.page;
    second = secondTablet.page;
    await page.goto(server.url);
    await login(page);
    await second.goto(server.url);
    await login(second);
  });

  afterAll(async () => {
    await tablet?.close();
    await secondTablet?.close();
    await server?.close();
  });

  it('walk-in check-in opens a priced, signed quote', async () => {
    // The check-in sheet, signed by the customer.
    await page.getByRole('link', { name: textOf('home.newCheckin') }).click();
    await page.getByRole('button', { name: textOf('checkin.new.createButton') }).click();
    await page.getByLabel(textOf('checkin.label.customerName')).fill(CUSTOMER);
    await page.getByLabel(textOf('checkin.label.mobile')).fill('13912345678');
    await page.getByLabel(textOf('checkin.label.plate')).fill(PLATE);
    await page.getByLabel(textOf('checkin.label.vin')).fill(VIN);
    await page.getByLabel(textOf('checkin.label.make')).fill('宝马');
    await page.getByLabel(textOf('checkin.label.model')).fill('X5 xDrive40Li');
    await page.getByRole('button', { name: textOf('checkin.new.createAndStart') }).click();
    await page.getByRole('heading', { name: /^接车单 JC\d{8}-[0-9A-F]{4}$/ }).waitFor();
    await page.getByLabel(textOf('checkin.intake.mileage')).fill(String(MILEAGE_KM));
    await page.getByRole('button', { name: textOf('checkin.step.next') }).click();
    await page.getByRole('button', { name: textOf('checkin.step.next') }).click();
    await page.getByLabel(textOf('checkin.requests.title')).fill('做保养\n刹车时有异响');
    await page.getByRole('button', { name: textOf('checkin.step.next') }).click();
    await page.getByLabel(textOf('checkin.sign.signerName')).fill(CUSTOMER);
    await signHere(page, 'checkin.sign.submit');
    await waitFor(async () => (await page.getByTestId('signing-state').getAttribute('data-state')) === 'signed', { description: 'check-in signed' });

    // The board offers the signed check-in; the order carries its customer, vehicle, mileage and requests.
    await page.goto(`${server.url}/orders`);
    const pending = page.locator('.orders-pending__item', { hasText: PLATE_SHOWN });
    await pending.getByRole('link', { name: textOf('orders.board.openOrder') }).click();
    await page.getByRole('radio', { name: textOf('orders.category.maintenance') }).click();
    await page.getByRole('button', { name: textOf('orders.new.open') }).click();
    const heading = page.getByRole('heading', { name: /^任务委托书 WT\d{8}-[0-9A-F]{4}$/ });
    orderNumber = (await heading.textContent())!.replace('任务委托书 ', '');
    orderUrl = page.url();
    expect(orderUrl).toMatch(/\/orders\/[0-9a-f-]{36}$/);
    expect(await page.locator('.orders-header').getByText(CUSTOMER).count()).toBe(1);
    expect(await page.locator('.orders-header').getByText('41,250 公里').count()).toBe(1);
    expect(await page.locator('.orders-header__requests li').allTextContents()).toEqual(['做保养', '刹车时有异响']);

    // Lines from the price book, filtered to the X5, and one pending diagnosis.
    await page.getByRole('button', { name: textOf('orders.lines.addFromBook') }).click();
    const dialog = page.locator('dialog.orders-picker');
    await dialog.getByRole('searchbox', { name: textOf('orders.picker.search') }).fill('前刹车片');
    await dialog.locator('.orders-picker__item').first().waitFor();
    expect(await dialog.locator('.orders-picker__code').allTextContents()).toEqual(['BRK-FP-X5']);
    await dialog.getByRole('searchbox', { name: textOf('orders.picker.search') }).fill('');
    await screenshot(page, 'orders-picker');
    await dialog.getByRole('button', { name: textOf('orders.picker.close') }).click();

    await addFromPriceBook(page, 'orders.lines.addFromBook', 'OIL-B58');
    await addFromPriceBook(page, 'orders.lines.addFromBook', 'MF-X5');
    await page.getByRole('button', { name: textOf('orders.lines.addDiagnosis') }).click();
    await page.getByLabel(textOf('orders.line.name')).fill('制动异响检查');
    await lineRow(page, '制动异响检查').getByRole('button', { name: textOf('orders.line.close') }).click();
    await page.getByLabel(textOf('orders.details.promisedAt')).fill(`${shanghaiDate(new Date())}T17:30`);

    // ¥380/h: oil 0.6 h + 168 + 6.5 × 98 + 12 = 228 + 817 = 1,045.00; microfilter 0.6 h + 598 = 826.00.
    await waitFor(async () => (await page.getByTestId('order-total').textContent())?.includes('¥1,871.00'), { description: 'order total ¥1,871.00' });
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'orders-order');

    // Work cannot start before the customer signs the quote.
    expect(await page.getByRole('button', { name: textOf('orders.statusAction.in_progress') }).isDisabled()).toBe(true);
    expect(await page.getByTestId('start-blocked').textContent()).toContain(zhText('orders.startBlocked.quote_unsigned'));
    await screenshot(page, 'orders-fix-start-blocked');

    // The customer's quote: an unsigned line blocks signing until each line is decided.
    await page.getByRole('link', { name: textOf('orders.action.quote') }).click();
    await page.getByRole('heading', { name: textOf('orders.quote.title') }).waitFor();
    expect(await page.getByText(textOf('orders.problem.lines_undecided')).count()).toBe(1);
    const decidable = page.locator('.quote-line').filter({ has: page.getByRole('button', { name: textOf('orders.quote.approve') }) });
    expect(await decidable.count()).toBe(2);
    for (const line of await decidable.all()) await line.getByRole('button', { name: textOf('orders.quote.approve') }).click();
    await waitFor(async () => (await page.getByText(textOf('orders.problem.lines_undecided')).count()) === 0, { description: 'every line decided' });
    await screenshot(page, 'orders-quote');
    await page.getByLabel(textOf('orders.sign.signerName')).fill(CUSTOMER);
    await signHere(page, 'orders.sign.submit');
    await page.getByText(textOf('orders.quote.signedThanks')).waitFor();
    expect(await page.getByTestId('order-signature').count()).toBe(1);
    expect(await page.getByTestId('order-signature').getByText(textOf('orders.sign.valid')).count()).toBe(1);
    await screenshot(page, 'orders-quote-signed');
  });

  it('status change shows on the second tablet', async () => {
    await second.goto(`${server.url}/orders`);
    await column(second, 'waiting').locator('.orders-card', { hasText: PLATE_SHOWN }).waitFor();

    await page.goto(`${server.url}/orders`);
    const card = column(page, 'waiting').locator('.orders-card', { hasText: PLATE_SHOWN });
    await card.getByRole('button', { name: textOf('orders.statusAction.in_progress') }).click();
    await column(page, 'in_progress').locator('.orders-card', { hasText: PLATE_SHOWN }).waitFor();

    await column(second, 'in_progress').locator('.orders-card', { hasText: PLATE_SHOWN }).waitFor({ timeout: 15_000 });
    expect(await column(second, 'waiting').locator('.orders-card', { hasText: PLATE_SHOWN }).count()).toBe(0);
    await screenshot(second, 'orders-board-second-tablet');

    // The second tablet moves it on, and the first one shows the change.
    const secondCard = column(second, 'in_progress').locator('.orders-card', { hasText: PLATE_SHOWN });
    await secondCard.getByRole('button', { name: textOf('orders.statusAction.quality_check') }).click();
    await column(page, 'quality_check').locator('.orders-card', { hasText: PLATE_SHOWN }).waitFor({ timeout: 15_000 });
    await screenshot(page, 'orders-board');

    // The order and the customer's quote at portrait size.
    await second.goto(orderUrl);
    await second.getByRole('heading', { name: /^任务委托书 WT/ }).waitFor();
    await screenshot(second, 'orders-order-portrait');
    await second.goto(`${orderUrl}/quote`);
    await second.getByRole('heading', { name: textOf('orders.quote.title') }).waitFor();
    await screenshot(second, 'orders-quote-portrait');
  });

  it('technician changed on both tablets offline shows both values', async () => {
    const technician = (tabletPage: Page) => tabletPage.getByLabel(textOf('orders.details.technician'));
    await page.goto(orderUrl);
    await second.goto(orderUrl);
    await technician(page).waitFor();
    await technician(second).waitFor();
    await waitUntilSynced(page);
    await waitUntilSynced(second);

    await tablet.context.setOffline(true);
    await secondTablet.context.setOffline(true);
    await technician(page).fill('张师傅');
    await technician(second).fill('李师傅');
    await waitFor(async () => (await page.getByTestId('sync-status').locator('[data-pending]').getAttribute('data-pending')) !== '0', { description: 'first tablet change waiting' });
    await waitFor(async () => (await second.getByTestId('sync-status').locator('[data-pending]').getAttribute('data-pending')) !== '0', { description: 'second tablet change waiting' });

    await tablet.context.setOffline(false);
    await waitUntilSynced(page);
    await secondTablet.context.setOffline(false);

    const conflicts = second.getByTestId('order-conflicts');
    await conflicts.waitFor({ timeout: 30_000 });
    const conflict = conflicts.locator('.orders-conflict[data-path="technician"]');
    expect(await conflict.getByText(zhCN['orders.field.technician'], { exact: true }).count()).toBe(1);
    expect(await conflict.getByText('张师傅', { exact: true }).count()).toBe(1);
    expect(await conflict.getByText('李师傅', { exact: true }).count()).toBe(1);
    await conflicts.scrollIntoViewIfNeeded();
    await screenshot(second, 'orders-fix-conflict');

    // The second tablet takes the other tablet's technician; the conflict closes.
    const kept = await technician(second).inputValue();
    await conflict.getByRole('button', { name: textOf('orders.conflict.useOther') }).click();
    await conflicts.waitFor({ state: 'detached' });
    const taken = await technician(second).inputValue();
    expect(['张师傅', '李师傅']).toContain(taken);
    expect(taken).not.toBe(kept);
    await waitFor(async () => (await technician(page).inputValue()) === taken, { description: 'first tablet shows the taken technician', timeoutMs: 30_000 });
  });

  it('added work is approved by phone or declined and signed', async () => {
    await page.goto(orderUrl);
    await page.getByText(textOf('orders.lines.addedHint')).waitFor();

    // The technician finds worn brake pads and old brake fluid.
    await addFromPriceBook(page, 'orders.lines.addFoundFromBook', 'BRK-FP-X5');
    await addFromPriceBook(page, 'orders.lines.addFoundFromBook', 'BRK-FLUID');
    await page.getByText(textOf('orders.notice.quoteChanged')).waitFor();
    expect(await lineRow(page, '更换前刹车片').getByText(textOf('orders.badge.added')).count()).toBe(1);

    // Brake fluid approved by phone, with the time recorded.
    await lineRow(page, '更换刹车油').getByRole('button', { name: textOf('orders.line.phoneApprove') }).click();
    await lineRow(page, '更换刹车油').getByText(/^电话确认 \d{2}:\d{2}$/).waitFor();

    // The diagnosis found the worn pads; its half hour is priced and given free of charge.
    const diagnosis = lineRow(page, '制动异响检查');
    await diagnosis.getByRole('button', { name: textOf('orders.line.edit') }).click();
    await diagnosis.getByLabel(textOf('orders.line.pendingDiagnosis')).uncheck();
    // Invalid hours stay as typed, with a message naming the field and the limit, and the line leaves the totals.
    await diagnosis.getByLabel(textOf('orders.line.hours')).fill('');
    await diagnosis.getByLabel(textOf('orders.line.hours')).pressSequentially('999');
    await diagnosis.getByText(zhText('orders.input.number_too_large', { field: zhCN['orders.line.hours'], max: zhText('orders.line.hoursMax', { max: 200 }) })).waitFor();
    await diagnosis.getByTestId('line-excluded').waitFor();
    await page.getByText(zhText('orders.input.linesExcluded', { count: 1 })).waitFor();
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    expect(await diagnosis.getByLabel(textOf('orders.line.hours')).inputValue()).toBe('999');
    await screenshot(page, 'orders-fix-invalid-hours');
    await diagnosis.getByLabel(textOf('orders.line.hours')).fill('-1');
    await diagnosis.getByText(zhText('orders.input.number_negative', { field: zhCN['orders.line.hours'] })).waitFor();
    await diagnosis.getByLabel(textOf('orders.line.hours')).fill('0.5');
    await waitFor(async () => (await diagnosis.getByTestId('line-excluded').count()) === 0, { description: 'line counted again' });
    await diagnosis.getByLabel(textOf('orders.line.free')).check();
    await diagnosis.getByRole('button', { name: textOf('orders.line.close') }).click();
    await diagnosis.getByText(zhText('orders.line.freeValue', { amount: '¥190.00' })).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'orders-added-work');

    // On the tablet the customer takes the free diagnosis, declines the pads and signs the quote again.
    await page.getByRole('link', { name: textOf('orders.action.quote') }).click();
    await page.locator('.quote-line', { hasText: '制动异响检查' }).getByRole('button', { name: textOf('orders.quote.approve') }).click();
    const pads = page.locator('.quote-line', { hasText: '更换前刹车片' });
    await pads.getByRole('button', { name: textOf('orders.quote.decline') }).click();
    await waitFor(async () => (await pads.getByRole('button', { name: textOf('orders.quote.decline') }).getAttribute('aria-pressed')) === 'true', { description: 'pads declined' });
    await signHere(page, 'orders.sign.submit');
    await page.getByText(textOf('orders.quote.signedThanks')).waitFor();
    expect(await page.getByTestId('order-signature').count()).toBe(2);
    expect(await page.getByTestId('order-signature').nth(1).getByText(textOf('orders.sign.superseded')).count()).toBe(1);

    // The recommended-items sheet lists the declined pads; the customer signs it.
    await page.goto(`${orderUrl}/recommended`);
    await page.getByRole('heading', { name: textOf('orders.recommended.title') }).waitFor();
    expect(await page.locator('.quote-line .quote-line__name').allTextContents()).toEqual(['更换前刹车片']);
    // Front pads for the X5: 1.2 h × ¥380 + 2,180 + wear sensor 298.
    expect(await page.locator('.quote-total').textContent()).toBe(zhText('orders.recommended.total', { amount: '¥2,934.00' }));
    await page.getByLabel(textOf('orders.sign.signerName')).fill(CUSTOMER);
    await screenshot(page, 'orders-recommended');
    await signHere(page, 'orders.sign.submit');
    await page.getByText(textOf('orders.recommended.signedThanks')).waitFor();
    await screenshot(page, 'orders-recommended-signed');

    // Declined work is not charged: 1,871.00 + brake fluid 0.8 h + 168 = 2,343.00.
    await page.goto(orderUrl);
    await waitFor(async () => (await page.getByTestId('order-total').textContent())?.includes('¥2,343.00'), { description: 'total without declined work' });
    expect(await page.getByText(textOf('orders.notice.recommendedUnsigned')).count()).toBe(0);
  });

  it('hand-over delivers with the next service and a follow-up call', async () => {
    await page.goto(orderUrl);
    await page.getByRole('button', { name: textOf('orders.statusAction.ready') }).click();
    await page.getByRole('link', { name: textOf('orders.action.handover') }).first().click();
    await page.getByRole('heading', { name: textOf('orders.handover.title') }).waitFor();

    // Next service suggested a year and 10,000 km on.
    const nextDate = addMonths(shanghaiDate(new Date()), 12);
    await waitFor(async () => (await page.getByLabel(textOf('orders.handover.nextServiceDate')).inputValue()) === nextDate, { description: 'next service date suggested' });
    expect(await page.getByLabel(textOf('orders.handover.nextServiceKm')).inputValue()).toBe(String(MILEAGE_KM + 10_000));

    // Delivery waits for the whole checklist.
    const deliver = page.getByRole('button', { name: textOf('orders.handover.deliver') });
    expect(await deliver.isDisabled()).toBe(true);
    for (const check of await page.locator('.orders-checklist__item input').all()) await check.check();
    await waitFor(() => deliver.isEnabled(), { description: 'delivery allowed' });
    expect(await page.getByText(textOf('orders.settlement.carWashFree')).count()).toBe(1);
    expect(await page.getByText(zhText('orders.settlement.freeItems', { count: 1, amount: '¥190.00' })).count()).toBe(1);
    await screenshot(page, 'orders-handover');

    await deliver.click();
    await page.getByText(/^已于 .+ 交车。 回访截止 .+。$/).waitFor();
    await screenshot(page, 'orders-delivered');

    // The follow-up call is due 72 hours later.
    await page.goto(`${server.url}/orders/followups`);
    const followup = page.locator('.followup', { hasText: CUSTOMER });
    await followup.waitFor();
    const dueText = await followup.locator('.badge').textContent();
    const due = new Date(`${dueText!.replace('回访截止 ', '').replace(' ', 'T')}:00+08:00`);
    expect(Math.abs(due.getTime() - Date.now() - 72 * 3600 * 1000)).toBeLessThan(5 * 60 * 1000);

    // The settlement copy names the next service.
    await page.goto(`${orderUrl}/print/settlement`);
    await page.locator('.print-paper').waitFor();
    const [year, month, day] = nextDate.split('-');
    expect(await page.getByText(`下次保养：${year}-${month}-${day} 或 51,250 公里，以先到者为准。`).count()).toBe(1);
    await screenshot(page, 'orders-print-settlement');
    await page.goto(`${orderUrl}/print/quote`);
    await page.locator('.print-paper .print-signature svg').waitFor();
    await screenshot(page, 'orders-print-quote');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.locator('.print-toolbar').isVisible()).toBe(false);
    await page.locator('.print-signature').scrollIntoViewIfNeeded();
    await screenshot(page, 'orders-print-quote-media');
    await page.emulateMedia({ media: 'screen' });

    // The second tablet lists the car as delivered today.
    await second.goto(`${server.url}/orders`);
    await column(second, 'delivered').locator('.orders-card', { hasText: PLATE_SHOWN }).waitFor({ timeout: 15_000 });
  });

  it('declined work returns at the next visit', async () => {
    // The same car comes back: found by its VIN tail, checked in and signed on the second tablet.
    await second.goto(`${server.url}/checkin/new`);
    await second.getByLabel(textOf('checkin.new.searchLabel')).fill(VIN.slice(-6));
    await second.getByRole('button', { name: new RegExp(zhText('checkin.new.choose', { plate: PLATE_SHOWN })) }).click();
    await second.getByRole('heading', { name: /^接车单 JC/ }).waitFor();
    await second.getByLabel(textOf('checkin.intake.mileage')).fill(String(MILEAGE_KM + 3_100));
    for (let step = 0; step < 3; step++) await second.getByRole('button', { name: textOf('checkin.step.next') }).click();
    await second.getByLabel(textOf('checkin.sign.signerName')).fill(CUSTOMER);
    await signHere(second, 'checkin.sign.submit');
    await waitFor(async () => (await second.getByTestId('signing-state').getAttribute('data-state')) === 'signed', { description: 'second check-in signed' });

    await second.goto(`${server.url}/orders`);
    await second.locator('.orders-pending__item', { hasText: PLATE_SHOWN }).getByRole('link', { name: textOf('orders.board.openOrder') }).click();
    const notice = second.getByTestId('declined-work-notice');
    await notice.waitFor();
    expect(await notice.locator('li').allTextContents()).toEqual([
      zhText('orders.declinedNotice.item', { date: shanghaiDate(new Date()), name: '更换前刹车片', amount: '¥2,934.00', number: orderNumber }),
    ]);
    await screenshot(second, 'orders-declined-next-visit');
  });
});

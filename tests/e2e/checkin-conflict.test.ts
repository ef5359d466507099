/**
 * Two tablets change the same check-in offline. Once both are back online, the second tablet
 * shows the field both changed, the value kept and the other tablet's value, and can take it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { vinCheckDigit } from '../../src/domain/vin';
import { launchTablet, login, screenshot, startTestServer, textOf, waitFor, type Tablet, type TestServer } from './harness';

/** Waits until the top bar reports no change waiting to sync. */
async function waitUntilSynced(page: Page): Promise<void> {
  await waitFor(
    async () => (await page.getByTestId('sync-status').locator('[data-pending]').getAttribute('data-pending')) === '0',
    { description: 'no change waiting to sync', timeoutMs: 30_000 },
  );
}

async function setMileage(page: Page, km: string): Promise<void> {
  await page.getByLabel(textOf('checkin.intake.mileage')).fill(km);
  await waitFor(async () => (await page.getByTestId('save-status').getAttribute('data-save')) === 'saved', { description: 'mileage saved' });
}

describe('check-in edited on two tablets', () => {
  let server: TestServer;
  let first: Tablet;
  let second: Tablet;

  beforeAll(async () => {
    server = await startTestServer();
    first = await launchTablet({ size: 'landscape' });
    second = await launchTablet({ size: 'portrait' });
    for (const tablet of [first, second]) {
      await tablet.page.goto(server.url);
      await login(tablet.page);
    }
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await server?.close();
  });

  it('shows both mileages and takes the other tablet’s', async () => {
    const draftVin = 'LBV5S3100ESC24680';
    const vin = `${draftVin.slice(0, 8)}${vinCheckDigit(draftVin)}${draftVin.slice(9)}`;
    const page = first.page;
    await page.goto(`${server.url}/checkin/new`);
    await page.getByRole('button', { name: textOf('checkin.new.createButton') }).click();
    await page.getByLabel(textOf('checkin.label.customerName')).fill('孙丽');
    await page.getByLabel(textOf('checkin.label.mobile')).fill('13698765432');
    await page.getByLabel(textOf('checkin.label.plate')).fill('京C54321');
    await page.getByLabel(textOf('checkin.label.vin')).fill(vin);
    await page.getByLabel(textOf('checkin.label.make')).fill('宝马');
    await page.getByLabel(textOf('checkin.label.model')).fill('5系 530Le');
    await page.getByRole('button', { name: textOf('checkin.new.createAndStart') }).click();
    await page.getByLabel(textOf('checkin.intake.mileage')).waitFor();
    await waitUntilSynced(page);

    // The second tablet opens the same sheet once replication brought it.
    await second.page.goto(page.url());
    await second.page.getByLabel(textOf('checkin.intake.mileage')).waitFor({ timeout: 30_000 });

    await first.context.setOffline(true);
    await second.context.setOffline(true);
    await setMileage(first.page, '30000');
    await setMileage(second.page, '31000');

    await first.context.setOffline(false);
    await waitUntilSynced(first.page);
    await second.context.setOffline(false);

    const conflicts = second.page.getByTestId('conflicts');
    await conflicts.waitFor({ timeout: 30_000 });
    expect(await conflicts.getByText('里程', { exact: true }).count()).toBe(1);
    expect(await conflicts.getByText('30000', { exact: true }).count()).toBe(1);
    expect(await conflicts.getByText('31000', { exact: true }).count()).toBe(1);
    expect(await second.page.getByLabel(textOf('checkin.intake.mileage')).inputValue()).toBe('30000');
    await screenshot(second.page, 'checkin-conflict-portrait');

    await conflicts.getByRole('button', { name: textOf('checkin.conflict.useOther') }).click();
    await conflicts.waitFor({ state: 'detached' });
    expect(await second.page.getByLabel(textOf('checkin.intake.mileage')).inputValue()).toBe('31000');

    // The choice replicates: the first tablet shows 31000 too, without a conflict of its own.
    await waitFor(async () => (await first.page.getByLabel(textOf('checkin.intake.mileage')).inputValue()) === '31000', {
      description: 'first tablet shows the taken value',
      timeoutMs: 30_000,
    });
    expect(await first.page.getByTestId('conflicts').count()).toBe(0);
  });
});

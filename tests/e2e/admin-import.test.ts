import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  listenOnFreePort,
  logIn,
  newAdminPage,
  pluginPage,
  saveScreenshot,
  unlabelledControls,
} from '../helpers/browser';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { PASSWORD, SUPER_ADMIN_EMAIL, superAdmin } from '../helpers/users';

let strapi: Core.Strapi;
let browser: Browser;
let baseUrl: string;

const CSV = [
  'first_name,last_name,email,city,date_of_birth',
  'Anna,Bakker,anna@example.com,Utrecht,1990-04-01',
  'Bram,Smit,bram@example.com,Leiden,',
  'Known,Person,known@example.com,Delft,',
  'Same,Person,same@example.com,,',
  'Bad,Email,not-an-email,Gouda,',
  'Bad,Date,baddate@example.com,Breda,31-31-1990',
].join('\n');

/** Remembers the names of the progress bars that appear, however briefly. */
const watchProgressBars = (page: Page) =>
  page.evaluate(() => {
    const seen = new Set<string>();
    (window as unknown as { progressBars: Set<string> }).progressBars = seen;
    new MutationObserver(() =>
      document
        .querySelectorAll('[role="progressbar"]')
        .forEach((el) => seen.add(el.getAttribute('aria-label') ?? ''))
    ).observe(document.body, { childList: true, subtree: true, attributes: true });
  });
const progressBarsSeen = (page: Page) =>
  page.evaluate(() => [...(window as unknown as { progressBars: Set<string> }).progressBars]);

describe('importing customers from a CSV file in the admin', () => {
  before(async () => {
    strapi = await bootStrapi();
    baseUrl = await listenOnFreePort(strapi);
    const api = await superAdmin(strapi);
    for (const body of [
      { firstName: 'Known', lastName: 'Person', emails: ['known@example.com'] },
      { firstName: 'Same', lastName: 'Person', emails: ['same@example.com'] },
    ]) {
      await api.post('/segments/customers', body).expect(201);
    }
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await stopStrapi(strapi);
  });

  it('a dry run, then the import: progress, a report of created, updated, unchanged and failed rows, and the error file', async () => {
    const page = await newAdminPage(browser);
    await logIn(page, baseUrl, SUPER_ADMIN_EMAIL, PASSWORD);
    await page.goto(pluginPage(baseUrl, 'customers'));
    await page.getByText('2 customers').waitFor();

    await page.getByRole('button', { name: 'Import customers' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('CSV file').setInputFiles({
      name: 'customers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    assert.equal(await dialog.getByRole('checkbox', { name: /Dry run first/ }).isChecked(), true);
    assert.deepEqual(await unlabelledControls(page, '[role="dialog"]'), []);
    await watchProgressBars(page);
    await dialog.getByRole('button', { name: 'Upload and check' }).click();
    await dialog
      .getByText('Dry run: nothing was saved. This is what the import would do.')
      .waitFor();
    await dialog.locator('dt', { hasText: 'Would be created' }).waitFor();

    await dialog.getByRole('button', { name: 'Import for real' }).click();
    await dialog.getByText('2 rows failed').waitFor({ timeout: 30_000 });
    const counts = Object.fromEntries(
      await Promise.all(
        ['Created', 'Updated', 'Already present', 'Failed'].map(async (label) => [
          label,
          await dialog
            .locator('dt', { hasText: new RegExp(`^${label}$`) })
            .locator('xpath=following-sibling::dd[1]')
            .innerText(),
        ])
      )
    );
    assert.deepEqual(counts, { Created: '2', Updated: '1', 'Already present': '1', Failed: '2' });
    // The playground has no email provider: the report says it is not emailed, and how to.
    await dialog.getByRole('status').filter({ hasText: 'This report is not emailed' }).waitFor();
    await dialog.getByText(/@strapi\/provider-email-nodemailer/).waitFor();
    await dialog
      .getByRole('img', {
        name: 'Import outcome: 2 created, 1 updated, 1 already present, 2 failed',
      })
      .waitFor();
    assert.ok(
      (await progressBarsSeen(page)).includes('Upload progress'),
      'a progress bar showed while the file was uploaded'
    );
    await dialog.getByText('Line').first().waitFor();
    await dialog.getByText(/email/i).first().waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download the error file' }).click(),
    ]);
    const errorFile = fs.readFileSync((await download.path())!, 'utf8');
    assert.match(errorFile, /not-an-email/);
    assert.match(errorFile, /31-31-1990/);
    assert.doesNotMatch(errorFile, /anna@example\.com/);
    await saveScreenshot(page, 'import-report');

    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await page.getByText('4 customers').waitFor();
    await saveScreenshot(page, 'import-done');
  });
});

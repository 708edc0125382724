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
import { PASSWORD, SUPER_ADMIN_EMAIL, superAdmin, type AdminClient } from '../helpers/users';

let strapi: Core.Strapi;
let browser: Browser;
let baseUrl: string;
let page: Page;
let api: AdminClient;
const ids: Record<string, string> = {};

const downloadOf = async (page: Page, click: () => Promise<void>) => {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return {
    name: download.suggestedFilename(),
    text: fs.readFileSync((await download.path())!, 'utf8'),
  };
};

describe('merging, exporting and anonymizing customers in the admin', () => {
  before(async () => {
    strapi = await bootStrapi();
    baseUrl = await listenOnFreePort(strapi);
    api = await superAdmin(strapi);
    const people = {
      piet: {
        firstName: 'Piet',
        lastName: 'Jansen',
        emails: ['piet@example.com'],
        phones: ['31612345678'],
      },
      pieter: {
        firstName: 'Pieter',
        lastName: 'Jansen',
        emails: ['pieter@work.example'],
        phones: ['31612345678'],
        city: 'Delft',
      },
      klaas: { firstName: 'Klaas', lastName: 'Visser', emails: ['klaas@example.com'] },
      karin: { firstName: 'Karin', lastName: 'Visser', emails: ['karin@example.com'] },
      eva: { firstName: 'Eva', lastName: 'Smit', emails: ['eva@example.com'], city: 'Gouda' },
    };
    for (const [key, body] of Object.entries(people)) {
      ids[key] = (await api.post('/segments/customers', body).expect(201)).body.data.documentId;
    }
    browser = await launchBrowser();
    page = await newAdminPage(browser);
    await logIn(page, baseUrl, SUPER_ADMIN_EMAIL, PASSWORD);
  });
  after(async () => {
    await browser?.close();
    await stopStrapi(strapi);
  });

  it('merges a suggested duplicate into a profile, which then holds both emails', async () => {
    await page.goto(pluginPage(baseUrl, `customers/${ids.piet}`));
    await page.getByRole('button', { name: 'Merge' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Likely duplicates').waitFor();
    await dialog.getByRole('button', { name: 'Choose Pieter Jansen to merge' }).click();
    await dialog.getByText("This can't be undone").waitFor();
    assert.deepEqual(await unlabelledControls(page, '[role="dialog"]'), []);
    await dialog.getByRole('button', { name: 'Merge and delete Pieter Jansen' }).click();
    await page.getByText('Pieter Jansen was merged into Piet Jansen').waitFor();
    await page.getByText('pieter@work.example').first().waitFor();
    await api.get(`/segments/customers/${ids.pieter}`).expect(404);
  });

  it('a GDPR export of a profile downloads its data as JSON', async () => {
    await page.goto(pluginPage(baseUrl, `customers/${ids.piet}`));
    const file = await downloadOf(page, () =>
      page.getByRole('button', { name: 'GDPR export' }).click()
    );
    assert.match(file.name, /\.json$/);
    const data = JSON.stringify(JSON.parse(file.text));
    assert.match(data, /piet@example\.com/);
    assert.match(data, /pieter@work\.example/, 'the merged profile is part of it');
  });

  it('exports a CSV of the customers matching a search, not the others', async () => {
    await page.goto(pluginPage(baseUrl, 'customers'));
    await page.getByLabel('Search customers').fill('visser');
    await page.keyboard.press('Enter');
    await page.getByText('2 customers', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByRole('radio', { name: 'The 2 customers matching the search and filters' })
      .click();
    await dialog.getByRole('button', { name: 'Start export' }).click();
    await dialog.getByText('The export is ready: 2 customers.').waitFor({ timeout: 30_000 });
    await saveScreenshot(page, 'export-ready');
    const file = await downloadOf(page, () =>
      dialog.getByRole('button', { name: 'Download CSV' }).click()
    );
    assert.match(file.name, /\.csv$/);
    const lines = file.text.trim().split(/\r?\n/);
    assert.equal(lines.length, 3, 'a header and two customers');
    assert.match(file.text, /klaas@example\.com/);
    assert.match(file.text, /karin@example\.com/);
    assert.doesNotMatch(file.text, /eva@example\.com/);
  });

  it('anonymizes a customer after a confirmation: the profile keeps no name or email', async () => {
    await page.goto(pluginPage(baseUrl, `customers/${ids.eva}`));
    await page.getByRole('heading', { name: 'Eva Smit' }).waitFor();
    await page.getByRole('button', { name: 'Anonymize' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText(/Remove every personal detail of Eva Smit/).waitFor();
    await confirm.getByRole('button', { name: 'Anonymize' }).click();
    await page.getByText('Eva Smit was anonymized').waitFor();
    await page.getByRole('heading', { name: 'Eva Smit' }).waitFor({ state: 'detached' });
    assert.equal(await page.getByText('eva@example.com').count(), 0);
    await saveScreenshot(page, 'customer-anonymized');
    const { body } = await api.get(`/segments/customers/${ids.eva}`).expect(200);
    assert.deepEqual([body.data.firstName, body.data.emails], [null, []]);
  });
});

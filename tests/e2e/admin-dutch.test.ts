import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
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
} from '../helpers/browser';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { PASSWORD, SUPER_ADMIN_EMAIL, superAdmin } from '../helpers/users';

const load = (locale: string): Record<string, string> =>
  JSON.parse(
    fs.readFileSync(
      path.join(__dirname, '..', '..', 'admin', 'src', 'translations', `${locale}.json`),
      'utf8'
    )
  );
const en = load('en');
const nl = load('nl');

/** Drops ICU arguments and plural blocks: "{count, plural, …}" and "{name}" go. */
const literalParts = (message: string) => {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of message) {
    if (char === '{') {
      if (depth === 0) parts.push(current);
      current = '';
      depth++;
    } else if (char === '}') depth--;
    else if (depth === 0) current += char;
  }
  parts.push(current);
  return parts.map((p) =>
    p
      .trim()
      .replace(/^[:;,.…]+|[:;,.…]+$/g, '')
      .trim()
  );
};

/**
 * English phrases of the plugin that Dutch says differently: the parts of every en.json message
 * that differs in nl.json, of two words or more, and found in no Dutch message.
 */
const dutchText = Object.values(nl).join('\n').toLowerCase();
const ENGLISH = [
  ...new Set(
    Object.keys(en)
      .filter((key) => en[key] !== nl[key])
      .flatMap((key) => literalParts(en[key]))
      .filter((part) => part.includes(' ') && part.length >= 8)
      .filter((part) => !dutchText.includes(part.toLowerCase()))
  ),
];

/** The plugin's English phrases the page shows (in its visible text). */
const englishOn = async (page: Page) => {
  const text = await page.locator('body').innerText();
  return ENGLISH.filter((phrase) => text.includes(phrase));
};

let strapi: Core.Strapi;
let browser: Browser;
let baseUrl: string;
let page: Page;
const ids: Record<string, string> = {};

/** The admin in Dutch: the main flows show no English text of the plugin. */
describe('the admin in Dutch', () => {
  before(async () => {
    strapi = await bootStrapi();
    baseUrl = await listenOnFreePort(strapi);
    const api = await superAdmin(strapi);
    await strapi.db
      .query('admin::user')
      .update({ where: { email: SUPER_ADMIN_EMAIL }, data: { preferedLanguage: 'nl' } });
    const customer = async (body: object) =>
      (await api.post('/segments/customers', body).expect(201)).body.data.documentId as string;
    ids.maria = await customer({
      firstName: 'Maria',
      lastName: 'de Vries',
      emails: ['maria.de.vries@gmail.com'],
      phones: ['31611112222'],
    });
    await customer({
      firstName: 'Maria',
      lastName: 'de Vries',
      emails: ['mariadevries+shop@hotmail.nl'],
      phones: ['31611112222'],
    });
    ids.external = (
      await api
        .post('/segments/segments', { name: 'CRM-leden', segmentId: 'crm', kind: 'external' })
        .expect(201)
    ).body.data.documentId;
    ids.abTest = (
      await api
        .post('/segments/ab-tests', {
          name: 'Heldentest',
          status: 'running',
          conversionEventType: 'Conversion',
        })
        .expect(201)
    ).body.data.documentId;
    ids.promo = (
      await strapi.documents('api::promo.promo').create({
        data: {
          title: 'Lenteactie',
          blocks: [{ __component: 'promo.hero', headline: 'Welkom', audience: null }],
        } as any,
      })
    ).documentId;
    browser = await launchBrowser();
    page = await newAdminPage(browser, { viewport: 'narrow', locale: 'nl-NL' });
    await logIn(page, baseUrl, SUPER_ADMIN_EMAIL, PASSWORD);
  });
  after(async () => {
    await browser?.close();
    await stopStrapi(strapi);
  });

  it('finds English phrases to look for (the check itself works)', () => {
    assert.ok(ENGLISH.includes('Nothing to judge yet'), 'a phrase of en.json');
    assert.ok(ENGLISH.length > 200, `${ENGLISH.length} phrases`);
  });

  const visit = async (name: string, url: string, dutch: string, act?: () => Promise<void>) => {
    await page.goto(url);
    await page.getByText(dutch, { exact: false }).first().waitFor();
    await act?.();
    // Data that loads after the heading (lists, counts) is part of what is checked.
    await page.waitForTimeout(500);
    assert.deepEqual(await englishOn(page), [], `${name} shows English`);
  };

  it('segments: the list, the builder with an event condition, an external segment', async () => {
    await visit('segment list', pluginPage(baseUrl, 'segments'), nl['segments.title']);
    await visit(
      'segment builder',
      pluginPage(baseUrl, 'segments/new'),
      nl['segmentForm.rules'],
      async () => {
        await page.getByRole('button', { name: nl['rule.addCondition'] }).first().click();
        await page.getByRole('menuitem', { name: nl['rule.kind.event'], exact: true }).click();
        await page.getByRole('combobox', { name: nl['rule.window'] }).click();
        await page.getByRole('option', { name: /in de laatste 30 dagen/ }).click();
      }
    );
    await visit(
      'external segment',
      pluginPage(baseUrl, `segments/${ids.external}`),
      nl['external.url']
    );
  });

  it('A/B tests: the list and a test without visitors', async () => {
    await visit('A/B test list', pluginPage(baseUrl, 'ab-tests'), nl['abTests.title']);
    await visit(
      'A/B results',
      pluginPage(baseUrl, `ab-tests/${ids.abTest}`),
      nl['abTests.early.title']
    );
    await saveScreenshot(page, 'dutch-ab-test-no-results');
  });

  /** The visible text at this moment (popovers and dialogs included) holds no English. */
  const assertDutch = async (name: string) => {
    await page.waitForTimeout(300);
    assert.deepEqual(await englishOn(page), [], `${name} shows English`);
  };

  it('the customer list with its Filters and columns popovers', async () => {
    await visit('customer list', pluginPage(baseUrl, 'customers'), 'Maria');
    await page.getByRole('button', { name: nl['filters.button'], exact: true }).click();
    await page.getByRole('form', { name: nl['filters.title'] }).waitFor();
    await assertDutch('customer filters');
    await page.keyboard.press('Escape');
    await page.getByRole('form', { name: nl['filters.title'] }).waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: nl['list.columns'] }).click();
    await page.getByText(nl['list.columns.title'], { exact: true }).waitFor();
    await assertDutch('column picker');
    await page.keyboard.press('Escape');
  });

  it('the customer edit form', async () => {
    await visit(
      'customer edit form',
      pluginPage(baseUrl, `customers/${ids.maria}/edit`),
      nl['form.email.add']
    );
  });

  it('the Import and Export dialogs', async () => {
    await visit('customer list', pluginPage(baseUrl, 'customers'), 'Maria', async () => {
      await page.getByRole('button', { name: nl['import.button'], exact: true }).click();
      await page.getByRole('dialog', { name: nl['import.title'] }).waitFor();
    });
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: nl['export.button'], exact: true }).click();
    await page.getByRole('dialog', { name: nl['export.title'] }).waitFor();
    await assertDutch('export dialog');
  });

  it('a profile and its merge suggestions', async () => {
    await visit(
      'customer profile',
      pluginPage(baseUrl, `customers/${ids.maria}`),
      nl['merge.button'],
      async () => {
        await page.getByRole('button', { name: nl['merge.button'], exact: true }).click();
        await page.getByText(nl['merge.reason.samePhone']).first().waitFor();
      }
    );
    await saveScreenshot(page, 'dutch-merge-suggestions');
  });

  it('data retention and View as', async () => {
    await visit(
      'data retention',
      `${baseUrl}/admin/settings/segments/data-retention`,
      nl['retention.title']
    );
    await visit(
      'View as',
      `${baseUrl}/admin/content-manager/collection-types/api::promo.promo/${ids.promo}`,
      nl['viewAs.title']
    );
  });
});

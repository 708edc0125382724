import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  listenOnFreePort,
  logIn,
  newAdminPage,
  saveScreenshot,
} from '../helpers/browser';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { PASSWORD, SUPER_ADMIN_EMAIL, superAdmin } from '../helpers/users';

const PROMO = 'api::promo.promo';
let strapi: Core.Strapi;
let browser: Browser;
let baseUrl: string;
let documentId: string;
let abTest: string;

const choose = async (page: Page, label: string, option: string) => {
  await page.getByRole('combobox', { name: label, exact: true }).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

describe('personalized content in the Content Manager', () => {
  before(async () => {
    strapi = await bootStrapi();
    baseUrl = await listenOnFreePort(strapi);
    const api = await superAdmin(strapi);
    await api
      .post('/segments/segments', {
        name: 'VIP members',
        segmentId: 'vip-members',
        kind: 'external',
      })
      .expect(201);
    abTest = (
      await api
        .post('/segments/ab-tests', {
          name: 'Hero test',
          status: 'running',
          conversionEventType: 'Conversion',
        })
        .expect(201)
    ).body.data.documentId;
    const vip = { segment: 'vip-members', abTest: null, variant: null };
    documentId = (
      await strapi.documents(PROMO).create({
        data: {
          title: 'Spring promo',
          blocks: [
            { __component: 'promo.hero', headline: 'Welcome back, VIP', audience: vip },
            { __component: 'promo.hero', headline: 'Hello visitor', audience: null },
            { __component: 'promo.text', body: 'Always here' },
          ],
        } as any,
      })
    ).documentId;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await stopStrapi(strapi);
  });

  it('an editor targets an entry at a segment and views it as that segment', async () => {
    const page = await newAdminPage(browser);
    await logIn(page, baseUrl, SUPER_ADMIN_EMAIL, PASSWORD);
    await page.goto(`${baseUrl}/admin/content-manager/collection-types/${PROMO}/${documentId}`);
    await page.getByText('View as').first().waitFor();

    // The panel: as everyone else, the fallback hero; as a VIP, the VIP hero.
    await page.getByText('blocks: 2 of 3 blocks').waitFor();
    await page.getByText('• Hello visitor').waitFor();
    await choose(page, 'Visitor in segment', 'VIP members');
    await page.getByText('• Welcome back, VIP').waitFor();
    await page
      .getByText('A site gets this with the headers X-Segments: vip-members', { exact: true })
      .waitFor();
    await saveScreenshot(page, 'personalization-view-as');

    // The entry's own Audience field: pick the segment and save.
    await choose(page, 'audience', 'VIP members (vip-members)');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved document').first().waitFor();
    const stored = await strapi.db.query(PROMO).findOne({ where: { documentId } });
    assert.equal(stored.audience, '{"segment":"vip-members","abTest":null,"variant":null}');
    await page.getByText('Shown to this audience').waitFor();
    await choose(page, 'Visitor in segment', 'All other users');
    await page.getByText('Not shown to this audience').waitFor();
  });

  it('an editor makes an entry variant B of an A/B test', async () => {
    const page = await newAdminPage(browser);
    await logIn(page, baseUrl, SUPER_ADMIN_EMAIL, PASSWORD);
    await page.goto(`${baseUrl}/admin/content-manager/collection-types/${PROMO}/${documentId}`);
    await choose(page, 'A/B test', 'Hero test');
    await choose(page, 'Variant', 'Variant B');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved document').first().waitFor();
    const stored = await strapi.db.query(PROMO).findOne({ where: { documentId } });
    assert.deepEqual(JSON.parse(stored.audience), {
      segment: 'vip-members',
      abTest,
      variant: 'B',
    });
  });
});

import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import type { Browser, Page } from 'playwright-core';
import {
  VIEWPORTS,
  assertNoSidewaysScroll,
  assertReachable,
  launchBrowser,
  listenOnFreePort,
  logIn,
  newAdminPage,
  saveScreenshot,
  type ViewportName,
} from '../helpers/browser';
import { dismissStrapiBanners } from '../helpers/banners';
import { assertTextFits, scrollToMiddle } from '../helpers/layout';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { PASSWORD, SUPER_ADMIN_EMAIL, superAdmin } from '../helpers/users';

const PROMO = 'api::promo.promo';
let strapi: Core.Strapi;
let browser: Browser;
let baseUrl: string;
let documentId: string;
let abTest: string;
let site: http.Server;
let apiToken: string;
/** The preview URLs the stand-in site was asked for. */
const previewRequests: URL[] = [];

/**
 * A stand-in for the site's preview route (docs/personalization.md): it reads the entry and the
 * View-as parameters from its URL, asks the content API for the entry with them as headers,
 * and shows the headlines the visitor would get.
 */
const startPreviewSite = () =>
  new Promise<string>((resolve) => {
    site = http.createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://site');
      if (url.pathname !== '/preview') return void res.writeHead(404).end();
      previewRequests.push(url);
      const headers: Record<string, string> = { Authorization: `Bearer ${apiToken}` };
      const segments = url.searchParams.get('segments');
      const variant = url.searchParams.get('abVariant');
      if (segments) headers['X-Segments'] = segments;
      if (variant) headers['X-AB-Variant'] = variant;
      const entry = await fetch(
        `${baseUrl}/api/promos/${url.searchParams.get('documentId')}?populate=*`,
        { headers }
      ).then((r) => r.json() as Promise<{ data: { blocks: { headline?: string }[] } }>);
      const headlines = entry.data.blocks.map((b) => b.headline).filter(Boolean);
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<h1>Site preview</h1><ul>${headlines.map((h) => `<li>${h}</li>`).join('')}</ul>`);
    });
    site.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(site.address() as AddressInfo).port}`)
    );
  });

const choose = async (page: Page, label: string, option: string) => {
  await page.getByRole('combobox', { name: label, exact: true }).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

describe('personalized content in the Content Manager', () => {
  before(async () => {
    // The playground's preview handler (config/admin.ts) points at PREVIEW_URL.
    process.env.PREVIEW_URL = await startPreviewSite();
    strapi = await bootStrapi();
    baseUrl = await listenOnFreePort(strapi);
    apiToken = (
      await strapi
        .service('admin::api-token')
        .create({ name: 'preview site', type: 'read-only', lifespan: null })
    ).accessKey;
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
    site?.close();
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
    // Editor words: nothing about request headers, and no A/B variant on an entry in no test.
    const panelText = await page.locator('body').innerText();
    assert.doesNotMatch(panelText, /X-Segments|X-AB-Variant|headers/i);
    assert.equal(await page.getByRole('combobox', { name: 'A/B test variant' }).count(), 0);

    // Strapi's preview URL of the entry, opened in a new tab as a VIP: the site's preview route
    // gets the segment on its URL and the VIP hero from the content API.
    const open = page.getByRole('link', { name: 'Preview as visitor' });
    await page.getByText('Opens your site in a new tab as VIP members see it').waitFor();
    const href = new URL((await open.getAttribute('href'))!);
    assert.equal(href.origin, process.env.PREVIEW_URL);
    assert.equal(href.searchParams.get('documentId'), documentId);
    assert.equal(href.searchParams.get('segments'), 'vip-members');
    assert.equal(href.searchParams.get('abVariant'), 'A');
    const [tab] = await Promise.all([page.context().waitForEvent('page'), open.click()]);
    await tab.getByText('Welcome back, VIP').waitFor();
    assert.equal(await tab.getByText('Hello visitor').count(), 0);
    assert.equal(previewRequests.at(-1)?.searchParams.get('segments'), 'vip-members');
    await tab.close();

    // The entry's own Audience field: pick the segment and save.
    await choose(page, 'audience', 'VIP members (vip-members)');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved document').first().waitFor();
    const stored = await strapi.db.query(PROMO).findOne({ where: { documentId } });
    assert.equal(stored.audience, '{"segment":"vip-members","abTest":null,"variant":null}');
    await page.getByText('Shown to this audience').waitFor();
    await choose(page, 'Visitor in segment', 'All other users');
    await page.getByText('Not shown to this audience').waitFor();
    await page.getByText('as All other users see it', { exact: false }).waitFor();
    const everyone = page.getByRole('link', { name: 'Preview as visitor' });
    const plain = new URL((await everyone.getAttribute('href'))!);
    assert.equal(plain.searchParams.get('segments'), null);
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
    // Now the entry is in a test, View as offers its variants.
    await page.reload();
    await choose(page, 'A/B test variant', 'Variant B');
    const open = page.getByRole('link', { name: 'Preview as visitor' });
    const href = new URL((await open.getAttribute('href'))!);
    assert.equal(href.searchParams.get('abVariant'), 'B');
  });

  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    const { width, height } = VIEWPORTS[viewport];
    it(`the View as panel fits the side panel at ${width}×${height}`, async () => {
      const page = await newAdminPage(browser, { viewport });
      await logIn(page, baseUrl, SUPER_ADMIN_EMAIL, PASSWORD);
      await dismissStrapiBanners(page);
      await page.goto(`${baseUrl}/admin/content-manager/collection-types/${PROMO}/${documentId}`);
      const visitor = page.getByRole('combobox', { name: 'Visitor in segment', exact: true });
      await visitor.waitFor({ state: 'attached' });
      if (viewport === 'narrow') {
        // Below 1080 px the Content Manager keeps its side panels in a drawer at the bottom.
        await page.getByRole('button', { name: 'Open more actions' }).click();
      }
      await scrollToMiddle(visitor);
      await assertReachable(visitor, 'Visitor in segment');
      await choose(page, 'Visitor in segment', 'VIP members');
      const open = page.getByRole('link', { name: 'Preview as visitor' });
      await scrollToMiddle(open);
      await assertReachable(open, 'Preview as visitor');
      await assertTextFits(open, 'Preview as visitor');
      await assertNoSidewaysScroll(page, 'Content Manager edit view');
      await saveScreenshot(
        page,
        viewport === 'wide' ? 'personalization-view-as' : `personalization-view-as-${viewport}`
      );
      await page.context().close();
    });
  }
});

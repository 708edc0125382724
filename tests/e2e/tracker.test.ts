import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import type { Browser } from 'playwright-core';
import { TABLE } from '../../contracts/constants';
import { knexOf } from '../../server/src/database/knex';
import { userHashOf } from '../../server/src/tracking/user-hash';
import { launchBrowser } from '../helpers/browser';
import { bootStrapi, stopStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
let browser: Browser;
let site: http.Server;
let strapiUrl: string;
let siteUrl: string;

const listen = (server: http.Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
    )
  );

describe('the tracking snippet in a real browser', () => {
  before(async () => {
    strapi = await bootStrapi();
    strapiUrl = await listen(strapi.server.httpServer);
    // A web app on another origin that embeds the snippet with one script tag.
    site = http.createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/html');
      res.end(`<!doctype html><html><head><script src="${strapiUrl}/api/segments/tracker.js" async></script></head>
        <body><h1>Shop</h1><article data-segments-item="api::article.article:doc123">An article</article></body></html>`);
    });
    siteUrl = await listen(site);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    site?.close();
    await stopStrapi(strapi);
  });

  it('sends a PageVisit with the UTM tags, a View of the marked item, SPA route changes, and a verified identify, to the Strapi it was loaded from', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl}/landing?utm_source=newsletter&utm_campaign=spring`);
    await page.waitForFunction(() =>
      Boolean((window as unknown as { segments?: unknown }).segments)
    );
    await page.evaluate(() => history.pushState({}, '', '/products'));
    await page.evaluate(() =>
      (
        window as unknown as {
          segments: { track: (t: string, d: object) => void; flush: () => void };
        }
      ).segments.track('Click', { metadata: { button: 'buy' } })
    );
    await page.evaluate(() =>
      (window as unknown as { segments: { flush: () => void } }).segments.flush()
    );
    const visitorId = await page.evaluate(
      () => (window as unknown as { segments: { visitorId: string } }).segments.visitorId
    );
    const cookie = (await page.context().cookies()).find((c) => c.name === 'segments_vid');
    assert.equal(cookie?.value, visitorId, 'the visitor id lives in a first-party cookie');

    const knex = knexOf(strapi);
    let events: Record<string, any>[] = [];
    for (let i = 0; i < 100 && events.length < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      events = await knex(`${TABLE.events} as e`)
        .join(`${TABLE.visitorIds} as v`, 'v.customer_id', 'e.customer_id')
        .where('v.visitor_id', visitorId)
        .select('e.*')
        .orderBy('e.id');
    }
    const byType = (type: string) => events.filter((e) => e.type === type);
    assert.equal(byType('PageVisit').length, 2, 'the landing page and the route change');
    assert.equal(byType('PageVisit')[0].utm_source, 'newsletter');
    assert.equal(byType('PageVisit')[0].utm_campaign, 'spring');
    assert.match(byType('PageVisit')[1].url, /\/products$/);
    assert.deepEqual(
      [byType('View')[0]?.item_uid, byType('View')[0]?.item_document_id],
      ['api::article.article', 'doc123']
    );
    assert.equal(byType('Click').length, 1);

    // Identify with the userHash a site's server would render into the page.
    const secret = 'e2e-identity-secret-value';
    strapi.config.set('plugin::segments.identityVerification', { secret, mode: 'required' });
    const userHash = userHashOf(secret, 'shopper@example.com');
    await page.evaluate(
      (hash) =>
        (
          window as unknown as {
            segments: { identify: (e: string, f: object) => Promise<unknown> };
          }
        ).segments.identify('Shopper@example.com', { userHash: hash, firstName: 'Sally' }),
      userHash
    );
    let owner: Record<string, any> | undefined;
    for (let i = 0; i < 100 && !owner; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      owner = await knex(`${TABLE.emails} as e`)
        .join(`${TABLE.visitorIds} as v`, 'v.customer_id', 'e.customer_id')
        .where({ 'e.normalized': 'shopper@example.com', 'v.visitor_id': visitorId })
        .first('e.customer_id');
    }
    assert.ok(owner, 'the visitor id names the customer with the identified email');
  });
});

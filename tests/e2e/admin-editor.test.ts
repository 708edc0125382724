import assert from 'node:assert/strict';
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
  pluginPage,
  saveScreenshot,
  type ViewportName,
} from '../helpers/browser';
import { dismissStrapiBanners } from '../helpers/banners';
import { scrollToMiddle, scrollToTop } from '../helpers/layout';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { PASSWORD, SUPER_ADMIN_EMAIL, superAdmin, type AdminClient } from '../helpers/users';

let strapi: Core.Strapi;
let browser: Browser;
let baseUrl: string;
let api: AdminClient;
let abTest: string;
/** Per viewport, the two "Maria de Vries" profiles: each run merges its own pair. */
const marias: Record<string, { main: string; other: string }> = {};

/**
 * The editor's day beyond the customer list: likely duplicates in the merge dialog, retention's
 * exemptions chosen from what exists, and an A/B test that has no visitors yet; at both screen
 * sizes, with the primary actions on screen and no page scrolling sideways.
 */
describe('merge suggestions, retention pickers and early A/B results', () => {
  before(async () => {
    strapi = await bootStrapi();
    baseUrl = await listenOnFreePort(strapi);
    api = await superAdmin(strapi);
    for (const name of Object.keys(VIEWPORTS)) {
      const create = async (body: object) =>
        (await api.post('/segments/customers', body).expect(201)).body.data.documentId as string;
      marias[name] = {
        main: await create({
          firstName: 'Maria',
          lastName: 'de Vries',
          emails: [`maria.de.vries.${name}@gmail.com`],
          tags: ['vip'],
          terms: [{ termId: 'privacy-2024', givenAt: '2024-01-01' }],
        }),
        other: await create({
          firstName: 'maria',
          lastName: 'De Vries',
          emails: [`MariaDeVries${name}+news@hotmail.nl`],
          city: 'Utrecht',
        }),
      };
    }
    await api
      .post('/segments/segments', { name: 'Loyal members', segmentId: 'loyal', kind: 'external' })
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
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await stopStrapi(strapi);
  });

  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    describe(`at ${VIEWPORTS[viewport].width}×${VIEWPORTS[viewport].height}`, () => {
      let page: Page;
      before(async () => {
        page = await newAdminPage(browser, { viewport });
        await logIn(page, baseUrl, SUPER_ADMIN_EMAIL, PASSWORD);
        await dismissStrapiBanners(page);
      });
      after(() => page.context().close());
      const shot = (name: string) =>
        saveScreenshot(page, viewport === 'wide' ? name : `${name}-${viewport}`);

      it('suggests the other Maria de Vries and says which one was merged into which', async () => {
        const { main } = marias[viewport];
        await page.goto(pluginPage(baseUrl, `customers/${main}`));
        const open = page.getByRole('button', { name: 'Merge', exact: true });
        // At 1024 px the profile's actions sit below its details: scrolled to, then reachable.
        await scrollToMiddle(open);
        await assertReachable(open, 'Merge');
        await open.click();
        const dialog = page.getByRole('dialog');
        await dialog.getByText('Same name and a similar email').waitFor();
        await dialog.getByText(`MariaDeVries${viewport}+news@hotmail.nl`).waitFor();
        await shot('merge-suggestions');
        await dialog.getByRole('button', { name: 'Choose maria De Vries to merge' }).click();
        const confirm = dialog.getByRole('button', { name: /^Merge and delete/ });
        await scrollToMiddle(confirm);
        await assertReachable(confirm, 'Merge and delete');
        await assertNoSidewaysScroll(page, 'merge dialog');
        await confirm.click();
        await page
          .getByText(
            `maria De Vries (MariaDeVries${viewport}+news@hotmail.nl) was merged into ` +
              `Maria de Vries (maria.de.vries.${viewport}@gmail.com)`
          )
          .waitFor();
      });

      it('retention keeps customers chosen from the tags, terms and segments that exist', async () => {
        await page.goto(`${baseUrl}/admin/settings/segments/data-retention`);
        await page.getByRole('heading', { name: 'Data retention' }).waitFor();
        const pick = async (label: string, option: string) => {
          const box = page.getByRole('combobox', { name: label });
          await scrollToMiddle(box);
          await box.click();
          await page.getByRole('option', { name: option, exact: true }).click();
        };
        await pick('Keep customers who gave these terms', 'privacy-2024');
        await pick('Keep customers with these tags', 'vip');
        await pick('Keep customers in these segments', 'Loyal members');
        // Only what exists is offered: typing an unknown tag finds nothing to choose.
        await page.getByRole('combobox', { name: 'Keep customers with these tags' }).click();
        await page.keyboard.type('nope');
        await page.getByText('No customer has a tag that matches').waitFor();
        await page.keyboard.press('Escape');
        await page.getByRole('listbox').waitFor({ state: 'detached' });
        await assertNoSidewaysScroll(page, 'data retention');
        await shot('retention-pickers');
        const save = page.getByRole('button', { name: 'Save' });
        await scrollToTop(save);
        await assertReachable(save, 'Save');
        await save.click();
        await page.getByText('Data retention saved').waitFor();
        const stored = (await api.get('/segments/retention').expect(200)).body.data.settings;
        assert.deepEqual(
          [stored.exemptTerms, stored.exemptTags, stored.exemptSegments],
          [['privacy-2024'], ['vip'], ['loyal']]
        );
        await api
          .put('/segments/retention', {
            ...stored,
            exemptTerms: [],
            exemptTags: [],
            exemptSegments: [],
          })
          .expect(200);
      });

      it('an A/B test without visitors says there is nothing to judge yet', async () => {
        await page.goto(pluginPage(baseUrl, `ab-tests/${abTest}`));
        await page.getByText('Nothing to judge yet').waitFor();
        await page.getByText('No visitor has seen variant A or B yet', { exact: false }).waitFor();
        const main = await page.locator('main').innerText();
        assert.doesNotMatch(main, /50(\.0)?\s?%/, 'no probability computed from nothing');
        assert.doesNotMatch(main, /2[.,]5\s?%|97[.,]5\s?%/, 'no interval computed from nothing');
        await assertReachable(page.getByRole('button', { name: 'Stop test' }), 'Stop test');
        await assertNoSidewaysScroll(page, 'A/B results');
        await shot('ab-test-no-results');
      });
    });
  }
});

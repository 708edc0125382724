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
  unlabelledControls,
  type ViewportName,
} from '../helpers/browser';
import { addEvents, customerIdOf } from '../helpers/data';
import { dismissStrapiBanners } from '../helpers/banners';
import { assertTextFits, scrollToMiddle, scrollToTop } from '../helpers/layout';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { PASSWORD, SUPER_ADMIN_EMAIL, superAdmin } from '../helpers/users';

let strapi: Core.Strapi;
let browser: Browser;
let baseUrl: string;

/** Picks an option of the design system's select labelled `label`. */
const choose = async (page: Page, label: string, option: string) => {
  await page.getByRole('combobox', { name: label }).last().click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

describe('building a segment in the admin', () => {
  before(async () => {
    strapi = await bootStrapi();
    baseUrl = await listenOnFreePort(strapi);
    const api = await superAdmin(strapi);
    const people = [
      ['Ada', 'Buyer', 'Amsterdam', 2],
      ['Bob', 'Browser', 'Amsterdam', 0],
      ['Cem', 'Faraway', 'Rotterdam', 1],
    ] as const;
    for (const [firstName, lastName, city, conversions] of people) {
      const res = await api.post('/segments/customers', { firstName, lastName, city }).expect(201);
      const id = await customerIdOf(strapi, res.body.data.documentId);
      const yesterday = new Date(Date.now() - 86_400_000);
      if (conversions === 0) continue;
      await addEvents(
        strapi,
        id,
        Array.from({ length: conversions }, () => ({ type: 'Conversion', occurredAt: yesterday }))
      );
    }
    // An external segment: its members come from a CRM.
    await api
      .post('/segments/segments', { name: 'CRM members', segmentId: 'crm', kind: 'external' })
      .expect(201);
    // Another segment, so the list has two sizes to compare.
    await api
      .post('/segments/segments', {
        name: 'Everyone in Amsterdam',
        kind: 'rule',
        rules: {
          kind: 'group',
          op: 'and',
          children: [{ kind: 'field', field: 'city', operator: 'equals', value: 'Amsterdam' }],
        },
      })
      .expect(201);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await stopStrapi(strapi);
  });

  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    const { width, height } = VIEWPORTS[viewport];
    const name = `Amsterdam buyers ${width}`;
    const shot = (page: Page, file: string) =>
      saveScreenshot(page, viewport === 'wide' ? file : `${file}-${viewport}`);

    it(`a characteristic and an event condition narrow the live count; the saved segment lists its member (${width}×${height})`, async () => {
      const page = await newAdminPage(browser, { viewport });
      await logIn(page, baseUrl, SUPER_ADMIN_EMAIL, PASSWORD);
      await dismissStrapiBanners(page);
      await page.goto(pluginPage(baseUrl, 'segments'));
      const create = page.getByRole('link', { name: 'Create segment' }).first();
      await assertReachable(create, 'Create segment');
      await assertNoSidewaysScroll(page, 'segment list');
      await create.click();
      await page.getByLabel('Name', { exact: true }).fill(name);

      await choose(page, 'Characteristic', 'City');
      await page.getByLabel('Value', { exact: true }).fill('Amsterdam');
      const preview = page.getByRole('complementary', { name: 'Live preview' });
      await preview.getByText('2 customers match').waitFor();

      // The condition menu works from the keyboard: open, move to "Event", choose.
      await page.getByRole('button', { name: 'Add condition' }).focus();
      await page.keyboard.press('Enter');
      const focused = (text: string) =>
        page.waitForFunction(
          (t) =>
            document.activeElement?.getAttribute('role') === 'menuitem' &&
            document.activeElement.textContent === t,
          text
        );
      await focused('Characteristic');
      await page.keyboard.press('ArrowDown');
      await focused('Event');
      await page.keyboard.press('Enter');
      await choose(page, 'Event type', 'Conversion');
      await preview.getByText('1 customer matches').waitFor();
      // The window reads as a sentence: "in the last 30 days", then the days can be changed.
      await choose(page, 'When', 'in the last 30 days');
      await page.getByRole('combobox', { name: 'When' }).getByText('in the last 30 days').waitFor();
      const days = page.getByRole('textbox', { name: 'Number of days' });
      assert.equal(await days.inputValue(), '30');
      await days.fill('7');
      await page.getByRole('combobox', { name: 'When' }).getByText('in the last 7 days').waitFor();
      await assertTextFits(page.getByRole('combobox', { name: 'When' }), 'When');
      await preview.getByText('1 customer matches').waitFor();
      await assertNoSidewaysScroll(page, 'segment builder');
      assert.deepEqual(
        await unlabelledControls(page),
        [],
        'every control of the builder has a name'
      );
      await shot(page, 'segment-builder');

      const save = page.getByRole('button', { name: 'Save segment' }).first();
      await scrollToTop(save);
      await assertReachable(save, 'Save segment');
      await save.click();
      await page.getByText(`Segment ${name} created`).waitFor();
      await page.getByRole('heading', { name }).waitFor();
      await page.getByRole('tab', { name: 'Members' }).click();
      await page.getByText('1 member', { exact: true }).first().waitFor({ timeout: 30_000 });
      const members = page.getByRole('tabpanel');
      await members.getByText('Ada Buyer').waitFor();
      assert.equal(await members.getByText('Bob Browser').count(), 0);
      assert.equal(await members.getByText('Cem Faraway').count(), 0);
      await shot(page, 'segment-members');

      await page.getByRole('tab', { name: 'Size over time' }).click();
      await page.getByRole('img', { name: /^Segment size over time/ }).waitFor();
      const figures = page.getByRole('table', { name: 'Segment size over time' });
      assert.deepEqual(await figures.locator('tbody td').allInnerTexts(), ['1']);
      await shot(page, 'segment-size');

      await page.goto(pluginPage(baseUrl, 'segments'));
      const sizes = await Promise.all(
        [name, 'Everyone in Amsterdam'].map((row) =>
          page
            .getByRole('row', { name: new RegExp(row) })
            .getByText(/^\d+$/)
            .innerText()
        )
      );
      assert.deepEqual(sizes, ['1', '2']);
      await assertNoSidewaysScroll(page, 'segment list');
      await shot(page, 'segments-list');
      await page.context().close();
    });

    it(`an external segment says in plain words where its members come from, with a copy button (${width}×${height})`, async () => {
      const page = await newAdminPage(browser, { viewport });
      await logIn(page, baseUrl, SUPER_ADMIN_EMAIL, PASSWORD);
      await dismissStrapiBanners(page);
      await page.goto(pluginPage(baseUrl, 'segments'));
      // Never pushed: the list does not claim 0 members.
      const row = page.getByRole('row', { name: /CRM members/ });
      await row.getByText('No members pushed yet').first().waitFor();
      assert.doesNotMatch(await row.innerText(), /(^|\s)0(\s|$)/, 'no member count of 0');
      await row.getByRole('link', { name: 'CRM members' }).click();
      await page.getByText('your CRM or CDP adds and removes its members').waitFor();
      const copy = page.getByRole('button', { name: 'Copy address' });
      await scrollToMiddle(copy);
      await assertReachable(copy, 'Copy address');
      const address = await page
        .getByRole('textbox', { name: 'Address to send members to' })
        .inputValue();
      assert.match(address, /^http:\/\/127\.0\.0\.1:\d+\/segments\/segments\/\w+\/members$/);
      // The raw request is there for developers, folded away.
      assert.equal(await page.getByText('Authorization: Bearer').isVisible(), false);
      await assertNoSidewaysScroll(page, 'external segment');
      await shot(page, 'segment-external');
      await page.context().close();
    });
  }
});

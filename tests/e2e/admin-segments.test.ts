import assert from 'node:assert/strict';
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
import { addEvents, customerIdOf } from '../helpers/data';
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

  it('a characteristic and an event condition narrow the live count; the saved segment lists its member', async () => {
    const page = await newAdminPage(browser);
    await logIn(page, baseUrl, SUPER_ADMIN_EMAIL, PASSWORD);
    await page.goto(pluginPage(baseUrl, 'segments'));
    await page.getByRole('link', { name: 'Create segment' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill('Amsterdam buyers');

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
    assert.deepEqual(await unlabelledControls(page), [], 'every control of the builder has a name');
    await saveScreenshot(page, 'segment-builder');

    await page.getByRole('button', { name: 'Save segment' }).first().click();
    await page.getByText(/Segment Amsterdam buyers created/).waitFor();
    await page.getByRole('heading', { name: 'Amsterdam buyers' }).waitFor();
    await page.getByRole('tab', { name: 'Members' }).click();
    await page.getByText('1 member', { exact: true }).first().waitFor({ timeout: 30_000 });
    const members = page.getByRole('tabpanel');
    await members.getByText('Ada Buyer').waitFor();
    assert.equal(await members.getByText('Bob Browser').count(), 0);
    assert.equal(await members.getByText('Cem Faraway').count(), 0);
    await saveScreenshot(page, 'segment-members');

    await page.getByRole('tab', { name: 'Size over time' }).click();
    await page.getByRole('img', { name: /^Segment size over time/ }).waitFor();
    const figures = page.getByRole('table', { name: 'Segment size over time' });
    assert.deepEqual(await figures.locator('tbody td').allInnerTexts(), ['1']);
    await saveScreenshot(page, 'segment-size');

    await page.goto(pluginPage(baseUrl, 'segments'));
    const sizes = await Promise.all(
      ['Amsterdam buyers', 'Everyone in Amsterdam'].map((name) =>
        page
          .getByRole('row', { name: new RegExp(name) })
          .getByText(/^\d+$/)
          .innerText()
      )
    );
    assert.deepEqual(sizes, ['1', '2']);
    await saveScreenshot(page, 'segments-list');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import type { Browser, Locator, Page } from 'playwright-core';
import { TABLE } from '../../contracts/constants';
import { knexOf } from '../../server/src/database/knex';
import {
  assertNoSidewaysScroll,
  assertReachable,
  launchBrowser,
  listenOnFreePort,
  logIn,
  newAdminPage,
  pluginPage,
  saveScreenshot,
  unlabelledControls,
  VIEWPORTS,
  type ViewportName,
} from '../helpers/browser';
import { addSegmentWithMembers, customerIdOf } from '../helpers/data';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { PASSWORD, SUPER_ADMIN_EMAIL, superAdmin, type AdminClient } from '../helpers/users';

let strapi: Core.Strapi;
let browser: Browser;
let baseUrl: string;
let api: AdminClient;
const ARTICLE_TITLE = 'Ten tips for driving electric';
const ARTICLE_URL = 'https://shop.example.com/blog/ten-tips-for-driving-electric?utm_source=mail';
let annaId: string;

/** Scrolled into view if need be, then inside the viewport and clickable. */
const reachable = async (locator: Locator, what: string) => {
  await locator.scrollIntoViewIfNeeded();
  await assertReachable(locator, what);
};

/** The text the country combobox shows (its input's value). */
const countryShown = (scope: Page | Locator) => scope.getByRole('combobox', { name: 'Country' });

describe('the customer pages in the admin', () => {
  before(async () => {
    strapi = await bootStrapi();
    baseUrl = await listenOnFreePort(strapi);
    api = await superAdmin(strapi);
    // Wide enough values to make a careless table scroll sideways: long emails, two segments.
    const ids: number[] = [];
    for (let i = 1; i <= 6; i++) {
      const { body } = await api
        .post('/segments/customers', {
          firstName: `Alexandrina-Josephine ${i}`,
          lastName: 'van der Westhuizen-Oosterhout',
          emails: [
            `alexandrina.josephine.westhuizen.oosterhout.${i}@long-company-name.example.com`,
          ],
          phones: [`+3161234567${i}`],
          city: "'s-Hertogenbosch",
          country: 'Netherlands',
        })
        .expect(201);
      ids.push(await customerIdOf(strapi, body.data.documentId));
    }
    await addSegmentWithMembers(strapi, 'frequent-buyers-of-electric-cars', ids);
    await addSegmentWithMembers(strapi, 'newsletter-subscribers-2024', ids);
    const anna = await api
      .post('/segments/customers', {
        firstName: 'Anna',
        lastName: 'Bakker',
        emails: ['anna@example.com'],
        gender: 'F',
        country: 'Belgium',
      })
      .expect(201);
    annaId = anna.body.data.documentId;
    // Anna read an article: the timeline names it by its title, not by its URL.
    const article = await strapi
      .documents('api::article.article')
      .create({ data: { title: ARTICLE_TITLE }, status: 'published' });
    const now = new Date();
    const annaRow = await customerIdOf(strapi, annaId);
    await knexOf(strapi)(TABLE.customers).where('id', annaRow).update({ last_activity_at: now });
    await knexOf(strapi)(TABLE.events).insert({
      document_id: `evt${Date.now()}`,
      customer_id: annaRow,
      type: 'view',
      item_uid: 'api::article.article',
      item_document_id: article.documentId,
      url: ARTICLE_URL,
      occurred_at: now,
      created_at: now,
      updated_at: now,
    });
    await api
      .post('/segments/customers', {
        firstName: 'Jan',
        lastName: 'Jansen',
        emails: ['jan@example.com'],
      })
      .expect(201);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await stopStrapi(strapi);
  });

  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    describe(`at ${VIEWPORTS[viewport].width}x${VIEWPORTS[viewport].height}`, () => {
      let page: Page;
      // One person per screen size, so the two runs do not find each other.
      const person = { first: 'Maria', last: viewport === 'wide' ? 'de Vries' : 'de Wit' };
      const full = `${person.first} ${person.last}`;
      const email = `maria.${viewport}@example.com`;

      before(async () => {
        page = await newAdminPage(browser, { viewport });
        await logIn(page, baseUrl, SUPER_ADMIN_EMAIL, PASSWORD);
      });
      after(() => page.context().close());

      it('the list fits: its actions and every row menu are in view, no sideways scrolling', async () => {
        await page.goto(pluginPage(baseUrl, 'customers'));
        await page.getByRole('link', { name: /Anna Bakker/ }).waitFor();
        await assertNoSidewaysScroll(page, 'customer list');
        // Every column of the default choice is in view: none cut off at the table's right edge.
        const headers = page.locator('thead').getByRole('gridcell');
        for (let i = 0; i < (await headers.count()); i++) {
          const header = headers.nth(i);
          await assertReachable(header, `column ${(await header.innerText()) || i + 1}`);
        }
        const menus = page.getByRole('button', { name: /^Actions for / });
        for (let i = 0; i < (await menus.count()); i++) {
          await reachable(menus.nth(i), `row menu ${i + 1}`);
        }
        // The header's actions, from the top of the page.
        await page.reload();
        await page.getByRole('link', { name: /Anna Bakker/ }).waitFor();
        for (const [name, role] of [
          ['Add customer', 'link'],
          ['Export', 'button'],
          ['Import customers', 'button'],
          ['Filters', 'button'],
          ['Choose columns', 'button'],
        ] as const) {
          await assertReachable(page.getByRole(role, { name }).first(), name);
        }
        assert.deepEqual(
          await unlabelledControls(page),
          [],
          'every control of the list has a name'
        );
        await saveScreenshot(page, `customer-list-${viewport}`);
      });

      it('chosen columns are shown and kept after a reload; the row menu stays in view', async () => {
        await page.goto(pluginPage(baseUrl, 'customers'));
        await page.getByRole('button', { name: 'Choose columns' }).click();
        const picker = page.getByRole('dialog');
        for (const column of ['City', 'Phone', 'Added']) {
          await picker.getByRole('checkbox', { name: column }).click();
        }
        await page.keyboard.press('Escape');
        // The design system's table is a grid: its headers are grid cells.
        const header = (name: string) => page.locator('thead').getByRole('gridcell', { name });
        await header('City').waitFor();
        await page.reload();
        await page.getByRole('link', { name: /Anna Bakker/ }).waitFor();
        await header('City').waitFor();
        await header('Phone').waitFor();
        await reachable(
          page.getByRole('button', { name: /^Actions for / }).first(),
          'row menu with every column'
        );
        await assertNoSidewaysScroll(page, 'customer list with every column');
        await page.getByRole('button', { name: 'Choose columns' }).click();
        await page.getByRole('dialog').getByRole('button', { name: 'Reset' }).click();
        await page.keyboard.press('Escape');
        await header('City').waitFor({ state: 'detached' });
      });

      it('"Latest activity" sorts newest first on the first click', async () => {
        await page.goto(pluginPage(baseUrl, 'customers'));
        await page.getByRole('button', { name: 'Sort by Latest activity' }).click();
        await page.waitForURL(/sort=lastActivityAt%3Adesc|sort=lastActivityAt:desc/);
        await page
          .getByRole('link', { name: /Anna Bakker/ })
          .first()
          .waitFor();
        const first = page.getByRole('row').nth(1);
        assert.match(await first.innerText(), /Anna Bakker/, 'the only customer with activity');
      });

      it('the Filters popover fits the screen; reopened, it shows the chosen country', async () => {
        await page.goto(pluginPage(baseUrl, 'customers'));
        await page.getByRole('button', { name: 'Filters' }).click();
        const form = page.getByRole('form', { name: 'Filter customers' });
        await reachable(form.getByRole('button', { name: 'Apply' }), 'Apply');
        await reachable(form.getByRole('button', { name: 'Reset' }), 'Reset');
        const country = countryShown(form);
        await country.click();
        await country.pressSequentially('Belg');
        await page.getByRole('option', { name: 'Belgium' }).click();
        await saveScreenshot(page, `customer-filters-${viewport}`);
        await form.getByRole('button', { name: 'Apply' }).click();
        await page.getByText('Country: Belgium').waitFor();
        await page.getByRole('link', { name: /Anna Bakker/ }).waitFor();
        await page.getByRole('button', { name: 'Filters (1)' }).click();
        assert.equal(await countryShown(page.getByRole('form')).inputValue(), 'Belgium');
        await page.keyboard.press('Escape');
      });

      it('the edit form shows the stored country and gender, and saves', async () => {
        await page.goto(pluginPage(baseUrl, `customers/${annaId}/edit`));
        await page.getByLabel('First name').waitFor();
        await page.waitForFunction(
          () => (document.querySelector('input[name="firstName"]') as HTMLInputElement)?.value
        );
        assert.equal(await countryShown(page).inputValue(), 'Belgium');
        assert.match(await page.getByRole('combobox', { name: 'Gender' }).innerText(), /Female/);
        await assertNoSidewaysScroll(page, 'edit form');
        await assertReachable(page.getByRole('button', { name: 'Save' }).first(), 'Save');
        await saveScreenshot(page, `customer-edit-${viewport}`);
      });

      it('a new customer: an invalid email is refused, a valid one saves; the search finds the profile', async () => {
        await page.goto(pluginPage(baseUrl, 'customers'));
        await page.getByRole('link', { name: 'Add customer' }).first().click();
        await page.getByLabel('First name').waitFor();
        const [headerSave, footerSave] = [
          page.getByRole('button', { name: 'Save' }).first(),
          page.getByRole('button', { name: 'Save' }).last(),
        ];
        await assertReachable(headerSave, 'Save in the header');
        await page.getByLabel('First name').fill(person.first);
        await page.getByLabel('Last name').fill(person.last);
        await page.getByLabel('Email 1').fill('maria-at-example.com');
        await assertNoSidewaysScroll(page, 'new customer form');
        // Scrolled down to the emails: at 1024 px the admin's top bar covers the header's copy
        // that follows the page, so the form ends with Save too.
        await reachable(footerSave, 'Save at the end of the form');
        await footerSave.click();
        await page
          .getByText(/valid email/i)
          .first()
          .waitFor();
        assert.match(page.url(), /customers\/new$/, 'the form stays open');

        await page.getByLabel('Email 1').fill(email);
        await footerSave.click();
        await page.getByText('Customer added').first().waitFor();
        await page.waitForURL(/customers\/(?!new)[a-z0-9]+$/);

        await page.goto(pluginPage(baseUrl, 'customers'));
        await page.getByLabel('Search customers').fill(full.toLowerCase());
        await page.keyboard.press('Enter');
        await page.getByText('1 customer', { exact: true }).waitFor();
        assert.equal(await page.getByRole('link', { name: /Jan Jansen/ }).count(), 0);
        await page
          .getByRole('link', { name: new RegExp(full) })
          .first()
          .click();
        await page.getByRole('heading', { name: full }).waitFor();
        await page.getByText(email).first().waitFor();
      });

      it('the profile: Edit and the side panel are reachable; the timeline names the article', async () => {
        await page.goto(pluginPage(baseUrl, `customers/${annaId}`));
        await page.getByRole('heading', { name: 'Anna Bakker' }).waitFor();
        await assertReachable(page.getByRole('link', { name: 'Edit' }), 'Edit');
        for (const name of ['Merge', 'GDPR export', 'Anonymize', 'Delete customer']) {
          await reachable(page.getByRole('button', { name, exact: true }), name);
        }
        await page.getByRole('link', { name: new RegExp(ARTICLE_TITLE) }).waitFor();
        assert.equal(
          await page.getByText(ARTICLE_URL).count(),
          0,
          'no URL where the title is known'
        );
        await assertNoSidewaysScroll(page, 'profile');
        await saveScreenshot(
          page,
          viewport === 'wide' ? 'customer-profile' : `customer-profile-${viewport}`
        );
      });
    });
  }
});

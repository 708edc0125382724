import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import type { Browser } from 'playwright-core';
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

describe('adding and finding a customer in the admin', () => {
  before(async () => {
    strapi = await bootStrapi();
    baseUrl = await listenOnFreePort(strapi);
    const api = await superAdmin(strapi);
    // Someone else with a similar name, so the search has something to leave out.
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

  it('an invalid email is refused with a message, a valid one saves; the search by full name finds the profile', async () => {
    const page = await newAdminPage(browser);
    await logIn(page, baseUrl, SUPER_ADMIN_EMAIL, PASSWORD);

    await page.goto(pluginPage(baseUrl, 'customers'));
    await page.getByRole('link', { name: 'Add customer' }).first().click();
    await page.getByLabel('First name').fill('Maria');
    await page.getByLabel('Last name').fill('de Vries');
    await page.getByLabel('Email 1').fill('maria-at-example.com');
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByText(/valid email/i)
      .first()
      .waitFor();
    assert.match(page.url(), /customers\/new$/, 'the form stays open');

    await page.getByLabel('Email 1').fill('maria@example.com');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Customer added').waitFor();
    await page.waitForURL(/customers\/(?!new)[a-z0-9]+$/);

    await page.goto(pluginPage(baseUrl, 'customers'));
    await page.getByText('2 customers').waitFor();
    assert.deepEqual(await unlabelledControls(page), [], 'every control of the list has a name');
    await page.getByLabel('Search customers').fill('maria de vries');
    await page.keyboard.press('Enter');
    await page.getByText('1 customer', { exact: true }).waitFor();
    assert.equal(await page.getByRole('link', { name: /Jan Jansen/ }).count(), 0);

    await page
      .getByRole('link', { name: /Maria de Vries/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Maria de Vries' }).waitFor();
    await page.getByText('maria@example.com').first().waitFor();
    await saveScreenshot(page, 'customer-profile');
  });
});

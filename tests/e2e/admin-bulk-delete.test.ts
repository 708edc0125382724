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
import { createAdminWithPermissions, superAdmin } from '../helpers/users';

let strapi: Core.Strapi;
let browser: Browser;
let baseUrl: string;
const CUSTOMERS = 55; // more than one page of 50

describe('deleting all customers at once in the admin', () => {
  before(async () => {
    strapi = await bootStrapi();
    baseUrl = await listenOnFreePort(strapi);
    const api = await superAdmin(strapi);
    for (let i = 1; i <= CUSTOMERS; i++) {
      await api
        .post('/segments/customers', { firstName: 'Customer', lastName: `Number ${i}` })
        .expect(201);
    }
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await stopStrapi(strapi);
  });

  it('a role without bulk update sees no selection checkboxes and no bulk actions', async () => {
    const user = await createAdminWithPermissions(strapi, ['customers.read', 'customers.delete']);
    const page = await newAdminPage(browser);
    await logIn(page, baseUrl, user.email, user.password);
    await page.goto(pluginPage(baseUrl, 'customers'));
    await page.getByText(`${CUSTOMERS} customers`).waitFor();
    await page
      .getByRole('link', { name: /Customer Number/ })
      .first()
      .waitFor();
    assert.equal(await page.getByRole('checkbox').count(), 0);
    assert.equal(await page.getByRole('button', { name: /^Delete \d+ customers?$/ }).count(), 0);
    await page.context().close();
  });

  it('a role with bulk update selects all customers of every page and deletes them after a confirmation that states the count', async () => {
    const user = await createAdminWithPermissions(strapi, [
      'customers.read',
      'customers.bulk-update',
    ]);
    const page = await newAdminPage(browser);
    await logIn(page, baseUrl, user.email, user.password);
    await page.goto(pluginPage(baseUrl, 'customers'));
    await page.getByText(`${CUSTOMERS} customers`).waitFor();

    await page.getByRole('checkbox', { name: 'Select all customers on this page' }).click();
    await page.getByText('All 50 customers on this page are selected.').waitFor();
    await page.getByRole('button', { name: `Select all ${CUSTOMERS} customers` }).click();
    await page.getByText(`All ${CUSTOMERS} customers are selected.`).waitFor();
    assert.deepEqual(await unlabelledControls(page), [], 'every checkbox and button has a name');
    await page.getByRole('button', { name: `Delete ${CUSTOMERS} customers` }).click();

    const confirm = page.getByRole('alertdialog');
    await confirm.getByText(`Delete all ${CUSTOMERS} customers`).waitFor();
    await saveScreenshot(page, 'bulk-delete-confirm');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.getByText(`${CUSTOMERS} customers deleted`).waitFor();
    await page.getByText(/No customers yet/).waitFor();
    await saveScreenshot(page, 'customers-empty');
    assert.equal(await page.getByRole('checkbox').count(), 0);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import type { Browser } from 'playwright-core';
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
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { createAdminWithPermissions, superAdmin, type AdminClient } from '../helpers/users';

let strapi: Core.Strapi;
let browser: Browser;
let baseUrl: string;
let api: AdminClient;
const CUSTOMERS = 55; // more than one page of 50

const addCustomers = async () => {
  for (let i = 1; i <= CUSTOMERS; i++) {
    await api
      .post('/segments/customers', { firstName: 'Customer', lastName: `Number ${i}` })
      .expect(201);
  }
};

describe('deleting all customers at once in the admin', () => {
  before(async () => {
    strapi = await bootStrapi();
    baseUrl = await listenOnFreePort(strapi);
    api = await superAdmin(strapi);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await stopStrapi(strapi);
  });

  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    describe(`at ${VIEWPORTS[viewport].width}x${VIEWPORTS[viewport].height}`, () => {
      // Each run deletes every customer, so each starts with its own.
      before(addCustomers);

      it('a role without bulk update sees no selection checkboxes and no bulk actions', async () => {
        const user = await createAdminWithPermissions(strapi, [
          'customers.read',
          'customers.delete',
        ]);
        const page = await newAdminPage(browser, { viewport });
        await logIn(page, baseUrl, user.email, user.password);
        await page.goto(pluginPage(baseUrl, 'customers'));
        await page.getByText(`${CUSTOMERS} customers`).waitFor();
        await page
          .getByRole('link', { name: /Customer Number/ })
          .first()
          .waitFor();
        assert.equal(await page.getByRole('checkbox').count(), 0);
        assert.equal(
          await page.getByRole('button', { name: /^Delete \d+ customers?$/ }).count(),
          0
        );
        // Delete one stays reachable from its row menu.
        const menu = page.getByRole('button', { name: /^Actions for / }).first();
        await assertReachable(menu, 'row menu');
        await menu.click();
        await assertReachable(
          page.getByRole('menuitem', { name: 'Delete' }),
          'Delete in the row menu'
        );
        await page.keyboard.press('Escape');
        await assertNoSidewaysScroll(page, 'customer list without bulk actions');
        await page.context().close();
      });

      it('a role with bulk update selects all customers of every page and deletes them after a confirmation that states the count', async () => {
        const user = await createAdminWithPermissions(strapi, [
          'customers.read',
          'customers.bulk-update',
        ]);
        const page = await newAdminPage(browser, { viewport });
        await logIn(page, baseUrl, user.email, user.password);
        await page.goto(pluginPage(baseUrl, 'customers'));
        await page.getByText(`${CUSTOMERS} customers`).waitFor();

        await page.getByRole('checkbox', { name: 'Select all customers on this page' }).click();
        await page.getByText('All 50 customers on this page are selected.').waitFor();
        const selectAll = page.getByRole('button', { name: `Select all ${CUSTOMERS} customers` });
        await assertReachable(selectAll, 'Select all');
        await selectAll.click();
        await page.getByText(`All ${CUSTOMERS} customers are selected.`).waitFor();
        assert.deepEqual(
          await unlabelledControls(page),
          [],
          'every checkbox and button has a name'
        );
        const bulkDelete = page.getByRole('button', { name: `Delete ${CUSTOMERS} customers` });
        await assertReachable(bulkDelete, 'Delete the selected customers');
        await assertNoSidewaysScroll(page, 'customer list with a selection');
        await bulkDelete.click();

        const confirm = page.getByRole('alertdialog');
        await confirm.getByText(`Delete all ${CUSTOMERS} customers`).waitFor();
        await assertReachable(confirm.getByRole('button', { name: 'Delete' }), 'Delete');
        await assertReachable(confirm.getByRole('button', { name: 'Cancel' }), 'Cancel');
        await saveScreenshot(
          page,
          viewport === 'wide' ? 'bulk-delete-confirm' : `bulk-delete-confirm-${viewport}`
        );
        await confirm.getByRole('button', { name: 'Delete' }).click();
        await page.getByText(`${CUSTOMERS} customers deleted`).waitFor();
        await page.getByText(/No customers yet/).waitFor();
        if (viewport === 'wide') await saveScreenshot(page, 'customers-empty');
        assert.equal(await page.getByRole('checkbox').count(), 0);
        await page.context().close();
      });
    });
  }
});

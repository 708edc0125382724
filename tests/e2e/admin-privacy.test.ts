import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import type { Browser, Page } from 'playwright-core';
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
import { PASSWORD, SUPER_ADMIN_EMAIL, superAdmin, type AdminClient } from '../helpers/users';

let strapi: Core.Strapi;
let browser: Browser;
let baseUrl: string;
let api: AdminClient;

const downloadOf = async (page: Page, click: () => Promise<void>) => {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return {
    name: download.suggestedFilename(),
    text: fs.readFileSync((await download.path())!, 'utf8'),
  };
};

/** Remembers every text the page showed that matches `pattern`, however briefly. */
const watchTexts = (page: Page, pattern: string) =>
  page.evaluate((source) => {
    const seen: string[] = [];
    (window as unknown as { textsSeen: string[] }).textsSeen = seen;
    const re = new RegExp(source);
    new MutationObserver(() => {
      const text = document.body.innerText;
      const match = text.match(re);
      if (match) seen.push(match[0]);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }, pattern);
const textsSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { textsSeen: string[] }).textsSeen);

/** The people of one run: each screen size merges, exports and anonymizes its own. */
const peopleOf = (viewport: ViewportName) => {
  const [family, other, third] =
    viewport === 'wide' ? ['Jansen', 'Visser', 'Smit'] : ['Bakker', 'Mulder', 'Bos'];
  const mail = (name: string) => `${name.toLowerCase()}.${viewport}@example.com`;
  return {
    piet: {
      firstName: 'Piet',
      lastName: family,
      emails: [mail('piet')],
      phones: [viewport === 'wide' ? '31612345678' : '31687654321'],
    },
    pieter: {
      firstName: 'Pieter',
      lastName: family,
      emails: [`pieter.${viewport}@work.example`],
      phones: [viewport === 'wide' ? '31612345678' : '31687654321'],
      city: 'Delft',
    },
    klaas: { firstName: 'Klaas', lastName: other, emails: [mail('klaas')] },
    karin: { firstName: 'Karin', lastName: other, emails: [mail('karin')] },
    eva: { firstName: 'Eva', lastName: third, emails: [mail('eva')], city: 'Gouda' },
  };
};

describe('merging, exporting and anonymizing customers in the admin', () => {
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
      const people = peopleOf(viewport);
      const name = (key: keyof typeof people) => `${people[key].firstName} ${people[key].lastName}`;
      const ids: Record<string, string> = {};
      let page: Page;

      before(async () => {
        for (const [key, body] of Object.entries(people)) {
          ids[key] = (await api.post('/segments/customers', body).expect(201)).body.data.documentId;
        }
        page = await newAdminPage(browser, { viewport });
        await logIn(page, baseUrl, SUPER_ADMIN_EMAIL, PASSWORD);
      });
      after(() => page.context().close());

      it('merges a suggested duplicate into a profile, which then holds both emails', async () => {
        await page.goto(pluginPage(baseUrl, `customers/${ids.piet}`));
        const merge = page.getByRole('button', { name: 'Merge' });
        await merge.scrollIntoViewIfNeeded();
        await assertReachable(merge, 'Merge');
        await merge.click();
        const dialog = page.getByRole('dialog');
        await dialog.getByText('Likely duplicates').waitFor();
        await dialog.getByRole('button', { name: `Choose ${name('pieter')} to merge` }).click();
        await dialog.getByText("This can't be undone").waitFor();
        assert.deepEqual(await unlabelledControls(page, '[role="dialog"]'), []);
        const confirm = dialog.getByRole('button', { name: `Merge and delete ${name('pieter')}` });
        await assertReachable(confirm, 'Merge and delete');
        await assertNoSidewaysScroll(page, 'merge dialog');
        await confirm.click();
        await page
          .getByText(new RegExp(`${name('pieter')}.* was merged into ${name('piet')}`))
          .first()
          .waitFor();
        await page.getByText(people.pieter.emails[0]).first().waitFor();
        await api.get(`/segments/customers/${ids.pieter}`).expect(404);
      });

      it('a GDPR export of a profile downloads its data as JSON', async () => {
        await page.goto(pluginPage(baseUrl, `customers/${ids.piet}`));
        const button = page.getByRole('button', { name: 'GDPR export' });
        await button.scrollIntoViewIfNeeded();
        await assertReachable(button, 'GDPR export');
        const file = await downloadOf(page, () => button.click());
        assert.match(file.name, /\.json$/);
        const data = JSON.stringify(JSON.parse(file.text));
        assert.match(data, new RegExp(people.piet.emails[0].replace('.', '\\.')));
        assert.match(
          data,
          new RegExp(people.pieter.emails[0].replace('.', '\\.')),
          'the merged profile is part of it'
        );
      });

      it('exports the customers matching a search: the dialog starts from them and says how many', async () => {
        const other = people.klaas.lastName;
        await page.goto(pluginPage(baseUrl, 'customers'));
        await page.getByLabel('Search customers').fill(other.toLowerCase());
        await page.keyboard.press('Enter');
        await page.getByText('2 customers', { exact: true }).waitFor();
        await page.getByRole('button', { name: 'Export' }).click();
        const dialog = page.getByRole('dialog');
        const matching = dialog.getByRole('radio', {
          name: 'The 2 customers matching the search and filters',
        });
        assert.equal(await matching.isChecked(), true, 'not "All customers" while a search is on');
        await dialog.getByText('The file will hold 2 customers.').waitFor();
        const start = dialog.getByRole('button', { name: 'Start export' });
        await start.scrollIntoViewIfNeeded();
        await assertReachable(start, 'Start export');
        await assertNoSidewaysScroll(page, 'export dialog');
        await watchTexts(page, 'of \\? rows');
        await start.click();
        await dialog.getByText('The export is ready: 2 customers.').waitFor({ timeout: 30_000 });
        assert.deepEqual(await textsSeen(page), [], 'progress never reads "of ? rows"');
        await saveScreenshot(
          page,
          viewport === 'wide' ? 'export-ready' : `export-ready-${viewport}`
        );
        const download = dialog.getByRole('button', { name: 'Download CSV' });
        await assertReachable(download, 'Download CSV');
        const file = await downloadOf(page, () => download.click());
        assert.match(file.name, /\.csv$/);
        const lines = file.text.trim().split(/\r?\n/);
        assert.equal(lines.length, 3, 'a header and two customers');
        assert.match(file.text, new RegExp(people.klaas.emails[0].replace('.', '\\.')));
        assert.match(file.text, new RegExp(people.karin.emails[0].replace('.', '\\.')));
        assert.doesNotMatch(file.text, new RegExp(people.eva.emails[0].replace('.', '\\.')));
        await page.keyboard.press('Escape');
      });

      it('anonymizes a customer after a confirmation without a trash can; the profile keeps no name, email, Edit or Tags', async () => {
        await page.goto(pluginPage(baseUrl, `customers/${ids.eva}`));
        await page.getByRole('heading', { name: name('eva') }).waitFor();
        await page.getByRole('heading', { name: 'Tags', exact: true }).waitFor();
        const deleteButton = page.getByRole('button', { name: 'Delete customer' });
        const trashIcon = await deleteButton.locator('svg').innerHTML();
        const anonymize = page.getByRole('button', { name: 'Anonymize' });
        await anonymize.scrollIntoViewIfNeeded();
        await assertReachable(anonymize, 'Anonymize');
        await anonymize.click();
        const confirm = page.getByRole('alertdialog');
        await confirm
          .getByText(new RegExp(`Remove every personal detail of ${name('eva')}`))
          .waitFor();
        const confirmButton = confirm.getByRole('button', { name: 'Anonymize' });
        await assertReachable(confirmButton, 'Anonymize in the confirmation');
        assert.notEqual(
          await confirmButton.locator('svg').innerHTML(),
          trashIcon,
          'anonymizing deletes nothing: no trash can'
        );
        await confirmButton.click();
        await page.getByText(`${name('eva')} was anonymized`).waitFor();
        await page.getByRole('heading', { name: name('eva') }).waitFor({ state: 'detached' });
        assert.equal(await page.getByText(people.eva.emails[0]).count(), 0);
        assert.equal(await page.getByRole('link', { name: 'Edit' }).count(), 0, 'nothing to edit');
        assert.equal(
          await page.getByRole('heading', { name: 'Tags', exact: true }).count(),
          0,
          'no tags to set'
        );
        await assertNoSidewaysScroll(page, 'anonymized profile');
        if (viewport === 'wide') await saveScreenshot(page, 'customer-anonymized');
        const { body } = await api.get(`/segments/customers/${ids.eva}`).expect(200);
        assert.deepEqual([body.data.firstName, body.data.emails], [null, []]);
      });
    });
  }
});

import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, headless, as this machine allows (no sandbox, no background network). */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
    ],
  });

/** Where the browser tests leave their screenshots (git-ignored). */
export const screenshotDir = path.resolve(__dirname, '..', '..', 'test-output', 'e2e');

/** Starts Strapi's HTTP server on a free local port; its base URL. */
export const listenOnFreePort = (strapi: Core.Strapi) =>
  new Promise<string>((resolve) => {
    const server = strapi.server.httpServer;
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
    );
  });

/** A new page in a fresh context: 1280 by 900, English, downloads allowed. */
export const newAdminPage = async (browser: Browser) => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    locale: 'en-US',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
};

/** Logs in on the admin's login page and waits until the home page is left behind. */
export const logIn = async (page: Page, baseUrl: string, email: string, password: string) => {
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.getByLabel('Email').fill(email);
  // The password's label is also in its "show password" button's name.
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'));
};

/** The URL of one of the plugin's admin pages, e.g. `pluginPage(base, 'customers')`. */
export const pluginPage = (baseUrl: string, route: string) =>
  `${baseUrl}/admin/plugins/segments/${route}`;

/** Saves what the page shows now as test-output/e2e/<name>.png, for reviewers and the guide. */
export const saveScreenshot = async (page: Page, name: string) => {
  fs.mkdirSync(screenshotDir, { recursive: true });
  // Finished animations: a dialog fading in would be half transparent.
  await page.screenshot({
    path: path.join(screenshotDir, `${name}.png`),
    fullPage: false,
    animations: 'disabled',
  });
};

const CONTROL_ROLES =
  'button|link|textbox|searchbox|combobox|checkbox|radio|switch|spinbutton|slider|tab|menuitem';

/**
 * The controls on the page (or in `scope`) that a screen reader would announce without a name,
 * from the accessibility tree as the browser builds it: each is a line of its ARIA snapshot.
 */
export const unlabelledControls = async (page: Page, scope = 'main') => {
  const snapshot = await page.locator(scope).first().ariaSnapshot();
  const nameless = new RegExp(`^\\s*- (${CONTROL_ROLES})(\\s*\\[[^\\]]*\\])*:?\\s*$`);
  return snapshot.split('\n').filter((line) => nameless.test(line));
};

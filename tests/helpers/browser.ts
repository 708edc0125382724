import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

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

/** The two screens every flow is driven at: a laptop and the smallest the admin supports. */
export const VIEWPORTS = {
  wide: { width: 1440, height: 900 },
  narrow: { width: 1024, height: 768 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** A new page in a fresh context: 1280 by 900 unless told, English unless told, downloads allowed. */
export const newAdminPage = async (
  browser: Browser,
  options: { viewport?: ViewportName; locale?: string } = {}
) => {
  const context = await browser.newContext({
    viewport: options.viewport ? { ...VIEWPORTS[options.viewport] } : { width: 1280, height: 900 },
    acceptDownloads: true,
    locale: options.locale ?? 'en-US',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
};

/** Fails when the page scrolls sideways: the document is wider than the viewport. */
export const assertNoSidewaysScroll = async (page: Page, where: string) => {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  if (scrollWidth > clientWidth) {
    throw new Error(
      `${where}: the page scrolls sideways (${scrollWidth} px wide in ${clientWidth})`
    );
  }
};

/**
 * Fails unless the control is wholly inside the viewport and is what a click at its centre
 * would hit (not covered by another element, not cut off by a scrolling container).
 */
export const assertReachable = async (locator: Locator, what: string) => {
  await locator.waitFor({ state: 'visible' });
  const box = await locator.boundingBox();
  const viewport = locator.page().viewportSize();
  if (!box || !viewport) throw new Error(`${what}: not rendered`);
  const inside =
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width + 0.5 &&
    box.y + box.height <= viewport.height + 0.5;
  if (!inside) {
    throw new Error(
      `${what}: outside the ${viewport.width}x${viewport.height} viewport ` +
        `(x ${Math.round(box.x)}, y ${Math.round(box.y)}, ${Math.round(box.width)}x${Math.round(box.height)})`
    );
  }
  const hit = await locator.evaluate(
    (element, point) => {
      const top = document.elementFromPoint(point.x, point.y);
      return top !== null && (element === top || element.contains(top));
    },
    { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  );
  if (!hit) throw new Error(`${what}: covered by another element at its centre`);
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

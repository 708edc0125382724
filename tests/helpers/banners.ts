import type { Page } from 'playwright-core';

/**
 * Closes Strapi's "Introducing the new Media Library" banner, as an editor does once: it sits
 * over the top of every page and would cover a header's buttons scrolled up to it. Strapi keeps
 * the dismissal in local storage, so once per browser context is enough.
 */
export const dismissStrapiBanners = async (page: Page) => {
  const banner = page.getByText('Introducing the new Media Library');
  try {
    await banner.first().waitFor({ timeout: 5_000 });
  } catch {
    return;
  }
  await page
    .locator('div', { has: banner })
    .last()
    .getByRole('button', { name: 'Close', exact: true })
    .click();
  await banner.first().waitFor({ state: 'hidden' });
};

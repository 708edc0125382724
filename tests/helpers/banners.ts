import type { Page } from 'playwright-core';

/**
 * Dismisses Strapi's "Introducing the new Media Library" banner, as an editor does once: it sits
 * over the top of every page and would cover a header's buttons scrolled up to it. Strapi keeps
 * the dismissal in local storage under a key scoped to the instance's uuid (from /admin/init).
 */
export const dismissStrapiBanners = async (page: Page) => {
  await page.evaluate(async () => {
    const { data } = (await (await fetch('/admin/init')).json()) as { data?: { uuid?: string } };
    for (const legacy of [true, false]) {
      localStorage.setItem(
        `STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${data?.uuid}`,
        'true'
      );
    }
  });
  await page.reload();
};

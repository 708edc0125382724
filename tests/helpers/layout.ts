import type { Locator } from 'playwright-core';

/**
 * Scrolls a control to the middle of its scrolling area, as an editor scrolling to it would see
 * it; `scrollIntoViewIfNeeded` puts it at the very top edge, under the admin's fixed top bar at
 * 1024 px, where no one would try to click it.
 */
export const scrollToMiddle = (locator: Locator) =>
  locator.evaluate(
    (element) =>
      new Promise<void>((done) => {
        // Instantly, not smoothly: the check that follows measures where the control is.
        element.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
        requestAnimationFrame(() => requestAnimationFrame(() => done()));
      })
  );

/** Fails when the control's text is cut off (an ellipsis, or text spilling out of its box). */
export const assertTextFits = async (locator: Locator, what: string) => {
  const cut = await locator.evaluate((element) =>
    [element, ...Array.from(element.querySelectorAll('*'))].some(
      (el) => el.scrollWidth > el.clientWidth + 1
    )
  );
  if (cut) throw new Error(`${what}: its text does not fit`);
};

/**
 * Scrolls the page back to its top, where a page's header and its primary actions are. Scrolled
 * down, Strapi's header sticks to the top of the page, which at 1024 px is under the admin's
 * fixed top bar (Strapi's layout, not the plugin's): an editor scrolls up to press Save.
 */
export const scrollToTop = (locator: Locator) =>
  locator.evaluate(
    (element) =>
      new Promise<void>((done) => {
        for (let el = element.parentElement; el; el = el.parentElement) el.scrollTop = 0;
        window.scrollTo({ top: 0, behavior: 'instant' });
        requestAnimationFrame(() => requestAnimationFrame(() => done()));
      })
  );

/**
 * A white card of stacked content on the grey page, as Strapi's own views group theirs; spread
 * on a `Flex` that sets its tag, gap and padding.
 */
export const CARD = {
  direction: 'column',
  alignItems: 'stretch',
  background: 'neutral0',
  hasRadius: true,
  shadow: 'tableShadow',
} as const;

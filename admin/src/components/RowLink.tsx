import { Typography } from '@strapi/design-system';
import type { MouseEvent, ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** Keeps a click inside a clickable row (a link, a checkbox) from also firing the row's own. */
export const stopPropagation = (event: MouseEvent) => event.stopPropagation();

/**
 * The name in a list row, as a real link to the row's page (keyboard, new tab), while the rest
 * of the row navigates on click.
 */
export const RowLink = ({ to, children }: { to: string; children: ReactNode }) => (
  <Typography
    tag={Link}
    to={to}
    onClick={stopPropagation}
    fontWeight="semiBold"
    textColor="neutral800"
    ellipsis
  >
    {children}
  </Typography>
);

import { Box, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

interface NoticeProps {
  variant: 'warning' | 'danger';
  title: string;
  children: ReactNode;
}

/**
 * A message that stays in the page (the design system's Alert always offers a close button,
 * which makes no sense for a report that must remain readable).
 */
export const Notice = ({ variant, title, children }: NoticeProps) => (
  <Box
    role={variant === 'danger' ? 'alert' : 'status'}
    background={`${variant}100`}
    borderColor={`${variant}200`}
    hasRadius
    padding={4}
  >
    <Typography tag="p" fontWeight="bold" textColor="neutral800">
      {title}
    </Typography>
    <Typography tag="p" textColor="neutral800">
      {children}
    </Typography>
  </Box>
);

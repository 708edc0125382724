import { Flex, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { CARD } from '../card';

interface ProfileCardProps {
  title: string;
  /** Buttons at the right of the heading. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A white card with a heading, the building block of the profile page. */
export const ProfileCard = ({ title, actions, children }: ProfileCardProps) => (
  <Flex tag="section" {...CARD} gap={4} padding={6}>
    <Flex justifyContent="space-between" gap={2} wrap="wrap">
      <Typography tag="h2" variant="delta">
        {title}
      </Typography>
      {actions}
    </Flex>
    {children}
  </Flex>
);

/** One label and value of a description list. */
export const Detail = ({ label, children }: { label: string; children: ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography tag="dt" variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography tag="dd" textColor="neutral800" style={{ margin: 0 }}>
      {children}
    </Typography>
  </Flex>
);

import { Flex, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { CARD } from '../card';

/** A white card with a heading, as Strapi's own edit views group their fields. */
export const FormSection = ({ title, children }: { title: string; children: ReactNode }) => (
  <Flex tag="section" {...CARD} gap={4} padding={6}>
    <Typography tag="h2" variant="delta">
      {title}
    </Typography>
    {children}
  </Flex>
);

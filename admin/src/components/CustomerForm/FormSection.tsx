import { Flex, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

/** A white card with a heading, as Strapi's own edit views group their fields. */
export const FormSection = ({ title, children }: { title: string; children: ReactNode }) => (
  <Flex
    tag="section"
    direction="column"
    alignItems="stretch"
    gap={4}
    background="neutral0"
    padding={6}
    hasRadius
    shadow="tableShadow"
  >
    <Typography tag="h2" variant="delta">
      {title}
    </Typography>
    {children}
  </Flex>
);

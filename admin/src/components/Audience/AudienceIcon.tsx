import { Flex } from '@strapi/design-system';
import { User } from '@strapi/icons';

/** The Audience field's icon in the Content-Type Builder. */
export const AudienceIcon = () => (
  <Flex justifyContent="center" alignItems="center" width={7} height={6} hasRadius aria-hidden>
    <User />
  </Flex>
);

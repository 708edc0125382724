import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Customer } from '../../../../contracts/customers';
import { useT } from '../../hooks/useT';
import type { CustomerColumn } from './customerColumns';

const MAX_SEGMENTS = 2;
const MAX_BADGE_CHARS = 20;

/** A long segment name shortened for its badge (the whole name is its tooltip). */
const short = (name: string) =>
  name.length > MAX_BADGE_CHARS ? `${name.slice(0, MAX_BADGE_CHARS - 1)}…` : name;

/** Long values end in an ellipsis rather than widening the table. */
const Text = ({ children, width = '16rem' }: { children: string; width?: string }) => (
  <Box maxWidth={width}>
    <Typography textColor="neutral800" ellipsis tag="div" title={children}>
      {children}
    </Typography>
  </Box>
);

/** What one optional column of the customer list shows for a customer. */
export const CustomerCell = ({
  column,
  customer,
}: {
  column: CustomerColumn;
  customer: Customer;
}) => {
  const t = useT();
  const { formatDate } = useIntl();
  const dateTime = (value: string) =>
    formatDate(value, { dateStyle: 'medium', timeStyle: 'short' });
  switch (column) {
    case 'email':
      return <Text>{customer.emails[0] ?? '-'}</Text>;
    case 'phone':
      return <Text>{customer.phones[0] ?? '-'}</Text>;
    case 'city':
      return <Text width="12rem">{customer.city ?? '-'}</Text>;
    case 'country':
      return <Text width="12rem">{customer.country ?? '-'}</Text>;
    case 'segments': {
      const extra = customer.segments.length - MAX_SEGMENTS;
      return (
        <Flex direction="column" alignItems="flex-start" gap={1} maxWidth="14rem">
          {customer.segments.slice(0, MAX_SEGMENTS).map((segment) => (
            <Badge key={segment.documentId} title={segment.name}>
              {short(segment.name)}
            </Badge>
          ))}
          {extra > 0 && (
            <Typography variant="pi" textColor="neutral600">
              {t('list.segments.more', { count: extra })}
            </Typography>
          )}
          {customer.segments.length === 0 && <Typography textColor="neutral600">-</Typography>}
        </Flex>
      );
    }
    case 'lastActivityAt':
      return (
        <Text width="16rem">
          {customer.lastActivityAt ? dateTime(customer.lastActivityAt) : t('list.activity.none')}
        </Text>
      );
    case 'createdAt':
      return <Text width="16rem">{dateTime(customer.createdAt)}</Text>;
  }
};

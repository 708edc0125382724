import { Flex, Grid, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Customer } from '../../../../contracts/customers';
import { useT } from '../../hooks/useT';
import { toPickerDate } from '../../utils/dates';
import { ProfileCard } from './ProfileCard';

interface Row {
  name: string;
  date: string | null;
}

/** Subscriptions and terms the customer agreed to, each with its date. */
export const CustomerConsents = ({ customer }: { customer: Customer }) => {
  const t = useT();
  const { formatDate } = useIntl();
  const day = (value: string | null) => {
    const date = value ? (toPickerDate(value.slice(0, 10)) ?? null) : null;
    return date ? formatDate(date, { dateStyle: 'medium', timeZone: 'UTC' }) : t('profile.noDate');
  };

  const list = (title: string, rows: Row[], empty: string) => (
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch" gap={2}>
      <Typography tag="h3" variant="sigma" textColor="neutral600">
        {title}
      </Typography>
      {rows.length === 0 ? (
        <Typography textColor="neutral500">{empty}</Typography>
      ) : (
        <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
          {rows.map((row) => (
            <Flex tag="li" key={`${row.name}-${row.date}`} justifyContent="space-between" gap={4}>
              <Typography fontWeight="semiBold">{row.name}</Typography>
              <Typography textColor="neutral600">{day(row.date)}</Typography>
            </Flex>
          ))}
        </Flex>
      )}
    </Grid.Item>
  );

  return (
    <ProfileCard title={t('section.consents')}>
      <Grid.Root gap={6}>
        {list(
          t('customer.subscriptions'),
          customer.subscriptions.map((s) => ({ name: s.subscription, date: s.subscribedAt })),
          t('profile.subscriptions.none')
        )}
        {list(
          t('customer.terms'),
          customer.terms.map((term) => ({ name: term.termId, date: term.givenAt })),
          t('profile.terms.none')
        )}
      </Grid.Root>
    </ProfileCard>
  );
};

import { Flex, Grid, Link, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { Customer } from '../../../../contracts/customers';
import { useT } from '../../hooks/useT';
import { toPickerDate } from '../../utils/dates';
import { Detail, ProfileCard } from './ProfileCard';

/** Whole years between a yyyy-mm-dd and today. */
const ageOn = (day: string, today = new Date()) => {
  const [y, m, d] = day.split('-').map(Number);
  const birthdayPassed =
    today.getMonth() + 1 > m || (today.getMonth() + 1 === m && today.getDate() >= d);
  return today.getFullYear() - y - (birthdayPassed ? 0 : 1);
};

/** Name, job, birth, contact and address of a customer, read-only. */
export const CustomerDetails = ({ customer }: { customer: Customer }) => {
  const t = useT();
  const { formatDate } = useIntl();
  const none = <Typography textColor="neutral500">{t('profile.none')}</Typography>;
  const birth = toPickerDate(customer.dateOfBirth);
  const address = [
    [customer.street, customer.houseNumber].filter(Boolean).join(' '),
    [customer.zipCode, customer.city].filter(Boolean).join(' '),
    customer.country,
  ].filter(Boolean);

  const item = (label: string, value: ReactNode) => (
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
      <Detail label={label}>{value || none}</Detail>
    </Grid.Item>
  );

  return (
    <ProfileCard title={t('section.details')}>
      <Grid.Root gap={5} tag="dl" style={{ margin: 0 }}>
        {item(t('customer.fullName'), customer.fullName)}
        {item(t('customer.jobTitle'), customer.jobTitle)}
        {item(
          t('customer.dateOfBirth'),
          birth &&
            customer.dateOfBirth &&
            t('profile.dateOfBirth', {
              date: formatDate(birth, { dateStyle: 'long', timeZone: 'UTC' }),
              age: ageOn(customer.dateOfBirth),
            })
        )}
        {item(t('customer.gender'), customer.gender && t(`gender.${customer.gender}`))}
        {item(
          t('customer.emails'),
          customer.emails.length > 0 && (
            <Flex tag="span" direction="column" alignItems="flex-start">
              {customer.emails.map((email) => (
                <Link key={email} href={`mailto:${email}`} isExternal={false}>
                  {email}
                </Link>
              ))}
            </Flex>
          )
        )}
        {item(
          t('customer.phones'),
          customer.phones.length > 0 && (
            <Flex tag="span" direction="column" alignItems="flex-start">
              {customer.phones.map((phone) => (
                <Link key={phone} href={`tel:+${phone}`} isExternal={false}>
                  +{phone}
                </Link>
              ))}
            </Flex>
          )
        )}
        {item(
          t('profile.address'),
          address.length > 0 && (
            <Flex tag="span" direction="column" alignItems="flex-start">
              {address.map((line) => (
                <span key={line}>{line}</span>
              ))}
            </Flex>
          )
        )}
        {item(t('customer.referenceId'), customer.referenceId)}
      </Grid.Root>
    </ProfileCard>
  );
};

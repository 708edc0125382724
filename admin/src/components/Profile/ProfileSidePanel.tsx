import { Button, Divider, Flex } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { Customer } from '../../../../contracts/customers';
import { useT } from '../../hooks/useT';
import { CustomerSegments } from './CustomerSegments';
import { Detail } from './ProfileCard';
import { CARD } from '../card';

interface ProfileSidePanelProps {
  customer: Customer;
  /** Merge, GDPR export, Anonymize: shown above Delete. */
  actions?: ReactNode;
  /** Absent when the admin may not delete customers: no Delete button then. */
  onDelete?: () => void;
}

/** The profile's right column: segments (with "Why?"), where it came from, actions, Delete. */
export const ProfileSidePanel = ({ customer, actions, onDelete }: ProfileSidePanelProps) => {
  const t = useT();
  const { formatDate } = useIntl();
  const when = (value: string | null) =>
    value ? formatDate(value, { dateStyle: 'medium', timeStyle: 'short' }) : t('profile.never');

  return (
    <Flex tag="aside" aria-label={t('profile.sidePanel')} {...CARD} gap={4} padding={5}>
      <CustomerSegments customer={customer} />
      <Divider />
      <Flex tag="dl" direction="column" alignItems="stretch" gap={3} style={{ margin: 0 }}>
        <Detail label={t('profile.source')}>{t(`source.${customer.source}`)}</Detail>
        <Detail label={t('profile.lastActivity')}>{when(customer.lastActivityAt)}</Detail>
        <Detail label={t('profile.created')}>{when(customer.createdAt)}</Detail>
        <Detail label={t('profile.updated')}>{when(customer.updatedAt)}</Detail>
      </Flex>
      {actions && (
        <>
          <Divider />
          {actions}
        </>
      )}
      {onDelete && (
        <>
          {!actions && <Divider />}
          <Button variant="danger-light" startIcon={<Trash />} fullWidth onClick={onDelete}>
            {t('profile.delete')}
          </Button>
        </>
      )}
    </Flex>
  );
};
